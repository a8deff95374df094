package crawler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"

	"github.com/winnowhq/winnow/crawler/commit"
	"github.com/winnowhq/winnow/crawler/dispatch"
	"github.com/winnowhq/winnow/crawler/fetch"
	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/output"
	"github.com/winnowhq/winnow/crawler/robots"
	"github.com/winnowhq/winnow/crawler/urls"
	"github.com/winnowhq/winnow/crawler/visit"
	"github.com/winnowhq/winnow/internal/netguard"
)

// Crawler runs one crawl job against a Store. Build one with New per run.
type Crawler struct {
	cfg     Config
	store   frontier.Store
	extract Extract
	log     *slog.Logger
	stats   counters
	seeds   map[string]bool // canonical seed URLs
	guard   *netguard.Guard
	visit   *visit.Visitor
}

// Stats counts the outcomes of a run.
type Stats struct {
	// Outcomes count the pages by what became of them.
	Outcomes
	Fetched  int64 // responses received (robots.txt included)
	Bytes    int64
	Queued   int64 // frontier entries not yet done (approximate)
	InFlight int64
	// SeedsOK and SeedsFailed count the seeds fetched, and those whose
	// fetch failed, in this run (a resumed run counts only its own).
	SeedsOK, SeedsFailed int64
	// Panics counts the panics recovered in this run (in a page's visit,
	// a freshness check, an OnEvent callback): each became an error naming
	// the URL and the stage, logged, and the crawl went on.
	Panics int64
	// Caps are the limits of the job that cut the run short, with what
	// each left unvisited; empty when none did.
	Caps []Cap
	// Resumed is true when the run continued an interrupted one.
	Resumed bool
	// Interrupted is true when the context ended the run before the
	// frontier was empty; the next run resumes it.
	Interrupted bool
	Elapsed     time.Duration
}

// Outcomes count the pages of a run by outcome (see EventKind).
type Outcomes struct {
	Written   int64 // articles written, new or changed
	New       int64
	Changed   int64
	Unchanged int64 // 304 or same text: not rewritten
	Followed  int64 // listing pages, sitemaps, feeds, redirects
	Skipped   int64
	Unwanted  int64 // of Skipped: articles Extract turned down (ErrUnwanted)
	Retried   int64
	Failed    int64
	Spam      int64 // pages judged spam from top to bottom: not written
	// FetchFailed counts the failures in Failed where no usable response
	// came (network, timeout, 4xx, 5xx, robots.txt unavailable), as
	// opposed to a page that came but could not be read or cleaned.
	FetchFailed int64
}

// counters are the live form of Stats.
type counters struct {
	outcomeCounters
	fetched, bytes, queued, inflight atomic.Int64
	seedsOK, seedsFailed, panics     atomic.Int64
	caps                             capCounters
	lastErr                          atomic.Value // string
	resumed, interrupted             atomic.Bool
	// born is when New made the crawler; started, how long after that Run
	// started (Stats may be read while Run sets it).
	born    time.Time
	started atomic.Int64
}

// outcomeCounters are the live form of Outcomes: one counter per event
// kind, and the finer counts within a kind.
type outcomeCounters struct {
	byKind                              [visit.NumEventKinds]atomic.Int64
	new, changed, unwanted, fetchFailed atomic.Int64
}

// outcomes is a snapshot of o.
func (o *outcomeCounters) outcomes() Outcomes {
	n := func(k EventKind) int64 { return o.byKind[k].Load() }
	return Outcomes{
		Written: n(EventWritten), New: o.new.Load(), Changed: o.changed.Load(), Unchanged: n(EventUnchanged),
		Followed: n(EventFollowed), Skipped: n(EventSkipped), Unwanted: o.unwanted.Load(), Retried: n(EventRetry),
		Failed: n(EventFailed), Spam: n(EventSpam), FetchFailed: o.fetchFailed.Load(),
	}
}

