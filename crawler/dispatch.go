package crawler

import (
	"context"
	"fmt"
	"time"

	"github.com/winnowhq/winnow/crawler/commit"
	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/urls"
)

// robotsState says where a host's robots.txt stands.
type robotsState uint8

const (
	// robotsUnknown: not fetched yet; the host's first job fetches it.
	robotsUnknown robotsState = iota
	// robotsFetching: a worker is fetching it; the host's entries wait.
	robotsFetching
	// robotsKnown: hostState.rules holds it (or robots.txt is ignored).
	robotsKnown
)

// maxIdleHosts is how many hosts the dispatcher remembers (with their
// robots.txt rules) beyond those with work: past it, a host with nothing
// queued or in flight is forgotten and its robots.txt read again if it
// comes back.
const maxIdleHosts = 1024

// job is one unit of work for a worker: an entry, or robots.txt of a host.
type job struct {
	e      frontier.Entry
	prior  *prior // e's state, when the revisit check has read it
	host   string
	robots bool
	delay  time.Duration // the host's delay, counted from the end of the request
}

// finished tells the dispatcher a worker is free again.
type finished struct {
	host   string
	robots *robotsRules // set for a robots job
	// holdUntil, when set, holds the host back (a Retry-After).
	holdUntil time.Time
}

// prior is an entry's stored state, read once when it is claimed.
type prior struct {
	st    frontier.State
	known bool
}

// claimed is an entry waiting for its host.
type claimed struct {
	e     frontier.Entry
	prior *prior // nil when not read yet
}

type hostState struct {
	queue    []claimed
	active   int
	rules    *robotsRules
	robots   robotsState
	delay    time.Duration
	next     time.Time
	reserved bool
}

// dispatcher hands claimed entries to workers when their host may be asked:
// robots.txt known, fewer than HostParallelism requests in flight, and the
// host's next start reached. One goroutine runs it; its methods are the
// steps of its loop:
//
//	admit     claims entries from the store, drops those the job's scope no
//	          longer allows, settles fresh articles, queues the rest by host
//	schedule  starts jobs for hosts that may be asked now
//	complete  takes back a worker's finished job
//	retry     holds a host back after a Retry-After
//	idle      when nothing is in memory: flushes the committer, asks the
//	          store whether the run is over
type dispatcher struct {
	c             *Crawler
	ctx, fetchCtx context.Context
	jobs          chan<- job
	done          <-chan finished
	commits       *commit.Chans

	hosts              map[string]*hostState
	buffered, inflight int
	// The buffer of claimed entries normally holds up to bufMax. When every
	// buffered host is waiting out its delay while workers are idle (one
	// slow host at the head of the frontier), it may grow to bufHard, so
	// that other hosts further down are crawled side by side instead of
	// after it.
	bufMax, bufHard int
	stalled         bool
	idlePoll        time.Duration
	lastClaimEmpty  bool
	idleFlushed     bool // flushed while idle, and nothing happened since
	settled         bool // the last claim settled entries without a request
	lastPending     time.Time
}

func newDispatcher(c *Crawler, ctx, fetchCtx context.Context, jobs chan<- job, done <-chan finished, commits *commit.Chans) *dispatcher {
	d := &dispatcher{
		c: c, ctx: ctx, fetchCtx: fetchCtx, jobs: jobs, done: done, commits: commits,
		hosts:    map[string]*hostState{},
		bufMax:   max(64, 8*c.cfg.Workers),
		idlePoll: min(100*time.Millisecond, c.cfg.RetryBase),
	}
	if !frontier.IsShared(c.store) {
		// No other worker to leave entries to: claim in larger steps, which
		// matters when many settle without a request (recheck).
		d.bufMax = max(256, d.bufMax)
	}
	d.bufHard = 16 * d.bufMax
	return d
}

