package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/winnowhq/winnow/crawler/commit"
	"github.com/winnowhq/winnow/crawler/dispatch"
	"github.com/winnowhq/winnow/crawler/fetch"
	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/robots"
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

// robotsJob reads robots.txt of j's host. One that could not be read (a
// 429, a 5xx, no response) disallows the host (RFC 9309 §2.3.1.4), but a
// long crawl should not give a host up for a moment's overload or outage:
// robots.txt is asked again after the backoff of a page's retry (its
// Retry-After honoured), up to Config.Retries times; only then, or when
// the Retry-After is over Config.MaxRetryAfter, are its pages refused for
// the run (ErrRobotsUnavailable).
func (c *Crawler) robotsJob(ctx context.Context, f *visit.Fetcher, j dispatch.Job) dispatch.Done {
	fin := dispatch.Done{Host: j.Host}
	rules, ru, hdr := c.fetchRobots(f, j.Entry.URL)
	if rules.Unavailable && ctx.Err() == nil {
		wait, over := c.cfg.Backoff(j.Attempt, hdr)
		if over == nil && j.Attempt < c.cfg.Retries {
			c.log.Info("robots.txt unavailable: asking again later", "url", ru, "attempt", j.Attempt+1, "wait", wait.Round(time.Millisecond))
			c.hold(ctx, j, j.Delay)
			fin.RobotsAgain, fin.HoldUntil = true, time.Now().Add(wait)
			return fin
		}
		if over != nil {
			c.stats.lastErr.Store(fmt.Sprintf("%s: %v", ru, over))
		}
		c.log.Warn("robots.txt unavailable: host disallowed for this run", "url", ru, "attempts", j.Attempt+1, "err", rules.Check("/"))
	}
	fin.Robots, fin.Delay = rules, rules.Delay
	if c.cfg.RobotsSitemaps {
		for _, sm := range rules.Sitemaps {
			if u := c.cfg.Scope.Resolve(sm, sm, 0); u != "" {
				fin.Enqueue = append(fin.Enqueue, frontier.Entry{URL: u, Kind: frontier.KindSitemap})
			}
		}
	}
	c.hold(ctx, j, max(j.Delay, rules.Delay))
	return fin
}

// fetchRobots reads robots.txt of the host of u, following up to five
// redirects as RFC 9309 asks; it returns the rules, the URL last asked and
// the header of its response (nil when none came).
func (c *Crawler) fetchRobots(f *visit.Fetcher, u string) (*robots.Host, string, http.Header) {
	p, err := url.Parse(u)
	if err != nil {
		return robots.ForHost(404, nil, "", 0), u, nil // no rules
	}
	ru := p.Scheme + "://" + p.Host + "/robots.txt"
	agent := robots.AgentName(c.cfg.UserAgent)
	for range robots.MaxRedirects + 1 {
		r, err := f.GetPrefix(ru)
		if err != nil {
			c.stats.lastErr.Store(err.Error())
			rules := robots.ForHost(0, nil, agent, c.cfg.MaxCrawlDelay)
			rules.Err = err
			return rules, ru, nil
		}
		c.stats.fetched.Add(1)
		c.stats.bytes.Add(int64(len(r.Body)))
		if loc := r.Header.Get("Location"); r.Status >= 300 && r.Status < 400 && loc != "" {
			next, err := url.Parse(ru)
			if err == nil {
				next, err = next.Parse(loc)
			}
			if err != nil {
				break
			}
			ru = next.String()
			continue
		}
		rules := robots.ForHost(r.Status, r.Body, agent, c.cfg.MaxCrawlDelay)
		if rules.Unavailable {
			c.stats.lastErr.Store(fmt.Sprintf("%s: http %d", ru, r.Status))
		}
		c.log.Debug("robots.txt", "url", ru, "status", r.Status, "crawl_delay", rules.Delay)
		return rules, ru, r.Header
	}
	// Too many redirects: as if there were no robots.txt (RFC 9309 2.3.1.2).
	return robots.ForHost(404, nil, agent, c.cfg.MaxCrawlDelay), ru, nil
}
