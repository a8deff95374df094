// Package dispatch hands a crawl's claimed frontier entries to its workers
// when their host may be asked: robots.txt known, fewer than
// HostParallelism requests in flight, and the host's next start reached.
//
// One goroutine runs a Dispatcher; its methods are the steps of its loop:
//
//	admit     claims entries from the store, lets the Crawl settle those it
//	          can without a request, queues the rest by host
//	schedule  starts jobs for hosts that may be asked now, and refuses the
//	          entries robots.txt disallows or whose host is down
//	complete  takes back a worker's finished job: a host's robots.txt (or
//	          a request to ask for it again later), its failures in a row
//	retry     holds a host back after a Retry-After
//	idle      when nothing is in memory: flushes the committer, asks the
//	          store whether the run is over
//
// Workers receive Jobs and answer each with a Done; results go to the
// committer (package crawler/commit) directly.
package dispatch

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/winnowhq/winnow/crawler/commit"
	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/urls"
)

// Crawl is what the dispatcher asks of the crawl it serves.
type Crawl interface {
	// Admit sorts claimed entries: it returns those to fetch, and the
	// results of those it settles without a request (out of the job's
	// scope, an article checked within its revisit interval).
	Admit(ctx context.Context, es []frontier.Entry) (fetch []Claimed, settled []commit.Result)
	// Refuse settles an entry its host's robots.txt refuses; why is the
	// error of Robots.Check.
	Refuse(e frontier.Entry, why error) commit.Result
	// SharedRobots looks for host's robots.txt as read by a process
	// sharing the store (Options.SharedRobots): answered with Done.Robots,
	// or with Done.RobotsAgain and HoldUntil (unreadable for now, or being
	// read by another process: look again then). Not answered, this
	// process reads it in a robots job, attempt being the times it was
	// found unreadable before.
	SharedRobots(ctx context.Context, host string) (f Done, answered bool, attempt int)
	// Queued reports the entries not yet done in the store (approximate).
	Queued(n int)
	// InFlight reports the jobs given to workers and not yet done.
	InFlight(n int)
}

// Robots is a host's robots.txt as the dispatcher consults it.
type Robots interface {
	// Check returns nil when path may be fetched, else why not.
	Check(path string) error
}

// Options are the limits the dispatcher keeps.
type Options struct {
	// Workers caps the jobs in flight; HostParallelism, those of one host.
	Workers, HostParallelism int
	// Delay is the least time between two request starts to one host,
	// raised by the host's Crawl-delay.
	Delay time.Duration
	// IgnoreRobots dispatches no robots jobs: every path is allowed.
	IgnoreRobots bool
	// SharedRobots asks Crawl.SharedRobots before a robots job.
	SharedRobots bool
	// IdlePoll is how often the store is asked again when it had nothing
	// to claim.
	IdlePoll time.Duration
	// MaxHostFailures is how many fetches of a host may fail in a row
	// (Done.HostFailed) before its remaining entries are refused for the
	// run with ErrHostDown; zero: never.
	MaxHostFailures int
}

// ErrHostDown marks an entry of a host whose last fetches all failed (no
// response, a timeout, a 5xx): its pages are left for the next run rather
// than each waiting out its timeout and retries.
var ErrHostDown = errors.New("host down: too many fetches in a row failed")

// Prior is an entry's stored state, read once when it is claimed.
type Prior struct {
	State frontier.State
	Known bool
}

// Claimed is an entry waiting for its host.
type Claimed struct {
	Entry frontier.Entry
	Prior *Prior // nil when not read yet
}

// Job is one unit of work for a worker: an entry, or robots.txt of its host.
type Job struct {
	Entry frontier.Entry
	Prior *Prior // Entry's state, when Crawl.Admit has read it
	Host  string
	// Robots asks for the host's robots.txt, not for Entry. Attempt counts
	// the times it was asked before in this run and could not be read.
	Robots  bool
	Attempt int
	// Delay is the host's delay, counted from the end of the request too.
	Delay time.Duration
}

// Done tells the dispatcher a worker is free again.
type Done struct {
	Host string
	// Robots, Delay and Enqueue answer a robots job: what the host's
	// robots.txt allows, its Crawl-delay, and the sitemaps it names that
	// go to the frontier.
	Robots  Robots
	Delay   time.Duration
	Enqueue []frontier.Entry
	// RobotsAgain answers a robots job whose robots.txt could not be read
	// (a 429, a 5xx, no response) but is to be asked again, once HoldUntil
	// has passed; the host's entries wait meanwhile.
	RobotsAgain bool
	// HoldUntil, when set, holds the host back (a Retry-After).
	HoldUntil time.Time
	// HostFailed says the host gave no usable answer to a page job (no
	// response, a timeout, a 5xx); see Options.MaxHostFailures.
	HostFailed bool
}

// maxIdleHosts is how many hosts the dispatcher remembers (with their
// robots.txt rules) beyond those with work: past it, a host with nothing
// queued or in flight is forgotten and its robots.txt read again if it
// comes back.
const maxIdleHosts = 1024

