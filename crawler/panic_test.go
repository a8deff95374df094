package crawler_test

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
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

// stateBugStore is a store whose State panics for the URLs ending in bad.
type stateBugStore struct {
	frontier.Store
	bad string
}

func (s *stateBugStore) State(ctx context.Context, u string) (frontier.State, bool, error) {
	if strings.HasSuffix(u, s.bad) {
		panic("state bug")
	}
	return s.Store.State(ctx, u)
}

// TestCrawl_PanicGoesOn: a panic in one page's work (Extract, the
// freshness check that reads its state) or in an OnEvent callback never
// stops the crawl: it becomes an error naming the URL and the stage,
// recorded (the page's event, the log), and every other article is
// written.
func TestCrawl_PanicGoesOn(t *testing.T) {
	const bad = "/news/0-3"
	for _, tc := range []struct {
		stage string
		set   func(cfg *crawler.Config, st *frontier.Store, ex *crawler.Extract)
		// failed: the bad page fails (its event names the stage); else it
		// is written, and only the log tells of the panic.
		failed bool
	}{
		{"extract", func(cfg *crawler.Config, st *frontier.Store, ex *crawler.Extract) {
			*ex = func(ctx context.Context, p *crawler.Page) (string, string, error) {
				if strings.HasSuffix(p.URL, bad) {
					var m map[string]int
					m["x"]++ // a nil map: a bug in the extractor
				}
				return extractArticle(ctx, p)
			}
		}, true},
		{"freshness check", func(cfg *crawler.Config, st *frontier.Store, ex *crawler.Extract) {
			*st = &stateBugStore{Store: *st, bad: bad}
		}, true},
		{"OnEvent", func(cfg *crawler.Config, st *frontier.Store, ex *crawler.Extract) {
			next := cfg.OnEvent
			cfg.OnEvent = func(ev crawler.Event) {
				next(ev)
				if strings.HasSuffix(ev.URL, bad) {
					panic("callback bug")
				}
			}
		}, false},
	} {
		t.Run(tc.stage, func(t *testing.T) {
			s := newSite(t, 1, 10, "")
			out, state := filepath.Join(t.TempDir(), "out"), t.TempDir()
			cfg := job(s, out)
			cfg.Seeds = []string{s.url("/section/0")}
			evs := &events{}
			cfg.OnEvent = evs.add
			bs, err := boltstore.Open(filepath.Join(state, "crawl.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer bs.Close()
			var st frontier.Store = bs
			ex := crawler.Extract(extractArticle)
			tc.set(&cfg, &st, &ex)
			var logb syncBuffer
			cr, err := crawler.New(cfg, st, ex, slog.New(slog.NewTextHandler(&logb, nil)))
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
			defer cancel()
			stats, err := cr.Run(ctx)
			if err != nil || ctx.Err() != nil {
				t.Fatalf("Run = %v (context %v), want the crawl to go on", err, ctx.Err())
			}
			want := 9
			if !tc.failed {
				want = 10
			}
			if n := len(readIndex(t, out)); n != want || stats.Written != int64(want) {
				t.Errorf("%d articles indexed, %d written; want %d", n, stats.Written, want)
			}
			if stats.Panics != 1 {
				t.Errorf("Stats.Panics = %d, want 1", stats.Panics)
			}
			if tc.failed {
				fails := evs.find(crawler.EventFailed, bad)
				if len(fails) != 1 || !strings.Contains(fails[0].Err.Error(), bad+": "+tc.stage+": panic") {
					t.Fatalf("failed events of %s: %+v; want one whose error names the URL and %q", bad, fails, tc.stage)
				}
			}
			if l := logb.String(); !strings.Contains(l, bad) || !strings.Contains(l, tc.stage+": panic") {
				t.Errorf("log does not record the panic with the URL and %q:\n%s", tc.stage, l)
			}
		})
	}
}

// syncBuffer is a bytes.Buffer safe for the log's concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
