package crawler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sync"
	"sync/atomic"
	"time"
)

// Crawler runs one crawl job against a Store. Build one with New per run.
type Crawler struct {
	cfg     Config
	store   Store
	extract Extract
	log     *slog.Logger
	stats   counters
}

// Stats counts the outcomes of a run.
type Stats struct {
	Fetched   int64 // responses received (robots.txt included)
	Written   int64 // articles written, new or changed
	New       int64
	Changed   int64
	Unchanged int64 // 304 or same text: not rewritten
	Followed  int64 // listing pages, sitemaps, feeds, redirects
	Skipped   int64
	Unwanted  int64 // of Skipped: articles Extract turned down (ErrUnwanted)
	Retried   int64
	Failed    int64
	Bytes     int64
	Queued    int64 // frontier entries not yet done (approximate)
	InFlight  int64
	// Resumed is true when the run continued an interrupted one.
	Resumed bool
	// Interrupted is true when the context ended the run before the
	// frontier was empty; the next run resumes it.
	Interrupted bool
	Elapsed     time.Duration
}

type counters struct {
	fetched, written, new, changed, unchanged, followed, skipped, unwanted, retried, failed, bytes, queued, inflight atomic.Int64
	resumed, interrupted                                                                                             atomic.Bool
	start                                                                                                            time.Time
}

// New checks cfg and returns a Crawler. log may be nil.
func New(cfg Config, st Store, extract Extract, log *slog.Logger) (*Crawler, error) {
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
	c := &Crawler{cfg: d, store: st, extract: extract, log: log.With("job", d.Name)}
	c.stats.start = time.Now()
	return c, nil
}

// Stats returns a snapshot of the counters; safe to call during Run.
func (c *Crawler) Stats() Stats {
	s := &c.stats
	return Stats{
		Fetched: s.fetched.Load(), Written: s.written.Load(), New: s.new.Load(), Changed: s.changed.Load(),
		Unchanged: s.unchanged.Load(), Followed: s.followed.Load(), Skipped: s.skipped.Load(), Unwanted: s.unwanted.Load(),
		Retried: s.retried.Load(), Failed: s.failed.Load(), Bytes: s.bytes.Load(),
		Queued: s.queued.Load(), InFlight: s.inflight.Load(),
		Resumed: s.resumed.Load(), Interrupted: s.interrupted.Load(), Elapsed: time.Since(s.start),
	}
}

// job is one unit of work for a worker: an entry, or robots.txt of a host.
type job struct {
	e      Entry
	prior  *prior // e's state, when the revisit check has read it
	host   string
	robots bool
	delay  time.Duration // the host's delay, counted from the end of the request
}

// finished tells the dispatcher a worker is free again.
type finished struct {
	host   string
	robots *robotsRules // set for a robots job
}

// prior is an entry's stored state, read once when it is claimed.
type prior struct {
	st    State
	known bool
}

// claimed is an entry waiting for its host.
type claimed struct {
	e     Entry
	prior *prior // nil when not read yet
}

type hostState struct {
	queue    []claimed
	active   int
	rules    *robotsRules
	robots   int // 0 not fetched, 1 fetching, 2 known
	delay    time.Duration
	next     time.Time
	reserved bool
}

