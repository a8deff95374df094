package crawler_test

import (
	"context"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/boltstore"
	"github.com/winnowhq/winnow/crawler/frontier"
)

// panicStore is a store with a bug: one of its methods panics, once, on its
// after-th call.
type panicStore struct {
	frontier.Store
	method string
	after  int64
	calls  atomic.Int64
}

func (p *panicStore) bug(method string) {
	if method == p.method && p.calls.Add(1) == p.after {
		panic("store bug in " + method)
	}
}

func (p *panicStore) Claim(ctx context.Context, max int, lease time.Duration) ([]frontier.Entry, error) {
	p.bug("Claim")
	return p.Store.Claim(ctx, max, lease)
}

func (p *panicStore) HoldHost(ctx context.Context, host string, until time.Time) error {
	p.bug("HoldHost")
	return p.Store.HoldHost(ctx, host, until)
}

func (p *panicStore) Commit(ctx context.Context, b *frontier.Batch) error {
	p.bug("Commit")
	return p.Store.Commit(ctx, b)
}

// TestCrawl_PanicStops: a panic outside a page's visit (here a store's,
// in the dispatcher, a worker or the committer) ends the run with an error
// naming it, instead of crashing the process (and, under winnow serve,
// every other job's run); the next run resumes and finishes the crawl.
func TestCrawl_PanicStops(t *testing.T) {
	for _, method := range []string{"Claim", "HoldHost", "Commit"} {
		t.Run(method, func(t *testing.T) {
			s := newSite(t, 1, 10, "")
			out, state := filepath.Join(t.TempDir(), "out"), t.TempDir()
			cfg := job(s, out)
			cfg.Seeds = []string{s.url("/section/0")}
			bs, err := boltstore.Open(filepath.Join(state, "crawl.db"))
			if err != nil {
				t.Fatal(err)
			}
			cr, err := crawler.New(cfg, &panicStore{Store: bs, method: method, after: 3}, extractArticle, nil)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
			defer cancel()
			_, err = cr.Run(ctx)
			bs.Close()
			if ctx.Err() != nil || err == nil || !strings.Contains(err.Error(), "panic: store bug in "+method) {
				t.Fatalf("Run = %v (context %v), want an error naming the panic", err, ctx.Err())
			}
			if st, _ := runJob(t, cfg, state); st.Written+st.Unchanged == 0 && len(readIndex(t, out)) != 10 {
				t.Errorf("next run: %+v, index %d lines; want the 10 articles", st.Outcomes, len(readIndex(t, out)))
			}
			if n := len(readIndex(t, out)); n != 10 {
				t.Errorf("index holds %d articles after the next run, want 10", n)
			}
		})
	}
}