// New checks cfg and returns a Crawler. log may be nil.
func New(cfg Config, st frontier.Store, extract Extract, log *slog.Logger) (*Crawler, error) {
	d, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	if st == nil || extract == nil {
		return nil, fmt.Errorf("job %q: store and extract are required", d.Name)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Crawler{cfg: d, store: st, extract: extract, log: log.With("job", d.Name), seeds: map[string]bool{}}
	for _, s := range d.Seeds {
		u, err := urls.Canonical(s)
		if err != nil {
			return nil, fmt.Errorf("job %q: seed: %w", d.Name, err)
		}
		c.seeds[u] = true
	}
	c.guard = &netguard.Guard{AllowPrivate: d.AllowPrivate}
	c.visit = visit.New(visit.Options{
		UserAgent: d.UserAgent, Scope: d.Scope, Articles: d.Articles, WriteAll: d.WriteAll,
		OutputDir: d.OutputDir, Files: d.Format == OutputFiles,
		PageTimeout: d.PageTimeout, MaxLinks: d.MaxLinks, MaxInFlightBytes: d.MaxInFlightBytes,
		Retry: d.Retry, Revisit: d.Revisit,
	}, st, extract, c.log, func(n int) {
		c.stats.fetched.Add(1)
		c.stats.bytes.Add(int64(n))
	})
	c.stats.born = time.Now()
	return c, nil
}

// Stats returns a snapshot of the counters; safe to call during Run.
func (c *Crawler) Stats() Stats {
	s := &c.stats
	return Stats{
		Outcomes: s.outcomes(),
		Fetched:  s.fetched.Load(), Bytes: s.bytes.Load(), Queued: s.queued.Load(), InFlight: s.inflight.Load(),
		SeedsOK: s.seedsOK.Load(), SeedsFailed: s.seedsFailed.Load(), Panics: s.panics.Load(), Caps: c.caps(),
		Resumed: s.resumed.Load(), Interrupted: s.interrupted.Load(), Elapsed: time.Since(s.born) - time.Duration(s.started.Load()),
	}
}

// Run crawls until the frontier is empty or ctx ends. On ctx's end it stops
// dispatching, lets requests in flight finish (up to Config.Timeout), commits
// everything done and returns with Stats.Interrupted set and a nil error: the
// next Run resumes. An error means the state or the output failed, the
// output dir is held by another crawl (output.ErrLocked), or the run failed
// as a whole (ErrRunFailed: every seed failed, or more than
// Config.MaxFailedShare of the fetches).
//
// Run reads top to bottom as a run's lifecycle: state, index
// and replay, fetcher, committer, workers and dispatcher, then shutdown in
// reverse order and the verdict.
func (c *Crawler) Run(parent context.Context) (Stats, error) {
	c.stats.started.Store(int64(time.Since(c.stats.born)))
	// A failing commit (full disk, broken state) stops the run like a signal.
	ctx, cancelRun := context.WithCancelCause(parent)
	defer cancelRun(nil)
	if err := c.guard.AllowHosts(ctx, slices.Concat(c.cfg.Seeds, netguard.EnvProxies(c.cfg.Seeds))); err != nil {
		return c.Stats(), fmt.Errorf("job %q: %w", c.cfg.Name, err)
	}
	cp, err := c.store.Checkpoint(ctx)
	if err != nil {
		return c.Stats(), fmt.Errorf("job %q: %w", c.cfg.Name, err)
	}
	worker := ""
	if s, ok := c.store.(frontier.SharedStore); ok && s.Shared() {
		worker = s.Worker()
	}
	idx, replay, err := output.Open(c.cfg.OutputDir, worker, c.cfg.Name, cp)
	if err != nil {
		return c.Stats(), fmt.Errorf("job %q: %w", c.cfg.Name, err)
	}
	defer idx.Close()
	if err := c.replay(ctx, replay, idx.Size(), cp); err != nil {
		return c.Stats(), err
	}
	if err := c.start(ctx); err != nil {
		return c.Stats(), err
	}

	// Requests in flight get a grace period after ctx ends, then are cut.
	fetchCtx, cancelFetch := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelFetch()
	stopGrace := context.AfterFunc(ctx, func() {
		t := time.AfterFunc(c.cfg.Timeout, cancelFetch)
		context.AfterFunc(fetchCtx, func() { t.Stop() })
	})
	defer stopGrace()
	ff, err := fetch.New(fetchCtx, fetch.Options{
		UserAgent: c.cfg.UserAgent, Timeout: c.cfg.Timeout, MaxBodySize: c.cfg.MaxBodySize,
		IdlePerHost: max(c.cfg.HostParallelism, c.cfg.Workers), PrefixBytes: robots.MaxBytes,
	}, c.guard)
	if err != nil {
		return c.Stats(), err
	}
	f := &visit.Fetcher{Fetcher: ff, Budget: semaphore.NewWeighted(c.cfg.MaxInFlightBytes)}

	commits := commit.NewChans(4 * c.cfg.Workers)
	commitErr := make(chan error, 1)
	cm := &commit.Committer{Store: c.store, Index: idx, Log: c.log, Limit: c.limits()}
	go func() { commitErr <- cm.Run(fetchCtx, commits, cancelRun) }()

	derr := c.dispatch(ctx, fetchCtx, f, commits, cancelRun)
	commits.Close()
	cerr := <-commitErr
	c.countLeftOut(ctx)
	if parent.Err() != nil {
		c.stats.interrupted.Store(true)
	}
	st := c.Stats()
	c.log.Info("run done", "written", st.Written, "unchanged", st.Unchanged, "skipped", st.Skipped, "failed", st.Failed,
		"fetched", st.Fetched, "interrupted", st.Interrupted, "elapsed", st.Elapsed.Round(time.Millisecond))
	for _, cp := range st.Caps {
		c.log.Warn("a cap cut the run", "cap", cp.Key, "limit", cp.Limit, "left", cp.Left, "unit", cp.Unit)
	}
	if derr != nil {
		return st, fmt.Errorf("job %q: %w", c.cfg.Name, derr)
	}
	if cerr != nil {
		return st, fmt.Errorf("job %q: %w", c.cfg.Name, cerr)
	}
	if parent.Err() == nil && ctx.Err() != nil { // aborted from inside: the output failed
		return st, fmt.Errorf("job %q: %w", c.cfg.Name, context.Cause(ctx))
	}
	if err := c.verdict(st); err != nil {
		c.log.Error("run failed", "err", err)
		return st, fmt.Errorf("job %q: %w", c.cfg.Name, err)
	}
	return st, nil
}

// dispatch runs Config.Workers workers and the dispatcher that feeds them
// until the frontier is empty or ctx ends; it returns when every worker is
// done. abort stops the run when the output fails.
func (c *Crawler) dispatch(ctx, fetchCtx context.Context, f *visit.Fetcher, commits *commit.Chans, abort context.CancelCauseFunc) (err error) {
	jobs := make(chan dispatch.Job)
	done := make(chan dispatch.Done, c.cfg.Workers)
	var wg sync.WaitGroup
	for range c.cfg.Workers {
		wg.Go(func() {
			for j := range jobs {
				done <- c.safeWork(fetchCtx, f, j, commits.Results, abort)
			}
		})
	}
	// A panic of the dispatcher (a bug in a store) ends the run with an
	// error, its workers stopped, rather than the process.
	defer func() {
		close(jobs)
		wg.Wait()
	}()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("dispatch: panic: %v", p)
		}
	}()
	d := dispatch.New(dispatched{c}, c.store, dispatch.Options{
		Workers: c.cfg.Workers, HostParallelism: c.cfg.HostParallelism, Delay: c.cfg.Delay,
		IgnoreRobots: c.cfg.IgnoreRobots, IdlePoll: min(100*time.Millisecond, c.cfg.RetryBase),
		SharedRobots:    c.sharesRobots(),
		MaxHostFailures: c.cfg.MaxHostFailures,
	}, jobs, done, commits)
	return d.Run(ctx, fetchCtx)
}

