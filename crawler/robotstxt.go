package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/winnowhq/winnow/crawler/dispatch"
	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/robots"
	"github.com/winnowhq/winnow/crawler/visit"
)

// How long a robots.txt answer is shared by the processes of a shared
// store (frontier.RobotsShare) before one of them asks again: a readable
// one (a 2xx, a 4xx, too many redirects) for RFC 9309's longest cache
// time; one still unreadable after the last retry (a 5xx, a 429, no
// response: the host disallowed) for robotsUnavailableFor, after which
// a process asks again.
const (
	robotsExpiry         = 24 * time.Hour
	robotsUnavailableFor = 30 * time.Minute
	// robotsPoll is how often a process waiting for another's robots.txt
	// answer looks for it.
	robotsPoll = 200 * time.Millisecond
)

// robotsAnswer is a robots.txt response, as shared by the processes of a
// shared store.
type robotsAnswer struct {
	Status int    `json:"status"` // 0: no response came
	URL    string `json:"url"`    // the URL last asked (after redirects)
	Body   []byte `json:"body,omitempty"`
	Err    string `json:"err,omitempty"` // why no response came
	// Attempts counts the times in a row it could not be read.
	Attempts int `json:"attempts,omitempty"`
	err      error
}

// host is what the answer says to this crawler.
func (a robotsAnswer) host(c *Crawler) *robots.Host {
	h := robots.ForHost(a.Status, a.Body, robots.AgentName(c.cfg.UserAgent), c.cfg.MaxCrawlDelay)
	switch {
	case a.err != nil:
		h.Err = a.err
	case a.Err != "":
		h.Err = errors.New(a.Err)
	case h.Unavailable:
		h.Err = fmt.Errorf("%s: http %d", a.URL, a.Status)
	}
	return h
}

// robotsJob reads robots.txt of j's host. One that could not be read (a
// 429, a 5xx, no response) disallows the host (RFC 9309 §2.3.1.4), but a
// long crawl should not give a host up for a moment's overload or outage:
// robots.txt is asked again after the backoff of a page's retry (its
// Retry-After honoured), up to Config.Retries times; only then, or when
// the Retry-After is over Config.MaxRetryAfter, are its pages refused for
// the run (ErrRobotsUnavailable). On a store shared by several processes
// the answer is shared too (see shareRobots).
func (c *Crawler) robotsJob(ctx context.Context, f *visit.Fetcher, j dispatch.Job) dispatch.Done {
	a, ru, hdr := c.fetchRobots(f, j.Entry.URL)
	a.Attempts = j.Attempt
	rules := a.host(c)
	if rules.Unavailable && ctx.Err() == nil {
		a.Attempts++
		wait, over := c.cfg.Backoff(j.Attempt, hdr)
		if over == nil && j.Attempt < c.cfg.Retries {
			c.log.Info("robots.txt unavailable: asking again later", "url", ru, "attempt", j.Attempt+1, "wait", wait.Round(time.Millisecond))
			c.hold(ctx, j, j.Delay)
			c.shareRobots(ctx, j.Host, a, wait, wait+c.robotsHold())
			return dispatch.Done{Host: j.Host, RobotsAgain: true, HoldUntil: time.Now().Add(wait)}
		}
		if over != nil {
			c.stats.lastErr.Store(fmt.Sprintf("%s: %v", ru, over))
		}
		c.log.Warn("robots.txt unavailable: host disallowed for this run", "url", ru, "attempts", j.Attempt+1, "err", rules.Check("/"))
		c.shareRobots(ctx, j.Host, a, 0, robotsUnavailableFor)
	} else if !rules.Unavailable {
		c.shareRobots(ctx, j.Host, a, 0, robotsExpiry)
	}
	c.hold(ctx, j, max(j.Delay, rules.Delay))
	return c.robotsDone(j.Host, rules)
}

