// Package visit decides what one visit of a frontier entry yields: it
// fetches the URL (conditionally, when its stored state has validators),
// then settles the response as a page written, unchanged, followed (a
// listing, a sitemap, a feed, a redirect), skipped, retried or failed, with
// the state to store, the links to enqueue and the index line to append.
// Package crawler runs visits on its workers; the committer (package
// crawler/commit) makes their results durable.
//
// A visit never panics: a panic in a parser or in Extract fails the page,
// not the crawl.
package visit

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"time"

	"golang.org/x/sync/semaphore"

	"github.com/winnowhq/winnow/crawler/commit"
	"github.com/winnowhq/winnow/crawler/dispatch"
	"github.com/winnowhq/winnow/crawler/fetch"
	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/links"
	"github.com/winnowhq/winnow/crawler/urls"
)

// Options are the parts of a crawl job that decide a visit's outcome, with
// their defaults applied (see crawler.Config, whose fields they are).
type Options struct {
	UserAgent string
	Scope     urls.Scope
	Articles  []*regexp.Regexp
	WriteAll  bool
	// OutputDir receives the articles; Files is true when each is written
	// to a file of its own (crawler.OutputFiles), false when its text goes
	// into its index line (crawler.OutputJSONL).
	OutputDir string
	Files     bool
	// PageTimeout caps the work on a page after its response; MaxLinks,
	// the links read from one HTML page; MaxInFlightBytes, the bytes of
	// pages read and cleaned at once across workers.
	PageTimeout      time.Duration
	MaxLinks         int
	MaxInFlightBytes int64
	Retry
	Revisit
}

// Retry says when a failed fetch is tried again.
type Retry struct {
	// Retries is the number of retries after a timeout, a 429 or a 5xx;
	// negative means none.
	Retries int
	// RetryBase is the first backoff; each retry doubles it, with jitter.
	RetryBase time.Duration
	// MaxRetryAfter is the longest Retry-After honoured; a longer one fails
	// the page for this run.
	MaxRetryAfter time.Duration
}

// Backoff returns how long to wait before asking again after attempts
// failed tries: RetryBase doubled per try, with jitter so that many pages
// failing together do not return together, and at least the Retry-After of
// hdr (nil when no response came). When that Retry-After is over
// MaxRetryAfter, over says so: the caller gives up for this run.
func (r Retry) Backoff(attempts int, hdr http.Header) (wait time.Duration, over error) {
	wait = r.RetryBase << min(attempts, 16)
	wait = wait/2 + rand.N(wait/2+1)
	if d, ok := fetch.RetryAfter(hdr, time.Now()); ok {
		if d > r.MaxRetryAfter {
			over = fmt.Errorf("retry-after %s over the %s limit", d, r.MaxRetryAfter)
		}
		wait = max(d, wait)
	}
	return wait, over
}

// Revisit spares known articles a request for a while, as large crawlers
// do (adaptive revisiting): an article is requested again (conditionally)
// only once Recheck has passed since it was last fetched or found
// unchanged; each time it is found unchanged its interval doubles, up to
// RecheckMax, and a change brings it back to Recheck. Its remembered links
// feed the frontier meanwhile. Listing pages, feeds and sitemaps are
// fetched on every run.
type Revisit struct {
	// Recheck zero means crawler.DefaultRecheck; negative sends every known
	// article a conditional request on every run.
	Recheck time.Duration
	// RecheckMax caps an article's interval; zero means
	// crawler.DefaultRecheckMax.
	RecheckMax time.Duration
}

// Visitor decides the outcome of visiting frontier entries for one job.
// It holds no per-visit state: one Visitor serves every worker of a run.
type Visitor struct {
	opt     Options
	store   frontier.Store
	extract Extract
	log     *slog.Logger
	fetched func(bytes int)
}

// New returns a Visitor that reads stored state from st, hands articles to
// extract and logs to log. fetched, when not nil, is called with the body
// size of every response received.
func New(opt Options, st frontier.Store, extract Extract, log *slog.Logger, fetched func(bytes int)) *Visitor {
	return &Visitor{opt: opt, store: st, extract: extract, log: log, fetched: fetched}
}

// Fetcher is a run's fetch.Fetcher with its budget: the bytes of the pages
// being read and cleaned at once by all workers (Options.MaxInFlightBytes);
// see Visitor.Visit.
type Fetcher struct {
	*fetch.Fetcher
	Budget *semaphore.Weighted
}

// ErrOutput marks a failure to write the output: it stops the run, since
// every following article would fail the same way (a full disk).
var ErrOutput = errors.New("output failed")

// Outcome is the event of one visit and the response's header (for a
// Retry-After that holds its host back).
type Outcome struct {
	Event
	Header http.Header
}