// sharesRobots reports whether robots.txt answers are shared with the
// other processes of the store (frontier.RobotsShare).
func (c *Crawler) sharesRobots() bool {
	_, ok := c.store.(frontier.RobotsShare)
	return ok && !c.cfg.IgnoreRobots && frontier.IsShared(c.store)
}

// verdict fails a run that did not do its job: every seed failed (a dead
// or failing site: connection refused, 5xx, no robots.txt; or a seed that
// redirects out of the scope), or more than
// MaxFailedShare of the fetches that finished failed.
func (c *Crawler) verdict(st Stats) error {
	if st.Interrupted {
		return nil
	}
	if st.SeedsFailed > 0 && st.SeedsOK == 0 {
		return fmt.Errorf("%w: every seed failed (%d); last error: %s", ErrRunFailed, st.SeedsFailed, c.lastError())
	}
	finished := st.Written + st.Unchanged + st.Followed + st.Failed
	if finished > 0 && float64(st.FetchFailed) > c.cfg.MaxFailedShare*float64(finished) {
		return fmt.Errorf("%w: %d of %d fetches failed, over the %.0f%% allowed; last error: %s",
			ErrRunFailed, st.FetchFailed, finished, 100*c.cfg.MaxFailedShare, c.lastError())
	}
	return nil
}

func (c *Crawler) lastError() string {
	if e, ok := c.stats.lastErr.Load().(string); ok {
		return e
	}
	return "none"
}

// replay applies index lines written after the store's last checkpoint (a
// crash between the index sync and the state commit). Their validators are
// not known, so the next fetch of those URLs is unconditional, but their
// hash is: an unchanged text is not written again.
func (c *Crawler) replay(ctx context.Context, lines []output.IndexLine, size, cp int64) error {
	if len(lines) == 0 && size == cp {
		return nil
	}
	b := &frontier.Batch{States: map[string]frontier.State{}, Checkpoint: size}
	for _, l := range lines {
		st, _, err := c.store.State(ctx, l.URL)
		if err != nil {
			return err
		}
		st.Hash, st.File, st.FetchedAt = l.Hash, l.File, l.FetchedAt
		st.ETag, st.LastModified = "", ""
		b.States[l.URL] = st
	}
	if size == 0 {
		b.Checkpoint = 0
	}
	c.log.Info("replayed index after a crash", "lines", len(lines))
	return c.store.Commit(ctx, b)
}

