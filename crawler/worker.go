package crawler

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/winnowhq/winnow/crawler/commit"
	"github.com/winnowhq/winnow/crawler/dispatch"
	"github.com/winnowhq/winnow/crawler/fetch"
	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/visit"
)

// work runs one job; what it returns frees the worker in the dispatcher.
func (c *Crawler) work(ctx context.Context, f *visit.Fetcher, j dispatch.Job, results chan<- commit.Result, abort context.CancelCauseFunc) dispatch.Done {
	fin := dispatch.Done{Host: j.Host}
	if j.Robots {
		return c.robotsJob(ctx, f, j)
	}
	if fe, ok := c.store.(frontier.Fencer); ok && j.Entry.ID != "" && !fe.Fresh(j.Entry.ID) {
		// This process stalled past the entry's lease: another worker may
		// be fetching it now. Let it go unfetched; its slot ends at once.
		c.log.Info("lease lapsed before fetch: entry left to the frontier", "url", j.Entry.URL)
		c.hold(ctx, j, 0)
		return fin
	}
	res, ev := c.visit.Visit(ctx, f, j.Entry, j.Prior)
	c.hold(ctx, j, j.Delay)
	if errors.Is(ev.Err, visit.ErrOutput) {
		c.emit(ev.Event)
		abort(ev.Err) // the entry stays in the frontier for the next run
		return fin
	}
	if ctx.Err() != nil && ev.Kind != EventWritten {
		return fin // cut short by shutdown: the entry stays in the frontier
	}
	if ev.Kind == EventRetry {
		if d, ok := fetch.RetryAfter(ev.Header, time.Now()); ok {
			fin.HoldUntil = time.Now().Add(d)
		}
	}
	if ev.Kind == EventRetry || ev.Kind == EventFailed {
		switch FailureReason(ev.Err, ev.Status) {
		case "timeout", "network", "http_5xx":
			fin.HostFailed = true
		}
	}
	results <- res
	c.emit(ev.Event)
	return fin
}

// safeWork is work with a panic outside a page's visit (which fails only
// that page: see visit.Visitor.Visit), such as in a store, turned into the
// error that stops the run, instead of a crash of the process.
func (c *Crawler) safeWork(ctx context.Context, f *visit.Fetcher, j dispatch.Job, results chan<- commit.Result, abort context.CancelCauseFunc) (fin dispatch.Done) {
	defer func() {
		if p := recover(); p != nil {
			abort(fmt.Errorf("worker: %s: panic: %v", j.Entry.URL, p))
			fin = dispatch.Done{Host: j.Host}
		}
	}()
	return c.work(ctx, f, j, results, abort)
}

// hold counts the host delay from the end of a request as well as from its
// start (ReserveHost): with one request per host at a time, the server then
// sees at least the delay between two arrivals, whatever the latency. On a
// HostGate it also ends the request slot started (when j.delay > 0).
func (c *Crawler) hold(ctx context.Context, j dispatch.Job, d time.Duration) {
	if g, ok := c.store.(frontier.HostGate); ok && j.Delay > 0 {
		g.EndHost(ctx, j.Host, time.Now().Add(d))
		return
	}
	if d > 0 {
		c.store.HoldHost(ctx, j.Host, time.Now().Add(d))
	}
}
