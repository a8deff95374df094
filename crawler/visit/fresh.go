package visit

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/winnowhq/winnow/crawler/commit"
	"github.com/winnowhq/winnow/crawler/dispatch"
	"github.com/winnowhq/winnow/crawler/frontier"
)

type Freshness struct {
	// Result takes the entry out of the frontier when Fresh is true.
	Result commit.Result
	Fresh  bool
	// Prior is the entry's stored state, when it was read.
	Prior *dispatch.Prior
	// Err is set when the check panicked (a bug in a store): the entry
	// fails, with Result taking it out of the frontier.
	Err error
}

// FreshAll runs fresh on a claimed batch, on as many goroutines as there
// are CPUs: on a re-run nearly every entry is settled here, and reading its
// state (a store read, a JSON decode, a stat of its file) one after another
// on the dispatcher made it the re-run's bottleneck. With recheck off,
// nothing is settled early and Visit reads the state.
func (v *Visitor) FreshAll(ctx context.Context, es []frontier.Entry) []Freshness {
	out := make([]Freshness, len(es))
	if v.opt.Recheck <= 0 {
		return out
	}
	var next atomic.Int64
	work := func() {
		for i := int(next.Add(1) - 1); i < len(es); i = int(next.Add(1) - 1) {
			out[i] = v.safeFresh(ctx, es[i])
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (len(es)+15)/16) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	return out
}

// safeFresh is fresh with a panic turned into the entry's failure: run on
// goroutines of its own, an escaping panic would end the process.
func (v *Visitor) safeFresh(ctx context.Context, e frontier.Entry) (f Freshness) {
	defer func() {
		if p := recover(); p != nil {
			f = Freshness{Result: commit.Result{Entry: e, Done: true}, Err: Panicked(e.URL, "freshness check", p)}
			v.log.Error("panic in a freshness check: page failed, crawl goes on", "url", e.URL, "err", f.Err, "stack", string(debug.Stack()))
		}
	}()
	f.Result, f.Fresh, f.Prior = v.fresh(ctx, e)
	return f
}

// fresh reports whether e is an article checked more recently than its
// revisit interval (State.Recheck, at least Config.Recheck); if so, it
// returns the result that takes e out of the frontier without a request,
// feeding the frontier with the article's remembered links; if not, the
// state it read, which Visit then uses rather than reading it again.
func (v *Visitor) fresh(ctx context.Context, e frontier.Entry) (commit.Result, bool, *dispatch.Prior) {
	prev, known, err := v.store.State(ctx, e.URL)
	if err != nil {
		return commit.Result{}, false, nil // Visit reads it again and reports the error
	}
	pr := &dispatch.Prior{State: prev, Known: known}
	if !known || prev.Hash == "" || prev.Err != "" {
		return commit.Result{}, false, pr
	}
	last := prev.FetchedAt
	if prev.CheckedAt.After(last) {
		last = prev.CheckedAt
	}
	interval := min(max(prev.Recheck, v.opt.Recheck), v.opt.RecheckMax)
	if age := time.Since(last); age < 0 || age >= interval {
		return commit.Result{}, false, pr
	}
	if prev.File != "" && v.opt.Files && !frontier.IsShared(v.store) {
		if _, err := os.Stat(filepath.Join(v.opt.OutputDir, prev.File)); err != nil {
			return commit.Result{}, false, pr // removed by hand: fetch and write it again
		}
	}
	return commit.Result{Entry: e, Done: true, Enqueue: v.linkEntries(prev.Links, e.Depth)}, true, nil
}

// failure decides between a retry with backoff and giving up.