// start resumes an interrupted run or starts a new one from the seeds.
func (c *Crawler) start(ctx context.Context) error {
	n, err := c.store.Pending(ctx)
	if err != nil {
		return fmt.Errorf("job %q: %w", c.cfg.Name, err)
	}
	if n > 0 {
		c.stats.resumed.Store(true)
		c.stats.queued.Store(int64(n))
		c.log.Info("resuming", "queued", n)
		return nil
	}
	if err := c.store.NewRun(ctx); err != nil {
		return fmt.Errorf("job %q: new run: %w", c.cfg.Name, err)
	}
	var seeds []frontier.Entry
	for _, s := range c.cfg.Seeds {
		u, err := urls.Canonical(s)
		if err != nil {
			return fmt.Errorf("job %q: seed: %w", c.cfg.Name, err)
		}
		seeds = append(seeds, frontier.Entry{URL: u})
	}
	added, err := c.store.Enqueue(ctx, seeds, c.limits())
	if err != nil {
		return fmt.Errorf("job %q: enqueue seeds: %w", c.cfg.Name, err)
	}
	c.stats.queued.Store(int64(added))
	c.log.Info("new run", "seeds", added)
	return nil
}

// limits are the caps of the frontier: Config.MaxPages, MaxPagesPerHost
// and the scope's MaxDepth.
func (c *Crawler) limits() frontier.Limits {
	return frontier.Limits{Pages: c.cfg.MaxPages, PerHost: c.cfg.MaxPagesPerHost, Depth: c.cfg.Scope.MaxDepth}
}

func (c *Crawler) emit(ev Event) {
	s := &c.stats
	s.byKind[ev.Kind].Add(1)
	switch ev.Kind {
	case EventWritten:
		if ev.New {
			s.new.Add(1)
		} else {
			s.changed.Add(1)
		}
	case EventSkipped:
		if errors.Is(ev.Err, ErrUnwanted) {
			s.unwanted.Add(1)
		}
	case EventFailed:
		c.log.Warn("page failed", "url", ev.URL, "status", ev.Status, "err", ev.Err)
		if ev.Err != nil {
			s.lastErr.Store(ev.Err.Error())
		}
	}
	// A fetch failed when no usable response came (a network error, a
	// timeout, a 4xx or 5xx, no robots.txt); a page that arrived but could
	// not be cleaned was fetched.
	fetchFailed := ev.Kind == EventFailed && (ev.Status == 0 || ev.Status >= 400)
	if fetchFailed {
		s.fetchFailed.Add(1)
	}
	if c.seeds[ev.URL] {
		// A seed the job's scope refuses (one that redirects to https or
		// www. when the scope names the other) leaves the job nothing to
		// crawl: it fails like a seed that could not be fetched.
		refused := ev.Kind == EventSkipped && errors.Is(ev.Err, ErrOutOfScope)
		switch {
		case fetchFailed, refused:
			s.seedsFailed.Add(1)
			if refused {
				s.lastErr.Store(ev.Err.Error())
			}
		case ev.Kind != EventRetry && ev.Kind != EventSkipped:
			s.seedsOK.Add(1)
		}
	}
	if ev.Kind == EventFailed || ev.Kind == EventRetry || ev.Kind == EventSkipped {
		ev.Reason = FailureReason(ev.Err, ev.Status)
	}
	if ev.Kind == EventFailed {
		s.caps.count(ev.Reason)
	}
	s.caps.linksCut.Add(int64(ev.LinksCut))
	if ev.Kind != EventFailed {
		c.log.Debug("page", "url", ev.URL, "outcome", ev.Kind.String(), "status", ev.Status,
			"bytes", ev.Bytes, "took", ev.Duration.Round(time.Millisecond), "err", ev.Err)
	}
	if errors.Is(ev.Err, ErrPanic) {
		s.panics.Add(1)
	}
	if c.cfg.OnEvent != nil {
		c.onEvent(ev)
	}
}

// onEvent calls Config.OnEvent; a panic in it is logged with the event's
// URL and counted, and the crawl goes on (the event was counted already).
func (c *Crawler) onEvent(ev Event) {
	defer func() {
		if p := recover(); p != nil {
			err := visit.Panicked(ev.URL, "OnEvent", p)
			c.stats.panics.Add(1)
			c.stats.lastErr.Store(err.Error())
			c.log.Error("panic in the OnEvent callback: crawl goes on", "url", ev.URL, "err", err, "stack", string(debug.Stack()))
		}
	}()
	c.cfg.OnEvent(ev)
}