// run dispatches until the frontier is empty or ctx ends.
func (d *dispatcher) run() error {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		if d.ctx.Err() != nil {
			for d.inflight > 0 {
				d.complete(<-d.done)
			}
			return d.release()
		}
		if (d.buffered < d.bufMax/2 || d.stalled && d.buffered < d.bufHard) && !d.lastClaimEmpty {
			if err := d.admit(); err != nil {
				return err
			}
		}
		d.countPending()
		now := time.Now()
		wake, err := d.schedule(now)
		if err != nil {
			return err
		}
		if d.buffered == 0 && d.inflight == 0 && d.lastClaimEmpty {
			over, err := d.idle()
			if over || err != nil {
				return err
			}
			if !d.idleFlushed {
				// Links that were waiting in the committer are claimable
				// now: claim at once. If that finds nothing (retries not yet
				// due, entries leased by other workers), poll as usual.
				d.idleFlushed, wake = true, now
			}
		}
		if d.buffered == 0 && d.inflight > 0 && d.lastClaimEmpty {
			// Starving while pages are in flight: links found so far are
			// waiting in the committer; ask it to make them claimable.
			select {
			case d.commits.Flush <- struct{}{}:
			default:
			}
		}
		if !wake.After(now) {
			// More to do at once (entries settled without a request): take
			// what finished meanwhile, without waiting.
			select {
			case f := <-d.done:
				d.complete(f)
			default:
				d.lastClaimEmpty = false
			}
			continue
		}
		timer.Reset(max(time.Until(wake), time.Millisecond))
		select {
		case f := <-d.done:
			d.complete(f)
		case <-timer.C:
			d.lastClaimEmpty = false
		case <-d.ctx.Done():
		}
	}
}

// admit claims entries and queues them by host. An entry the job's scope
// no longer allows (a host removed, an exclude added, max_depth lowered
// since it was queued, a resumed frontier) leaves the frontier unfetched;
// an article checked within its revisit interval is settled here, once,
// without a request.
func (d *dispatcher) admit() error {
	c := d.c
	es, err := c.store.Claim(d.ctx, max(d.bufMax-d.buffered, d.bufMax/2), time.Hour)
	if err != nil && d.ctx.Err() == nil {
		return fmt.Errorf("claim: %w", err)
	}
	d.lastClaimEmpty = len(es) == 0
	if len(es) > 0 {
		d.idleFlushed = false
	}
	kept := es[:0]
	for _, e := range es {
		if !c.cfg.Scope.Admits(e.URL, e.Depth) {
			c.emit(Event{Kind: EventSkipped, URL: e.URL, Err: ErrOutOfScope})
			d.commits.Results <- commit.Result{Entry: e, Done: true}
			d.settled = true
			continue
		}
		kept = append(kept, e)
	}
	es = kept
	frs := c.freshAll(d.ctx, es)
	for i, e := range es {
		if frs[i].ok {
			c.emit(Event{Kind: EventUnchanged, URL: e.URL})
			d.commits.Results <- frs[i].r
			d.settled = true
			continue
		}
		hn := urls.Host(e.URL)
		h := d.hosts[hn]
		if h == nil {
			h = &hostState{delay: c.cfg.Delay}
			if c.cfg.IgnoreRobots {
				h.robots = robotsKnown
			}
			d.hosts[hn] = h
		}
		h.queue = append(h.queue, claimed{e: e, prior: frs[i].pr})
		d.buffered++
	}
	return nil
}

// countPending refreshes Stats.Queued about once a second.
func (d *dispatcher) countPending() {
	if time.Since(d.lastPending) <= time.Second {
		return
	}
	if n, err := d.c.store.Pending(d.ctx); err == nil {
		d.c.stats.queued.Store(int64(n))
	}
	d.lastPending = time.Now()
}