// Visit fetches e and decides its fate. pr is e's stored state when the
// dispatcher has read it already; nil to read it here. It never panics: a
// panic in a parser or in Extract fails the page, not the crawl. The work
// on the response (links, Extract) has Options.PageTimeout; its body counts
// against Options.MaxInFlightBytes until Visit returns.
func (v *Visitor) Visit(ctx context.Context, f *Fetcher, e frontier.Entry, pr *dispatch.Prior) (res commit.Result, ev Outcome) {
	res = commit.Result{Entry: e, Done: true}
	ev.URL = e.URL
	defer func() {
		if p := recover(); p != nil {
			err := Panicked(e.URL, "visit", p)
			v.log.Error("panic in a visit: page failed, crawl goes on", "url", e.URL, "err", err, "stack", string(debug.Stack()))
			res = commit.Result{Entry: e, Done: true}
			ev = Outcome{Event: Event{Kind: EventFailed, URL: e.URL, Err: err}}
		}
	}()
	if pr == nil {
		st, known, err := v.store.State(ctx, e.URL)
		if err != nil {
			ev.Kind, ev.Err = EventFailed, err
			return res, ev
		}
		pr = &dispatch.Prior{State: st, Known: known}
	}
	prev, known := pr.State, pr.Known
	hdr, rewrite := v.request(&prev, known)
	r, err := f.Get(e.URL, hdr)
	if r != nil {
		if v.fetched != nil {
			v.fetched(len(r.Body))
		}
		ev.Status, ev.Bytes, ev.Duration, ev.Header = r.Status, len(r.Body), r.Took, r.Header
	}
	status := 0
	if r != nil {
		status = r.Status
	}
	if err != nil || fetch.Retryable(nil, status) {
		if err == nil { // fetch's errors name the URL; so does this one
			err = fmt.Errorf("get %s: http %d", e.URL, status)
		}
		return v.failure(e, err, status, r, prev, known, res, ev)
	}
	res.URL = e.URL
	st := prev
	st.Status, st.Err = status, ""
	if status != http.StatusOK {
		return v.notOK(e, r, st, known, res, ev)
	}
	st.FetchedAt = r.At
	st.ETag, st.LastModified = r.Header.Get("ETag"), r.Header.Get("Last-Modified")
	// The page's work waits for its bytes in the budget shared by all
	// workers, so that only so many bytes of pages are parsed and cleaned
	// at once (cleaning takes many times a page's size). Waiting here, once
	// the body is in, costs no request its timeout, and a worker waiting
	// holds none of the budget, so it cannot deadlock. The downloads
	// themselves hold at most Workers × MaxBodySize.
	n := min(int64(len(r.Body)), v.opt.MaxInFlightBytes)
	if err := f.Budget.Acquire(ctx, n); err != nil {
		ev.Kind, ev.Err = EventFailed, fmt.Errorf("%s: %w", e.URL, err) // shutdown: the entry stays queued
		return res, ev
	}
	defer f.Budget.Release(n)
	if links.IsXML(r.ContentType, r.Body) {
		return v.readXML(e, r, st, res, ev)
	}
	pctx, cancel := context.WithTimeoutCause(ctx, v.opt.PageTimeout, fmt.Errorf("%w (%s)", ErrPageTimeout, v.opt.PageTimeout))
	defer cancel()
	return v.readHTML(pctx, e, r, st, rewrite, res, ev)
}

// request returns the headers of e's request, conditional on its
// validators, and whether its article file was removed by hand (then it is
// fetched unconditionally and written again).
func (v *Visitor) request(prev *frontier.State, known bool) (hdr http.Header, rewrite bool) {
	hdr = http.Header{}
	hdr.Set("User-Agent", v.opt.UserAgent)
	hdr.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	if known && prev.File != "" && v.opt.Files && !frontier.IsShared(v.store) {
		if _, err := os.Stat(filepath.Join(v.opt.OutputDir, prev.File)); err != nil {
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
func (v *Visitor) notOK(e frontier.Entry, r *fetch.Response, st frontier.State, known bool, res commit.Result, ev Outcome) (commit.Result, Outcome) {
	status := r.Status
	switch {
	case status == http.StatusNotModified && known:
		// Nothing to store: an hourly re-run of a large site would otherwise
		// rewrite every URL's state for a new timestamp. With Recheck the
		// time is needed, and written once per Recheck at most.
		res.URL = ""
		if v.opt.Recheck > 0 {
			res.URL, st.CheckedAt, st.Recheck = e.URL, r.At, v.backoff(st.Recheck)
			res.State = st
		}
		res.Enqueue = v.linkEntries(st.Links, e.Depth)
		ev.Kind = EventUnchanged
		return res, ev
	case status >= 300 && status < 400:
		loc := r.Header.Get("Location")
		st.Links = nil
		res.State = st
		to := v.opt.Scope.Resolve(e.URL, loc, e.Depth+1) // a hop: a redirect chain ends at max_depth
		if to == "" {
			// Often a seed moving to www. or https: the job's scope says no.
			ev.Kind, ev.Err = EventSkipped, fmt.Errorf("%s redirects to %q: %w", e.URL, loc, ErrOutOfScope)
			if e.Depth == 0 {
				v.log.Warn("seed redirects out of scope", "url", e.URL, "location", loc)
			}
			return res, ev
		}
		st.Links = []frontier.Link{{URL: to, Kind: e.Kind, Article: e.Article}}
		res.State = st
		res.Enqueue = v.linkEntries(st.Links, e.Depth)
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
func (v *Visitor) backoff(last time.Duration) time.Duration {
	return min(max(2*last, v.opt.Recheck), v.opt.RecheckMax)
}

// freshness is what fresh says of one entry.