// Dispatcher runs the loop of one crawl run. Build one with New.
type Dispatcher struct {
	crawl   Crawl
	store   frontier.Store
	opt     Options
	jobs    chan<- Job
	done    <-chan Done
	commits *commit.Chans

	hosts    map[string]*host
	buf      buffer
	inflight int
	// lastClaimEmpty: the last claim found nothing. idleFlushed: flushed
	// while idle, and nothing happened since. settled: the last claim
	// settled entries without a request.
	lastClaimEmpty, idleFlushed, settled bool
	lastPending                          time.Time
}

// buffer counts the claimed entries held in memory. It normally holds up
// to max. When every buffered host is waiting out its delay while workers
// are idle (one slow host at the head of the frontier: stalled), it may
// grow to hard, so that other hosts further down are crawled side by side
// instead of after it.
type buffer struct {
	n, max, hard int
	stalled      bool
}

// New returns a Dispatcher that sends jobs to workers on jobs, takes them
// back on done and sends settled entries to the committer on commits.
func New(c Crawl, st frontier.Store, opt Options, jobs chan<- Job, done <-chan Done, commits *commit.Chans) *Dispatcher {
	d := &Dispatcher{
		crawl: c, store: st, opt: opt, jobs: jobs, done: done, commits: commits,
		hosts: map[string]*host{},
		buf:   buffer{max: max(64, 8*opt.Workers)},
	}
	if !frontier.IsShared(st) {
		// No other worker to leave entries to: claim in larger steps, which
		// matters when many settle without a request (recheck).
		d.buf.max = max(256, d.buf.max)
	}
	d.buf.hard = 16 * d.buf.max
	return d
}

// Run dispatches until the frontier is empty or ctx ends, then waits for
// the jobs in flight and hands the entries still queued back to the store.
// fetchCtx outlives ctx for the requests in flight.
func (d *Dispatcher) Run(ctx, fetchCtx context.Context) error {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		if ctx.Err() != nil {
			for d.inflight > 0 {
				d.complete(fetchCtx, <-d.done)
			}
			return d.release(fetchCtx)
		}
		if (d.buf.n < d.buf.max/2 || d.buf.stalled && d.buf.n < d.buf.hard) && !d.lastClaimEmpty {
			if err := d.admit(ctx); err != nil {
				return err
			}
		}
		d.countPending(ctx)
		now := time.Now()
		wake, err := d.schedule(ctx, now)
		if err != nil {
			return err
		}
		if d.buf.n == 0 && d.inflight == 0 && d.lastClaimEmpty {
			over, err := d.idle(ctx)
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
		if d.buf.n == 0 && d.inflight > 0 && d.lastClaimEmpty {
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
				d.complete(fetchCtx, f)
			default:
				d.lastClaimEmpty = false
			}
			continue
		}
		timer.Reset(max(time.Until(wake), time.Millisecond))
		select {
		case f := <-d.done:
			d.complete(fetchCtx, f)
		case <-timer.C:
			d.lastClaimEmpty = false
		case <-ctx.Done():
		}
	}
}

// admit claims entries and queues by host those Crawl.Admit keeps.
func (d *Dispatcher) admit(ctx context.Context) error {
	es, err := d.store.Claim(ctx, max(d.buf.max-d.buf.n, d.buf.max/2), time.Hour)
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("claim: %w", err)
	}
	d.lastClaimEmpty = len(es) == 0
	if len(es) > 0 {
		d.idleFlushed = false
	}
	keep, settled := d.crawl.Admit(ctx, es)
	for _, r := range settled {
		d.commits.Results <- r
		d.settled = true
	}
	for _, q := range keep {
		hn := urls.Host(q.Entry.URL)
		h := d.hosts[hn]
		if h == nil {
			h = &host{delay: d.opt.Delay}
			if d.opt.IgnoreRobots {
				h.robots = robotsKnown
			}
			d.hosts[hn] = h
		}
		h.queue = append(h.queue, q)
		d.buf.n++
	}
	return nil
}

// countPending refreshes Crawl.Queued about once a second.
func (d *Dispatcher) countPending(ctx context.Context) {
	if time.Since(d.lastPending) <= time.Second {
		return
	}
	if n, err := d.store.Pending(ctx); err == nil {
		d.crawl.Queued(n)
	}
	d.lastPending = time.Now()
}