// schedule starts a job for every host that may be asked now, and returns
// when to look again.
func (d *dispatcher) schedule(now time.Time) (time.Time, error) {
	c := d.c
	wake := now.Add(d.idlePoll)
	if d.settled {
		wake, d.settled = now, false // entries settled without a request: claim more at once
	}
	dispatched := false
	for hn, h := range d.hosts {
		for len(h.queue) > 0 && d.inflight < c.cfg.Workers && h.active < c.cfg.HostParallelism {
			if h.robots == robotsFetching {
				break
			}
			if h.robots == robotsKnown && !h.rules.allowed(pathOf(h.queue[0].e.URL)) {
				e := h.queue[0].e
				h.queue = h.queue[1:]
				d.buffered--
				ev := Event{Kind: EventSkipped, URL: e.URL, Err: ErrDisallowed}
				if h.rules.unavailable {
					// No robots.txt to be read: the site is down or failing,
					// which is a failure of the page, not a choice of the site.
					ev.Kind, ev.Err = EventFailed, ErrRobotsUnavailable
					if h.rules.err != nil {
						ev.Err = fmt.Errorf("%w: %w", ErrRobotsUnavailable, h.rules.err)
					}
				}
				c.emit(ev)
				d.commits.Results <- commit.Result{Entry: e, Done: true}
				wake = now
				continue
			}
			ok, at, err := c.slot(d.ctx, hn, h, now)
			if err != nil {
				return wake, fmt.Errorf("reserve %s: %w", hn, err)
			}
			if !ok {
				wake = minTime(wake, at)
				break
			}
			j := job{host: hn, delay: h.delay}
			if h.robots == robotsUnknown {
				j.e, j.robots, h.robots = h.queue[0].e, true, robotsFetching
			} else {
				j.e, j.prior = h.queue[0].e, h.queue[0].prior
				h.queue = h.queue[1:]
				d.buffered--
			}
			h.active++
			d.inflight++
			c.stats.inflight.Store(int64(d.inflight))
			d.jobs <- j
			dispatched = true
		}
		if len(h.queue) == 0 && h.active == 0 && h.robots != robotsFetching && !h.reserved && len(d.hosts) > maxIdleHosts {
			delete(d.hosts, hn)
		}
	}
	d.stalled = !dispatched && d.buffered > 0 && d.inflight < c.cfg.Workers
	return wake, nil
}

// complete takes back a finished job: the worker is free, and a robots job
// brings its host's rules (and, with RobotsSitemaps, its sitemaps).
func (d *dispatcher) complete(f finished) {
	c := d.c
	d.idleFlushed = false // its results are in the committer
	d.inflight--
	c.stats.inflight.Store(int64(d.inflight))
	h := d.hosts[f.host]
	h.active--
	if f.robots != nil {
		h.rules, h.robots = f.robots, robotsKnown
		h.delay = max(c.cfg.Delay, f.robots.delay)
		if c.cfg.RobotsSitemaps {
			var es []frontier.Entry
			for _, sm := range f.robots.sitemaps {
				if u := c.cfg.Scope.Resolve(sm, sm, 0); u != "" {
					es = append(es, frontier.Entry{URL: u, Kind: frontier.KindSitemap})
				}
			}
			d.commits.Results <- commit.Result{Enqueue: es}
		}
	}
	if !f.holdUntil.IsZero() {
		d.retry(f.host, f.holdUntil)
	}
	d.lastClaimEmpty = false
}

// retry holds host back until until (a Retry-After), in the store, so for
// every process sharing it; the host's next reservation comes after it.
func (d *dispatcher) retry(host string, until time.Time) {
	d.c.store.HoldHost(d.fetchCtx, host, until)
}

// idle runs when nothing is in memory: it makes everything durable (unless
// nothing happened since the last time), then asks the store whether the
// frontier is empty; over is true when the run is done.
func (d *dispatcher) idle() (over bool, err error) {
	if !d.idleFlushed {
		ack := make(chan struct{})
		d.commits.Sync <- ack
		<-ack
	}
	n, err := d.c.store.Pending(d.ctx)
	if err != nil && d.ctx.Err() == nil {
		return true, fmt.Errorf("pending: %w", err)
	}
	d.c.stats.queued.Store(int64(n))
	if n == 0 && d.ctx.Err() == nil {
		return true, nil
	}
	d.lastClaimEmpty = false
	return false, nil
}

// release hands the entries still queued back to the store.
func (d *dispatcher) release() error {
	var es []frontier.Entry
	for _, h := range d.hosts {
		for _, q := range h.queue {
			es = append(es, q.e)
		}
		h.queue = nil
	}
	return d.c.store.Release(d.fetchCtx, es)
}