// robotsDone is the answer to a robots job of host whose robots.txt says
// rules: the rules, the Crawl-delay and the sitemaps to enqueue.
func (c *Crawler) robotsDone(host string, rules *robots.Host) dispatch.Done {
	fin := dispatch.Done{Host: host, Robots: rules, Delay: rules.Delay}
	if c.cfg.RobotsSitemaps {
		for _, sm := range rules.Sitemaps {
			if u := c.cfg.Scope.Resolve(sm, sm, 0); u != "" {
				fin.Enqueue = append(fin.Enqueue, frontier.Entry{URL: u, Kind: frontier.KindSitemap})
			}
		}
	}
	return fin
}

// robotsHold is how long a process may take to read robots.txt for the
// others: every redirect's timeout, and a Crawl-delay's wait for its slot.
func (c *Crawler) robotsHold() time.Duration {
	return time.Duration(robots.MaxRedirects+1)*c.cfg.Timeout + c.cfg.MaxCrawlDelay
}

// shareRobots gives the processes sharing the store the answer read for
// host (nothing on a store of this process alone). A failure is logged:
// the others then ask robots.txt themselves.
func (c *Crawler) shareRobots(ctx context.Context, host string, a robotsAnswer, retryIn, ttl time.Duration) {
	if !c.sharesRobots() || ctx.Err() != nil {
		return
	}
	b, err := json.Marshal(a)
	if err == nil {
		err = c.store.(frontier.RobotsShare).PutRobots(ctx, host, b, retryIn, ttl)
	}
	if err != nil {
		c.log.Warn("robots.txt not shared with the other workers", "host", host, "err", err)
	}
}

// SharedRobots answers a robots job of host from the answer another
// process shared, or says to wait for it (see dispatch.Crawl).
func (d dispatched) SharedRobots(ctx context.Context, host string) (dispatch.Done, bool, int) {
	c := d.c
	raw, retryIn, mine, err := c.store.(frontier.RobotsShare).Robots(ctx, host, c.robotsHold())
	if err != nil {
		c.log.Warn("shared robots.txt unknown: reading it here", "host", host, "err", err)
		return dispatch.Done{}, false, 0
	}
	var a robotsAnswer
	if raw != nil {
		if err := json.Unmarshal(raw, &a); err != nil {
			c.log.Warn("shared robots.txt unreadable: reading it here", "host", host, "err", err)
			return dispatch.Done{}, false, 0
		}
	}
	switch {
	case mine:
		return dispatch.Done{}, false, a.Attempts
	case raw == nil: // another process is reading it
		return dispatch.Done{Host: host, RobotsAgain: true, HoldUntil: time.Now().Add(robotsPoll)}, true, 0
	case retryIn > 0: // unreadable; read again later
		return dispatch.Done{Host: host, RobotsAgain: true, HoldUntil: time.Now().Add(retryIn)}, true, 0
	}
	c.log.Debug("robots.txt shared by another worker", "host", host, "status", a.Status)
	return c.robotsDone(host, a.host(c)), true, 0
}

// fetchRobots reads robots.txt of the host of u, following up to five
// redirects as RFC 9309 asks; it returns the answer, the URL last asked
// and the header of its response (nil when none came).
func (c *Crawler) fetchRobots(f *visit.Fetcher, u string) (robotsAnswer, string, http.Header) {
	p, err := url.Parse(u)
	if err != nil {
		return robotsAnswer{Status: 404, URL: u}, u, nil // no rules
	}
	ru := p.Scheme + "://" + p.Host + "/robots.txt"
	for range robots.MaxRedirects + 1 {
		r, err := f.GetPrefix(ru)
		if err != nil {
			c.stats.lastErr.Store(err.Error())
			return robotsAnswer{URL: ru, Err: err.Error(), err: err}, ru, nil
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
		if robots.Unavailable(r.Status) {
			c.stats.lastErr.Store(fmt.Sprintf("%s: http %d", ru, r.Status))
		}
		c.log.Debug("robots.txt", "url", ru, "status", r.Status)
		a := robotsAnswer{Status: r.Status, URL: ru}
		if r.Status >= 200 && r.Status < 300 {
			a.Body = r.Body // the rules; any other status has none
		}
		return a, ru, r.Header
	}
	// Too many redirects: as if there were no robots.txt (RFC 9309 2.3.1.2).
	return robotsAnswer{Status: 404, URL: ru}, ru, nil
}