// schedule starts a job for every host that may be asked now, and returns
// when to look again.
func (d *Dispatcher) schedule(ctx context.Context, now time.Time) (time.Time, error) {
	wake := now.Add(d.opt.IdlePoll)
	if d.settled {
		wake, d.settled = now, false // entries settled without a request: claim more at once
	}
	dispatched := false
	for hn, h := range d.hosts {
		for len(h.queue) > 0 && d.inflight < d.opt.Workers && h.active < d.opt.HostParallelism {
			if h.robots == robotsFetching {
				break
			}
			if h.robots == robotsUnknown && d.opt.SharedRobots && !d.shared(ctx, hn, h, now) {
				wake = minTime(wake, h.robotsWait)
				break
			}
			if h.down {
				e := h.queue[0].Entry
				h.queue = h.queue[1:]
				d.buf.n--
				d.commits.Results <- d.crawl.Refuse(e, fmt.Errorf("%w (%d)", ErrHostDown, h.failures))
				wake = now
				continue
			}
			if h.robots == robotsKnown && h.rules != nil {
				if why := h.rules.Check(pathOf(h.queue[0].Entry.URL)); why != nil {
					e := h.queue[0].Entry
					h.queue = h.queue[1:]
					d.buf.n--
					d.commits.Results <- d.crawl.Refuse(e, why)
					wake = now
					continue
				}
			}
			ok, at, err := d.slot(ctx, hn, h, now)
			if err != nil {
				return wake, fmt.Errorf("reserve %s: %w", hn, err)
			}
			if !ok {
				wake = minTime(wake, at)
				break
			}
			j := Job{Host: hn, Delay: h.delay}
			if h.robots == robotsUnknown {
				j.Entry, j.Robots, j.Attempt, h.robots = h.queue[0].Entry, true, h.robotsAsked, robotsFetching
			} else {
				j.Entry, j.Prior = h.queue[0].Entry, h.queue[0].Prior
				h.queue = h.queue[1:]
				d.buf.n--
			}
			h.active++
			d.inflight++
			d.crawl.InFlight(d.inflight)
			d.jobs <- j
			dispatched = true
		}
		if len(h.queue) == 0 && h.active == 0 && h.robots != robotsFetching && !h.reserved && len(d.hosts) > maxIdleHosts {
			delete(d.hosts, hn)
		}
	}
	d.buf.stalled = !dispatched && d.buf.n > 0 && d.inflight < d.opt.Workers
	return wake, nil
}

// complete takes back a finished job: the worker is free, and a robots job
// brings its host's rules (and the sitemaps they name), or asks for
// robots.txt again after HoldUntil.
func (d *Dispatcher) complete(fetchCtx context.Context, f Done) {
	d.idleFlushed = false // its results are in the committer
	d.inflight--
	d.crawl.InFlight(d.inflight)
	h := d.hosts[f.Host]
	h.active--
	if f.RobotsAgain {
		h.robots, h.robotsTurn = robotsUnknown, false
		h.robotsAsked++
	}
	switch {
	case f.HostFailed:
		h.failures++
		h.down = h.down || d.opt.MaxHostFailures > 0 && h.failures >= d.opt.MaxHostFailures
	case f.Robots == nil && !f.RobotsAgain:
		h.failures = 0 // a page job the host answered
	}
	if f.Robots != nil {
		d.learn(h, f)
	}
	if !f.HoldUntil.IsZero() {
		d.retry(fetchCtx, f.Host, f.HoldUntil)
	}
	d.lastClaimEmpty = false
}

// learn takes in h's robots.txt: its rules, its Crawl-delay and the
// sitemaps it names.
func (d *Dispatcher) learn(h *host, f Done) {
	h.rules, h.robots, h.robotsTurn = f.Robots, robotsKnown, false
	h.delay = max(d.opt.Delay, f.Delay)
	if len(f.Enqueue) > 0 {
		d.commits.Results <- commit.Result{Enqueue: f.Enqueue}
	}
}

// shared asks Crawl.SharedRobots for h's robots.txt, unless this process
// has the turn to read it already. It returns false while h waits (another
// process reads it, or it was unreadable and is read again later); true
// when h's rules are known now or a robots job is to read them.
func (d *Dispatcher) shared(ctx context.Context, hn string, h *host, now time.Time) bool {
	if h.robotsTurn {
		return true
	}
	if now.Before(h.robotsWait) {
		return false
	}
	f, answered, attempt := d.crawl.SharedRobots(ctx, hn)
	switch {
	case !answered:
		h.robotsTurn, h.robotsAsked = true, attempt
		return true
	case f.Robots != nil:
		d.learn(h, f)
		return true
	}
	h.robotsWait = f.HoldUntil
	return false
}

// retry holds host back until until (a Retry-After), in the store, so for
// every process sharing it; the host's next reservation comes after it.
func (d *Dispatcher) retry(ctx context.Context, host string, until time.Time) {
	d.store.HoldHost(ctx, host, until)
}

// idle runs when nothing is in memory: it makes everything durable (unless
// nothing happened since the last time), then asks the store whether the
// frontier is empty; over is true when the run is done.
func (d *Dispatcher) idle(ctx context.Context) (over bool, err error) {
	if !d.idleFlushed {
		ack := make(chan struct{})
		d.commits.Sync <- ack
		<-ack
	}
	n, err := d.store.Pending(ctx)
	if err != nil && ctx.Err() == nil {
		return true, fmt.Errorf("pending: %w", err)
	}
	d.crawl.Queued(n)
	if n == 0 && ctx.Err() == nil {
		return true, nil
	}
	d.lastClaimEmpty = false
	return false, nil
}

// release hands the entries still queued back to the store.
func (d *Dispatcher) release(ctx context.Context) error {
	var es []frontier.Entry
	for _, h := range d.hosts {
		for _, q := range h.queue {
			es = append(es, q.Entry)
		}
		h.queue = nil
	}
	return d.store.Release(ctx, es)
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