// Run crawls until the frontier is empty or ctx ends. On ctx's end it stops
// dispatching, lets requests in flight finish (up to Config.Timeout), commits
// everything done and returns with Stats.Interrupted set and a nil error: the
// next Run resumes. An error means the state or the output failed.
func (c *Crawler) Run(parent context.Context) (Stats, error) {
	c.stats.start = time.Now()
	// A failing commit (full disk, broken state) stops the run like a signal.
	ctx, cancelRun := context.WithCancelCause(parent)
	defer cancelRun(nil)
	cp, err := c.store.Checkpoint(ctx)
	if err != nil {
		return c.Stats(), fmt.Errorf("job %q: %w", c.cfg.Name, err)
	}
	idx, replay, err := openIndex(c.cfg.OutputDir, cp)
	if err != nil {
		return c.Stats(), fmt.Errorf("job %q: %w", c.cfg.Name, err)
	}
	defer idx.close()
	if err := c.replay(ctx, replay, idx.size, cp); err != nil {
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
	f, err := newFetcher(fetchCtx, &c.cfg)
	if err != nil {
		return c.Stats(), err
	}

	commitCh := make(chan any, 4*c.cfg.Workers)
	commitErr := make(chan error, 1)
	go func() { commitErr <- c.commitLoop(fetchCtx, idx, commitCh, cancelRun) }()

	jobs := make(chan job)
	done := make(chan finished, c.cfg.Workers)
	var wg sync.WaitGroup
	for range c.cfg.Workers {
		wg.Go(func() {
			for j := range jobs {
				c.work(fetchCtx, f, j, commitCh, done, cancelRun)
			}
		})
	}
	derr := c.dispatch(ctx, fetchCtx, jobs, done, commitCh)
	close(jobs)
	wg.Wait()
	close(commitCh)
	cerr := <-commitErr
	if parent.Err() != nil {
		c.stats.interrupted.Store(true)
	}
	st := c.Stats()
	c.log.Info("run done", "written", st.Written, "unchanged", st.Unchanged, "failed", st.Failed,
		"fetched", st.Fetched, "interrupted", st.Interrupted, "elapsed", st.Elapsed.Round(time.Millisecond))
	if derr != nil {
		return st, fmt.Errorf("job %q: %w", c.cfg.Name, derr)
	}
	if cerr != nil {
		return st, fmt.Errorf("job %q: %w", c.cfg.Name, cerr)
	}
	if parent.Err() == nil && ctx.Err() != nil { // aborted from inside: the output failed
		return st, fmt.Errorf("job %q: %w", c.cfg.Name, context.Cause(ctx))
	}
	return st, nil
}

// replay applies index lines written after the store's last checkpoint (a
// crash between the index sync and the state commit). Their validators are
// not known, so the next fetch of those URLs is unconditional, but their
// hash is: an unchanged text is not written again.
func (c *Crawler) replay(ctx context.Context, lines []IndexLine, size, cp int64) error {
	if len(lines) == 0 && size == cp {
		return nil
	}
	b := &Batch{States: map[string]State{}, Checkpoint: size}
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
	var seeds []Entry
	for _, s := range c.cfg.Seeds {
		u, err := Canonical(s)
		if err != nil {
			return fmt.Errorf("job %q: seed: %w", c.cfg.Name, err)
		}
		seeds = append(seeds, Entry{URL: u})
	}
	added, err := c.store.Enqueue(ctx, seeds, c.cfg.MaxPages)
	if err != nil {
		return fmt.Errorf("job %q: enqueue seeds: %w", c.cfg.Name, err)
	}
	c.stats.queued.Store(int64(added))
	c.log.Info("new run", "seeds", added)
	return nil
}

// dispatch hands entries to workers when their host may be asked: robots.txt
// known, fewer than HostParallelism requests in flight, and the host's next
// start reached. It returns when the frontier is empty or ctx ends.
func (c *Crawler) dispatch(ctx, fetchCtx context.Context, jobs chan<- job, done <-chan finished, commitCh chan<- any) error {
	hosts := map[string]*hostState{}
	buffered, inflight := 0, 0
	// The buffer of claimed entries normally holds up to bufMax. When every
	// buffered host is waiting out its delay while workers are idle (one
	// slow host at the head of the frontier), it may grow to bufHard, so
	// that other hosts further down are crawled side by side instead of
	// after it.
	bufMax := max(64, 8*c.cfg.Workers)
	if !sharedStore(c.store) {
		// No other worker to leave entries to: claim in larger steps, which
		// matters when many settle without a request (recheck).
		bufMax = max(256, bufMax)
	}
	bufHard := 16 * bufMax
	stalled := false
	idlePoll := min(100*time.Millisecond, c.cfg.RetryBase)
	lastClaimEmpty := false
	idleFlushed := false // flushed while idle, and nothing happened since
	settled := false     // the last claim settled entries without a request
	var lastPending time.Time
	timer := time.NewTimer(0)
	defer timer.Stop()

	release := func() error {
		var es []Entry
		for _, h := range hosts {
			for _, q := range h.queue {
				es = append(es, q.e)
			}
			h.queue = nil
		}
		return c.store.Release(fetchCtx, es)
	}
	handle := func(d finished) {
		idleFlushed = false // its results are in the committer
		inflight--
		c.stats.inflight.Store(int64(inflight))
		h := hosts[d.host]
		h.active--
		if d.robots != nil {
			h.rules, h.robots = d.robots, 2
			h.delay = max(c.cfg.Delay, d.robots.delay)
			if c.cfg.RobotsSitemaps {
				var es []Entry
				for _, sm := range d.robots.sitemaps {
					if u := c.inScope(sm, sm, 0); u != "" {
						es = append(es, Entry{URL: u, Kind: KindSitemap})
					}
				}
				commitCh <- result{enqueue: es}
			}
		}
		lastClaimEmpty = false
	}

	for {
		if ctx.Err() != nil {
			for inflight > 0 {
				handle(<-done)
			}
			return release()
		}
		if (buffered < bufMax/2 || stalled && buffered < bufHard) && !lastClaimEmpty {
			es, err := c.store.Claim(ctx, max(bufMax-buffered, bufMax/2), time.Hour)
			if err != nil && ctx.Err() == nil {
				return fmt.Errorf("claim: %w", err)
			}
			lastClaimEmpty = len(es) == 0
			if len(es) > 0 {
				idleFlushed = false
			}
			// An article checked within its revisit interval is settled
			// here, once, without a request.
			frs := c.freshAll(ctx, es)
			for i, e := range es {
				pr := frs[i].pr
				if frs[i].ok {
					c.emit(Event{Kind: EventUnchanged, URL: e.URL})
					commitCh <- frs[i].r
					settled = true
					continue
				}
				hn := hostOf(e.URL)
				h := hosts[hn]
				if h == nil {
					h = &hostState{delay: c.cfg.Delay}
					if c.cfg.IgnoreRobots {
						h.robots = 2
					}
					hosts[hn] = h
				}
				h.queue = append(h.queue, claimed{e: e, prior: pr})
				buffered++
			}
		}
		if time.Since(lastPending) > time.Second {
			if n, err := c.store.Pending(ctx); err == nil {
				c.stats.queued.Store(int64(n))
			}
			lastPending = time.Now()
		}

		now := time.Now()
		wake := now.Add(idlePoll)
		if settled {
			wake, settled = now, false // entries settled without a request: claim more at once
		}
		dispatched := false
		for hn, h := range hosts {
			for len(h.queue) > 0 && inflight < c.cfg.Workers && h.active < c.cfg.HostParallelism {
				if h.robots == 1 {
					break
				}
				if h.robots == 2 {
					if e := h.queue[0].e; !h.rules.allowed(pathOf(e.URL)) {
						h.queue = h.queue[1:]
						buffered--
						c.emit(Event{Kind: EventSkipped, URL: e.URL, Err: ErrDisallowed})
						commitCh <- result{entry: e, done: true}
						wake = now
						continue
					}
				}
				ok, at, err := c.slot(ctx, hn, h, now)
				if err != nil {
					return fmt.Errorf("reserve %s: %w", hn, err)
				}
				if !ok {
					wake = minTime(wake, at)
					break
				}
				j := job{host: hn, delay: h.delay}
				if h.robots == 0 {
					j.e, j.robots, h.robots = h.queue[0].e, true, 1
				} else {
					j.e, j.prior = h.queue[0].e, h.queue[0].prior
					h.queue = h.queue[1:]
					buffered--
				}
				h.active++
				inflight++
				c.stats.inflight.Store(int64(inflight))
				jobs <- j
				dispatched = true
			}
			if len(h.queue) == 0 && h.active == 0 && h.robots != 1 && !h.reserved && len(hosts) > 1024 {
				delete(hosts, hn) // keep robots rules of a bounded number of hosts
			}
		}
		stalled = !dispatched && buffered > 0 && inflight < c.cfg.Workers

		if buffered == 0 && inflight == 0 && lastClaimEmpty {
			// Nothing in memory: make everything durable (unless nothing
			// happened since the last time), then ask the store.
			if !idleFlushed {
				ack := make(chan struct{})
				commitCh <- ack
				<-ack
			}
			n, err := c.store.Pending(ctx)
			if err != nil && ctx.Err() == nil {
				return fmt.Errorf("pending: %w", err)
			}
			c.stats.queued.Store(int64(n))
			if n == 0 && ctx.Err() == nil {
				return nil
			}
			lastClaimEmpty = false
			if !idleFlushed {
				// Links that were waiting in the committer are claimable
				// now: claim at once. If that finds nothing (retries not yet
				// due, entries leased by other workers), poll as usual.
				idleFlushed, wake = true, now
			}
		}

		if buffered == 0 && inflight > 0 && lastClaimEmpty {
			// Starving while pages are in flight: links found so far are
			// waiting in the committer; ask it to make them claimable.
			select {
			case commitCh <- flushHint{}:
			default:
			}
		}
		if !wake.After(now) {
			// More to do at once (entries settled without a request): take
			// what finished meanwhile, without waiting.
			select {
			case d := <-done:
				handle(d)
			default:
				lastClaimEmpty = false
			}
			continue
		}
		timer.Reset(max(time.Until(wake), time.Millisecond))
		select {
		case d := <-done:
			handle(d)
		case <-timer.C:
			lastClaimEmpty = false
		case <-ctx.Done():
		}
	}
}

// slot reports whether host h may start a request now; if not, when.
func (c *Crawler) slot(ctx context.Context, hn string, h *hostState, now time.Time) (bool, time.Time, error) {
	if g, ok := c.store.(hostGate); ok && h.delay > 0 {
		// h.next is when the gate said to ask again; hold ends the request.
		h.reserved = false
		if now.Before(h.next) {
			return false, h.next, nil
		}
		started, at, err := g.StartHost(ctx, hn, h.delay, c.cfg.HostParallelism)
		if err == nil && !started {
			h.next = at
		}
		return started, at, err
	}
	if h.reserved {
		if now.Before(h.next) {
			return false, h.next, nil
		}
		h.reserved = false
		// A start much later than the reserved one (a busy dispatcher, a
		// slow store) could run into the next slot, which on a store shared
		// by several processes belongs to another one: reserve again.
		if h.delay == 0 || time.Since(h.next) <= h.delay/10 {
			return true, now, nil
		}
	}
	at, err := c.store.ReserveHost(ctx, hn, h.delay)
	if err != nil {
		return false, now, err
	}
	if at.After(now.Add(time.Millisecond)) {
		h.next, h.reserved = at, true
		return false, at, nil
	}
	return true, now, nil
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func pathOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "/"
	}
	return p.RequestURI()
}

func (c *Crawler) emit(ev Event) {
	s := &c.stats
	switch ev.Kind {
	case EventWritten:
		s.written.Add(1)
		if ev.New {
			s.new.Add(1)
		} else {
			s.changed.Add(1)
		}
	case EventUnchanged:
		s.unchanged.Add(1)
	case EventFollowed:
		s.followed.Add(1)
	case EventSkipped:
		s.skipped.Add(1)
		if errors.Is(ev.Err, ErrUnwanted) {
			s.unwanted.Add(1)
		}
	case EventRetry:
		s.retried.Add(1)
	case EventFailed:
		s.failed.Add(1)
		c.log.Warn("page failed", "url", ev.URL, "status", ev.Status, "err", ev.Err)
	}
	if ev.Kind != EventFailed {
		c.log.Debug("page", "url", ev.URL, "outcome", ev.Kind.String(), "status", ev.Status,
			"bytes", ev.Bytes, "took", ev.Duration.Round(time.Millisecond), "err", ev.Err)
	}
	if c.cfg.OnEvent != nil {
		c.cfg.OnEvent(ev)
	}
}
