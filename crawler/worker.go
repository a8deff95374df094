package crawler

import (
	"context"
	"errors"
	"fmt"
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
		rules := c.fetchRobots(f, j.Entry.URL)
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
	results <- res
	c.emit(ev.Event)
	return fin
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

// fetchRobots reads robots.txt of the host of u, following up to five
// redirects as RFC 9309 asks.
func (c *Crawler) fetchRobots(f *visit.Fetcher, u string) *robots.Host {
	p, err := url.Parse(u)
	if err != nil {
		return robots.ForHost(404, nil, "", 0) // no rules
	}
	ru := p.Scheme + "://" + p.Host + "/robots.txt"
	agent := robots.AgentName(c.cfg.UserAgent)
	for range robots.MaxRedirects + 1 {
		r, err := f.GetPrefix(ru)
		if err != nil {
			c.log.Warn("robots.txt unreachable: host disallowed for this run", "url", ru, "err", err)
			c.stats.lastErr.Store(err.Error())
			rules := robots.ForHost(0, nil, agent, c.cfg.MaxCrawlDelay)
			rules.Err = err
			return rules
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
		return rules
	}
	// Too many redirects: as if there were no robots.txt (RFC 9309 2.3.1.2).
	return robots.ForHost(404, nil, agent, c.cfg.MaxCrawlDelay)
}
