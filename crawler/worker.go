package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"

	"github.com/winnowhq/winnow/crawler/commit"
	"github.com/winnowhq/winnow/crawler/dispatch"
	"github.com/winnowhq/winnow/crawler/fetch"
	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/links"
	"github.com/winnowhq/winnow/crawler/output"
	"github.com/winnowhq/winnow/crawler/robots"
)

// fetcher is the run's Fetcher with its budget: the bytes of the pages
// being read and cleaned at once by all workers (Config.MaxInFlightBytes);
// see Crawler.process.
type fetcher struct {
	*fetch.Fetcher
	budget *semaphore.Weighted
}

// errOutput marks a failure to write the output: it stops the run, since
// every following article would fail the same way (a full disk).
var errOutput = errors.New("output failed")

// work runs one job; what it returns frees the worker in the dispatcher.
func (c *Crawler) work(ctx context.Context, f *fetcher, j dispatch.Job, results chan<- commit.Result, abort context.CancelCauseFunc) dispatch.Done {
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
	res, ev := c.process(ctx, f, j.Entry, j.Prior)
	c.hold(ctx, j, j.Delay)
	if errors.Is(ev.Err, errOutput) {
		c.emit(ev.Event)
		abort(ev.Err) // the entry stays in the frontier for the next run
		return fin
	}
	if ctx.Err() != nil && ev.Kind != EventWritten {
		return fin // cut short by shutdown: the entry stays in the frontier
	}
	if ev.Kind == EventRetry {
		if d, ok := fetch.RetryAfter(ev.hdr, time.Now()); ok {
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
func (c *Crawler) fetchRobots(f *fetcher, u string) *robots.Host {
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

type outcome struct {
	Event
	hdr http.Header
}

// process fetches e and decides its fate. pr is e's stored state when the
// dispatcher has read it already; nil to read it here. It never panics: a
// panic in a parser or in Extract fails the page, not the crawl. The work
// on the response (links, Extract) has Config.PageTimeout; its body counts
// against Config.MaxInFlightBytes until process returns.
func (c *Crawler) process(ctx context.Context, f *fetcher, e frontier.Entry, pr *dispatch.Prior) (res commit.Result, ev outcome) {
	res = commit.Result{Entry: e, Done: true}
	ev.URL = e.URL
	defer func() {
		if p := recover(); p != nil {
			res = commit.Result{Entry: e, Done: true}
			ev = outcome{Event: Event{Kind: EventFailed, URL: e.URL, Err: fmt.Errorf("panic: %v", p)}}
		}
	}()
	if pr == nil {
		st, known, err := c.store.State(ctx, e.URL)
		if err != nil {
			ev.Kind, ev.Err = EventFailed, err
			return res, ev
		}
		pr = &dispatch.Prior{State: st, Known: known}
	}
	prev, known := pr.State, pr.Known
	hdr, rewrite := c.request(&prev, known)
	r, err := f.Get(e.URL, hdr)
	if r != nil {
		c.stats.fetched.Add(1)
		c.stats.bytes.Add(int64(len(r.Body)))
		ev.Status, ev.Bytes, ev.Duration, ev.hdr = r.Status, len(r.Body), r.Took, r.Header
	}
	status := 0
	if r != nil {
		status = r.Status
	}
	if err != nil || fetch.Retryable(nil, status) {
		if err == nil { // fetch's errors name the URL; so does this one
			err = fmt.Errorf("get %s: http %d", e.URL, status)
		}
		return c.failure(e, err, status, r, prev, known, res, ev)
	}
	res.URL = e.URL
	st := prev
	st.Status, st.Err = status, ""
	if status != http.StatusOK {
		return c.notOK(e, r, st, known, res, ev)
	}
	st.FetchedAt = r.At
	st.ETag, st.LastModified = r.Header.Get("ETag"), r.Header.Get("Last-Modified")
	// The page's work waits for its bytes in the budget shared by all
	// workers, so that only so many bytes of pages are parsed and cleaned
	// at once (cleaning takes many times a page's size). Waiting here, once
	// the body is in, costs no request its timeout, and a worker waiting
	// holds none of the budget, so it cannot deadlock. The downloads
	// themselves hold at most Workers × MaxBodySize.
	n := min(int64(len(r.Body)), c.cfg.MaxInFlightBytes)
	if err := f.budget.Acquire(ctx, n); err != nil {
		ev.Kind, ev.Err = EventFailed, fmt.Errorf("%s: %w", e.URL, err) // shutdown: the entry stays queued
		return res, ev
	}
	defer f.budget.Release(n)
	if links.IsXML(r.ContentType, r.Body) {
		return c.readXML(e, r, st, res, ev)
	}
	pctx, cancel := context.WithTimeoutCause(ctx, c.cfg.PageTimeout, fmt.Errorf("%w (%s)", ErrPageTimeout, c.cfg.PageTimeout))
	defer cancel()
	return c.readHTML(pctx, e, r, st, rewrite, res, ev)
}

// request returns the headers of e's request, conditional on its
// validators, and whether its article file was removed by hand (then it is
// fetched unconditionally and written again).
func (c *Crawler) request(prev *frontier.State, known bool) (hdr http.Header, rewrite bool) {
	hdr = http.Header{}
	hdr.Set("User-Agent", c.cfg.UserAgent)
	hdr.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	if known && prev.File != "" && c.cfg.Format == OutputFiles && !frontier.IsShared(c.store) {
		if _, err := os.Stat(filepath.Join(c.cfg.OutputDir, prev.File)); err != nil {
			rewrite, prev.ETag, prev.LastModified = true, "", ""
		}
	}
	if known && prev.Err == "" {
		if prev.ETag != "" {
			hdr.Set("If-None-Match", prev.ETag)
		}
		if prev.LastModified != "" {
			hdr.Set("If-Modified-Since", prev.LastModified)
		}
	}
	return hdr, rewrite
}

// notOK settles a response other than 200 that is not retried: a 304, a
// redirect, or a failure.
func (c *Crawler) notOK(e frontier.Entry, r *fetch.Response, st frontier.State, known bool, res commit.Result, ev outcome) (commit.Result, outcome) {
	status := r.Status
	switch {
	case status == http.StatusNotModified && known:
		// Nothing to store: an hourly re-run of a large site would otherwise
		// rewrite every URL's state for a new timestamp. With Recheck the
		// time is needed, and written once per Recheck at most.
		res.URL = ""
		if c.cfg.Recheck > 0 {
			res.URL, st.CheckedAt, st.Recheck = e.URL, r.At, c.backoff(st.Recheck)
			res.State = st
		}
		res.Enqueue = c.linkEntries(st.Links, e.Depth)
		ev.Kind = EventUnchanged
		return res, ev
	case status >= 300 && status < 400:
		loc := r.Header.Get("Location")
		st.Links = nil
		res.State = st
		to := c.cfg.Scope.Resolve(e.URL, loc, e.Depth+1) // a hop: a redirect chain ends at max_depth
		if to == "" {
			// Often a seed moving to www. or https: the job's scope says no.
			ev.Kind, ev.Err = EventSkipped, fmt.Errorf("%s redirects to %q: out of scope", e.URL, loc)
			if e.Depth == 0 {
				c.log.Warn("seed redirects out of scope", "url", e.URL, "location", loc)
			}
			return res, ev
		}
		st.Links = []frontier.Link{{URL: to, Kind: e.Kind, Article: e.Article}}
		res.State = st
		res.Enqueue = c.linkEntries(st.Links, e.Depth)
		ev.Kind = EventFollowed
		return res, ev
	default:
		st.Err = fmt.Sprintf("http %d", status)
		res.State = st
		ev.Kind, ev.Err = EventFailed, fmt.Errorf("get %s: http %d", e.URL, status)
		return res, ev
	}
}

// backoff returns an article's next revisit interval after it was found
// unchanged: twice the last one, within Config.Recheck and RecheckMax.
func (c *Crawler) backoff(last time.Duration) time.Duration {
	return min(max(2*last, c.cfg.Recheck), c.cfg.RecheckMax)
}

// freshness is what fresh says of one entry.
type freshness struct {
	r  commit.Result
	ok bool
	pr *dispatch.Prior
}

// freshAll runs fresh on a claimed batch, on as many goroutines as there
// are CPUs: on a re-run nearly every entry is settled here, and reading its
// state (a store read, a JSON decode, a stat of its file) one after another
// on the dispatcher made it the re-run's bottleneck. With recheck off,
// nothing is settled early and process reads the state.
func (c *Crawler) freshAll(ctx context.Context, es []frontier.Entry) []freshness {
	out := make([]freshness, len(es))
	if c.cfg.Recheck <= 0 {
		return out
	}
	var next atomic.Int64
	work := func() {
		for i := int(next.Add(1) - 1); i < len(es); i = int(next.Add(1) - 1) {
			out[i].r, out[i].ok, out[i].pr = c.fresh(ctx, es[i])
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

// fresh reports whether e is an article checked more recently than its
// revisit interval (State.Recheck, at least Config.Recheck); if so, it
// returns the result that takes e out of the frontier without a request,
// feeding the frontier with the article's remembered links; if not, the
// state it read, which process then uses rather than reading it again.
func (c *Crawler) fresh(ctx context.Context, e frontier.Entry) (commit.Result, bool, *dispatch.Prior) {
	prev, known, err := c.store.State(ctx, e.URL)
	if err != nil {
		return commit.Result{}, false, nil // process reads it again and reports the error
	}
	pr := &dispatch.Prior{State: prev, Known: known}
	if !known || prev.Hash == "" || prev.Err != "" {
		return commit.Result{}, false, pr
	}
	last := prev.FetchedAt
	if prev.CheckedAt.After(last) {
		last = prev.CheckedAt
	}
	interval := min(max(prev.Recheck, c.cfg.Recheck), c.cfg.RecheckMax)
	if age := time.Since(last); age < 0 || age >= interval {
		return commit.Result{}, false, pr
	}
	if prev.File != "" && c.cfg.Format == OutputFiles && !frontier.IsShared(c.store) {
		if _, err := os.Stat(filepath.Join(c.cfg.OutputDir, prev.File)); err != nil {
			return commit.Result{}, false, pr // removed by hand: fetch and write it again
		}
	}
	return commit.Result{Entry: e, Done: true, Enqueue: c.linkEntries(prev.Links, e.Depth)}, true, nil
}

// failure decides between a retry with backoff and giving up.
func (c *Crawler) failure(e frontier.Entry, err error, status int, r *fetch.Response, prev frontier.State, known bool, res commit.Result, ev outcome) (commit.Result, outcome) {
	wait := c.cfg.RetryBase << min(e.Attempts, 16)
	wait = wait/2 + rand.N(wait/2+1) // jitter: many pages failing together do not return together
	if r != nil {
		if d, ok := fetch.RetryAfter(r.Header, time.Now()); ok {
			if d > c.cfg.MaxRetryAfter {
				err = fmt.Errorf("%w: retry-after %s over the %s limit", err, d, c.cfg.MaxRetryAfter)
				e.Attempts = c.cfg.Retries
			}
			wait = max(d, wait)
		}
	}
	ev.Err = err
	if fetch.Retryable(err, status) && e.Attempts < c.cfg.Retries {
		e.Attempts++
		e.NotBefore = time.Now().Add(wait)
		res.Entry, res.Done, res.Retry = e, false, true
		ev.Kind = EventRetry
		return res, ev
	}
	st := prev
	if !known {
		st = frontier.State{}
	}
	st.Status, st.Err = status, err.Error()
	res.URL, res.State = e.URL, st
	ev.Kind = EventFailed
	if errors.Is(err, fetch.ErrNotHTML) {
		ev.Kind = EventSkipped
	}
	return res, ev
}

// readXML follows the URLs of a sitemap or a feed.
func (c *Crawler) readXML(e frontier.Entry, r *fetch.Response, st frontier.State, res commit.Result, ev outcome) (commit.Result, outcome) {
	found, _, err := links.XML(r.Body, r.ContentType, MaxSitemapLinks)
	if err != nil {
		st.Err = err.Error()
		res.State = st
		ev.Kind, ev.Err = EventFailed, fmt.Errorf("%s: %w", e.URL, err)
		return res, ev
	}
	st.Links = st.Links[:0]
	for _, l := range found {
		// The pages a sitemap or feed lists are at its depth; a sitemap
		// named by a sitemap index is a hop, so an index chain ends.
		depth, kind := e.Depth, frontier.KindPage
		if l.Sitemap {
			depth, kind = depth+1, frontier.KindSitemap
		}
		if u := c.cfg.Scope.Resolve(e.URL, l.URL, depth); u != "" {
			st.Links = append(st.Links, frontier.Link{URL: u, Kind: kind, Article: !l.Sitemap, SameDepth: !l.Sitemap})
		}
	}
	st.Hash, st.File = "", ""
	res.State = st
	res.Enqueue = c.linkEntries(st.Links, e.Depth)
	ev.Kind = EventFollowed
	return res, ev
}

// readHTML follows the links of a page and writes it when it is an article
// whose clean text is new or changed.
func (c *Crawler) readHTML(ctx context.Context, e frontier.Entry, r *fetch.Response, st frontier.State, rewrite bool, res commit.Result, ev outcome) (commit.Result, outcome) {
	body := fetch.DecodeHTML(r.Body, r.ContentType)
	base, _ := url.Parse(e.URL)
	pi := links.HTML(ctx, body, base, c.cfg.MaxLinks)
	if err := context.Cause(ctx); err != nil {
		st.Err = err.Error()
		res.State = st
		ev.Kind, ev.Err = EventFailed, fmt.Errorf("%s: %w", e.URL, err)
		return res, ev
	}
	st.Links = c.pageLinks(st.Links[:0], e, pi)
	if pi.Canonical != "" {
		// A hop, like a redirect: a chain of pages naming ever new
		// canonical URLs ends at max_depth.
		if cu := c.cfg.Scope.Resolve(e.URL, pi.Canonical, e.Depth+1); cu != "" && cu != e.URL {
			// The page names another URL as itself: that one is written.
			st.Links = append(st.Links, frontier.Link{URL: cu, Article: e.Article})
			st.Hash, st.File = "", ""
			res.State = st
			res.Enqueue = c.linkEntries(st.Links, e.Depth)
			ev.Kind = EventFollowed
			return res, ev
		}
	}
	res.Enqueue = c.linkEntries(st.Links, e.Depth)
	if pi.NoIndex || !c.isArticle(e, pi) {
		st.Hash, st.File = "", ""
		res.State = st
		ev.Kind = EventFollowed
		return res, ev
	}
	page := &Page{
		URL: e.URL, FetchURL: e.URL, Status: r.Status, Header: r.Header,
		ContentType: "text/html; charset=utf-8", Body: body, Depth: e.Depth, FetchedAt: r.At,
	}
	title, text, err := c.extract(ctx, page)
	if cause := context.Cause(ctx); cause != nil && errors.Is(cause, ErrPageTimeout) {
		err = cause // Extract gave up or ran over: the page timed out
	}
	var se *SpamError
	if errors.As(err, &se) {
		return c.spam(e, r, st, title, se, res, ev)
	}
	if err == nil && strings.TrimSpace(text) == "" {
		if c.cfg.WriteAll && !c.looksArticle(e, pi) {
			// pages: all writes listings too, but a link-only index page
			// has no text to write: followed, not failed.
			st.Hash, st.File = "", ""
			res.State = st
			ev.Kind = EventFollowed
			return res, ev
		}
		err = errors.New("no text")
	}
	if err != nil {
		st.Err = err.Error()
		res.State = st
		ev.Kind, ev.Err = EventFailed, fmt.Errorf("extract %s: %w", e.URL, err)
		if errors.Is(err, ErrUnwanted) {
			ev.Kind = EventSkipped
		}
		return res, ev
	}
	ev.Cleaned = true
	hash := output.Hash(title, text)
	if hash == st.Hash && !rewrite {
		st.Recheck = c.backoff(st.Recheck)
		res.State = st
		ev.Kind = EventUnchanged
		return res, ev
	}
	return c.write(e, r, st, title, text, hash, rewrite, page, res, ev)
}

// pageLinks appends to out the links and feeds of page e that the scope
// admits (no links under nofollow).
func (c *Crawler) pageLinks(out []frontier.Link, e frontier.Entry, pi links.Page) []frontier.Link {
	if !pi.NoFollow {
		for _, l := range pi.Links {
			if u := c.cfg.Scope.Resolve(e.URL, l, e.Depth+1); u != "" {
				out = append(out, frontier.Link{URL: u})
			}
		}
	}
	for _, l := range pi.Feeds {
		if u := c.cfg.Scope.Resolve(e.URL, l, e.Depth+1); u != "" {
			out = append(out, frontier.Link{URL: u, Kind: frontier.KindFeed})
		}
	}
	return out
}

// spam records a page Extract judged spam from top to bottom: no article
// file, and an index line the first time only.
func (c *Crawler) spam(e frontier.Entry, r *fetch.Response, st frontier.State, title string, se *SpamError, res commit.Result, ev outcome) (commit.Result, outcome) {
	known := st.Hash == spamHash
	st.Hash, st.Err = spamHash, ""
	st.Recheck = c.backoff(st.Recheck)
	b, jerr := json.Marshal(output.IndexLine{URL: e.URL, File: st.File, Status: "spam", FetchedAt: r.At, Title: title, Hash: spamHash, Spam: true, SpamScore: se.Score})
	if jerr == nil && !known {
		res.Line = b // recorded once; a page still spam is not indexed again
	}
	res.State = st
	ev.Kind, ev.Err = EventSpam, se
	return res, ev
}

// write writes a new or changed article and its index line.
func (c *Crawler) write(e frontier.Entry, r *fetch.Response, st frontier.State, title, text, hash string, rewrite bool, page *Page, res commit.Result, ev outcome) (commit.Result, outcome) {
	isNew := st.Hash == "" || rewrite // a file deleted by hand is new again on disk
	st.Recheck = c.cfg.Recheck
	if st.File == "" && c.cfg.Format == OutputFiles {
		st.File = output.FileName(e.URL)
	}
	line := output.IndexLine{URL: e.URL, File: st.File, Status: "changed", FetchedAt: r.At, Title: title, Hash: hash, Bytes: len(text), Metadata: page.Metadata}
	if isNew {
		line.Status = "new"
	}
	if c.cfg.Format == OutputJSONL {
		line.Text = text
	} else {
		data := []byte(title + "\n\n" + text + "\n")
		if !output.SameFile(c.cfg.OutputDir, st.File, data) {
			if err := output.WriteFile(c.cfg.OutputDir, st.File, data); err != nil {
				ev.Kind, ev.Err = EventFailed, fmt.Errorf("%s: %w: %w", e.URL, errOutput, err)
				return res, ev
			}
		}
	}
	b, err := json.Marshal(line)
	if err != nil {
		ev.Kind, ev.Err = EventFailed, err
		return res, ev
	}
	st.Hash = hash
	res.State, res.Line = st, b
	ev.Kind, ev.New = EventWritten, isNew
	return res, ev
}

// spamHash is the text hash kept for a page judged spam (no text hash can
// equal it), so that it is indexed once and not again while it stays spam.
const spamHash = "spam"

func (c *Crawler) isArticle(e frontier.Entry, pi links.Page) bool {
	return c.cfg.WriteAll || c.looksArticle(e, pi)
}

// looksArticle reports whether e is an article by the job's article
// patterns or, without them, by its link and markup.
func (c *Crawler) looksArticle(e frontier.Entry, pi links.Page) bool {
	if len(c.cfg.Articles) > 0 {
		for _, re := range c.cfg.Articles {
			if re.MatchString(e.URL) {
				return true
			}
		}
		return false
	}
	return e.Article || pi.Article
}

// linkEntries turns the links of a page at depth into frontier entries,
// those the job's scope allows now: links remembered from an earlier run
// were in the scope of that run's job file.
func (c *Crawler) linkEntries(links []frontier.Link, depth int) []frontier.Entry {
	out := make([]frontier.Entry, 0, len(links))
	for _, l := range links {
		d := depth + 1
		if l.SameDepth {
			d = depth
		}
		if !c.cfg.Scope.Admits(l.URL, d) {
			continue
		}
		out = append(out, frontier.Entry{URL: l.URL, Kind: l.Kind, Depth: d, Article: l.Article})
	}
	return out
}
