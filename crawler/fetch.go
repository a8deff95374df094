package crawler

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/cookiejar"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gocolly/colly/v2"
	"golang.org/x/sync/semaphore"

	"github.com/winnowhq/winnow/internal/netguard"
)

// Sentinel errors a caller may branch on.
var (
	// ErrUnwanted is what Extract wraps to turn a page down (its text is
	// in a language the job does not want): the page counts as skipped.
	ErrUnwanted = errors.New("page not wanted")
	// ErrDisallowed marks a URL that robots.txt forbids.
	ErrDisallowed = errors.New("disallowed by robots.txt")
	// ErrTooLarge marks a body over Config.MaxBodySize. colly truncates such a
	// body silently; the crawler reports it instead.
	ErrTooLarge = errors.New("body over the size limit")
	// ErrNotHTML marks a content type the crawler does not read.
	ErrNotHTML = errors.New("not html, a sitemap or a feed")
	// ErrOutOfScope marks a queued URL the job's scope no longer allows
	// (the job file changed since it was queued).
	ErrOutOfScope = errors.New("out of the job's scope")
	// ErrRobotsUnavailable marks a URL of a host whose robots.txt could not
	// be read (a 5xx, no response): RFC 9309 disallows the host, and the
	// page counts as failed.
	ErrRobotsUnavailable = errors.New("robots.txt unavailable: host disallowed for this run")
	// ErrRunFailed marks a run that finished but failed as a whole: every
	// seed failed, or more than Config.MaxFailedShare of the fetches.
	ErrRunFailed = errors.New("run failed")
	// ErrPageTimeout marks a page whose work outlasted Config.PageTimeout.
	ErrPageTimeout = errors.New("page timeout")
)

// FailureReason classifies the error of a failed, retried or skipped fetch
// for metrics: "timeout", "network", "http_4xx", "http_5xx", "too_large",
// "not_html", "robots_disallowed", "robots_unavailable", "out_of_scope",
// "blocked_address" (netguard refused the address), "page_timeout", "other".
func FailureReason(err error, status int) string {
	var ne net.Error
	switch {
	case errors.Is(err, netguard.ErrBlocked):
		return "blocked_address"
	case errors.Is(err, ErrTooLarge):
		return "too_large"
	case errors.Is(err, ErrNotHTML):
		return "not_html"
	case errors.Is(err, ErrDisallowed):
		return "robots_disallowed"
	case errors.Is(err, ErrOutOfScope):
		return "out_of_scope"
	case errors.Is(err, ErrPageTimeout):
		return "page_timeout"
	case status >= 500:
		return "http_5xx"
	case status >= 400:
		return "http_4xx"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.As(err, &ne), errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET):
		return "network"
	case errors.Is(err, ErrRobotsUnavailable): // a 5xx robots.txt; no response at all is network or timeout
		return "robots_unavailable"
	}
	return "other"
}

// response is one HTTP exchange as the crawler sees it.
type response struct {
	status      int
	header      http.Header
	body        []byte
	contentType string // as received, before colly's charset conversion
	converted   bool   // colly converted the body to UTF-8
	at          time.Time
	took        time.Duration
}

// fetcher wraps one colly Collector used synchronously from many workers: the
// crawler, not colly, decides what to fetch and when, so colly's Async mode
// (a goroutine per Visit with no cap) and its LimitRule (one limit per rule,
// not per host) are not used.
type fetcher struct {
	c       *colly.Collector
	maxBody int64
	// budget bounds the bytes of the pages being read and cleaned at once
	// by all workers (Config.MaxInFlightBytes); see Crawler.process.
	budget *semaphore.Weighted
}

const (
	ctxResponse = "winnow.response"
	ctxTooLarge = "winnow.too-large"
	ctxNotHTML  = "winnow.not-html"
)

// newFetcher builds the Collector. colly.NewCollector applies COLLY_*
// environment variables after the options given in code, so every setting
// the crawler relies on is set again afterwards: the environment cannot turn
// robots.txt, the body limit or redirects back to colly's defaults.
func newFetcher(ctx context.Context, cfg *Config, guard *netguard.Guard) (*fetcher, error) {
	c := colly.NewCollector()
	c.UserAgent = cfg.UserAgent
	c.Headers = nil
	c.AllowedDomains, c.DisallowedDomains = nil, nil
	c.URLFilters, c.DisallowedURLFilters = nil, nil
	c.IgnoreRobotsTxt = true // the crawler reads robots.txt itself, with Crawl-delay and politeness
	c.AllowURLRevisit = true // the Store, not colly's in-memory set, decides what to fetch
	c.MaxDepth, c.MaxRequests = 0, 0
	c.MaxBodySize = int(cfg.MaxBodySize) + 1 // one byte more tells a too-large body from a full one
	c.DetectCharset = false                  // decodeHTML reads <meta> too
	c.ParseHTTPErrorResponse = true          // every status reaches OnResponse
	c.CacheDir = ""
	c.TraceHTTP = false
	c.Async = false
	c.CheckHead = false
	c.Context = ctx
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, fmt.Errorf("cookie jar: %w", err)
	}
	c.SetCookieJar(jar)
	c.SetRequestTimeout(cfg.Timeout)
	c.WithTransport(&gunzipTransport{next: &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&netguard.Dialer{Guard: guard, Dialer: &net.Dialer{Timeout: cfg.Timeout, KeepAlive: 30 * time.Second}}).DialContext,
		MaxIdleConns:          256,
		MaxIdleConnsPerHost:   max(cfg.HostParallelism, cfg.Workers),
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   cfg.Timeout,
		ResponseHeaderTimeout: cfg.Timeout,
		ForceAttemptHTTP2:     true,
	}})
	// Redirects are not followed inside a request: the target goes through the
	// frontier like any link, so it is canonicalised, scoped, checked against
	// robots.txt, spaced by the host delay, and a redirect loop ends at the
	// seen set.
	c.SetRedirectHandler(func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse })

	f := &fetcher{c: c, maxBody: cfg.MaxBodySize, budget: semaphore.NewWeighted(cfg.MaxInFlightBytes)}
	c.OnResponseHeaders(func(r *colly.Response) {
		if n := r.Headers.Get("Content-Length"); n != "" {
			if size, err := strconv.ParseInt(n, 10, 64); err == nil && size > f.maxBody {
				r.Ctx.Put(ctxTooLarge, true)
				r.Request.Abort()
				return
			}
		}
		if r.StatusCode == http.StatusOK && !readable(r.Headers.Get("Content-Type")) {
			r.Ctx.Put(ctxNotHTML, r.Headers.Get("Content-Type"))
			r.Request.Abort()
			return
		}
	})
	c.OnResponse(func(r *colly.Response) { r.Ctx.Put(ctxResponse, r) })
	return f, nil
}

// gunzipTransport decompresses gzip bodies before colly sees them, so that
// MaxBodySize bounds the decompressed bytes. colly gunzips a body whose
// Content-Encoding or Content-Type says gzip, or whose path ends in .xml.gz
// (news sitemaps often are), but its size limit applies to the compressed
// stream: a 1 MB gzip bomb would become gigabytes in memory. A response
// marked Uncompressed is left alone by colly, and its LimitReader then counts
// decompressed bytes. Written by hand because neither colly nor net/http
// offers a bounded gunzip; compress/gzip does the decoding.
type gunzipTransport struct{ next http.RoundTripper }

func (t *gunzipTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := t.next.RoundTrip(req)
	if err != nil {
		return res, err
	}
	enc := strings.ToLower(res.Header.Get("Content-Encoding"))
	ct := strings.ToLower(res.Header.Get("Content-Type"))
	gzType := enc == "" && strings.Contains(ct, "gzip")
	byHeader := !res.Uncompressed && (strings.Contains(enc, "gzip") || gzType)
	// A .gz path is looked at even when net/http has already removed a
	// Content-Encoding layer: the file itself may still be gzip.
	if !byHeader && !strings.HasSuffix(strings.ToLower(req.URL.Path), ".gz") {
		return res, nil
	}
	// What colly would gunzip is decoded here only when it is gzip: a
	// sitemap.xml.gz served already decompressed is passed on as it is.
	br := bufio.NewReader(res.Body)
	res.Uncompressed = true
	if magic, _ := br.Peek(2); len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
		res.Body = readCloser{br, res.Body}
		return res, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		res.Body.Close()
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	res.Body = readCloser{zr, res.Body}
	res.Header.Del("Content-Encoding")
	res.Header.Del("Content-Length")
	res.ContentLength = -1
	if gzType || strings.Contains(ct, "octet-stream") {
		res.Header.Del("Content-Type") // the decompressed bytes are sniffed
	}
	return res, nil
}

// readCloser reads from one reader and closes the response body under it.
type readCloser struct {
	io.Reader
	body io.Closer
}

func (r readCloser) Close() error { return r.body.Close() }

// readable reports whether a content type may hold HTML, a sitemap or a feed.
// An empty type is sniffed later.
func readable(ct string) bool {
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return true
	}
	return strings.Contains(mt, "html") || strings.Contains(mt, "xml") ||
		strings.HasPrefix(mt, "text/") || strings.Contains(mt, "rss") || strings.Contains(mt, "atom")
}

// get fetches u with extra headers. A non-nil error means no usable response
// arrived: a network error, a timeout, ErrTooLarge or ErrNotHTML.
func (f *fetcher) get(u string, hdr http.Header) (*response, error) {
	ctx := colly.NewContext()
	start := time.Now()
	err := f.c.Request(http.MethodGet, u, nil, ctx, hdr)
	took := time.Since(start)
	if ctx.GetAny(ctxTooLarge) != nil {
		return nil, fmt.Errorf("get %s: %w (%d bytes)", u, ErrTooLarge, f.maxBody)
	}
	if ct, ok := ctx.GetAny(ctxNotHTML).(string); ok {
		return nil, fmt.Errorf("get %s: %w: %q", u, ErrNotHTML, ct)
	}
	r, _ := ctx.GetAny(ctxResponse).(*colly.Response)
	if err != nil && r == nil {
		return nil, fmt.Errorf("get %s: %w", u, err)
	}
	if r == nil {
		return nil, fmt.Errorf("get %s: no response", u)
	}
	if int64(len(r.Body)) > f.maxBody {
		return nil, fmt.Errorf("get %s: %w (%d bytes)", u, ErrTooLarge, f.maxBody)
	}
	ct := r.Headers.Get("Content-Type")
	_, params, _ := mime.ParseMediaType(ct)
	cs := strings.ToLower(params["charset"])
	return &response{
		status:      r.StatusCode,
		header:      *r.Headers,
		body:        r.Body,
		contentType: ct,
		converted:   cs != "" && cs != "utf-8" && cs != "utf8",
		at:          time.Now(),
		took:        took,
	}, nil
}

// retryAfter parses a Retry-After header: seconds or an HTTP date.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// retryable reports whether a failed request may succeed later.
func retryable(err error, status int) bool {
	if err != nil {
		if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrNotHTML) {
			return false
		}
		return true // timeouts, resets, refused connections
	}
	return status == http.StatusTooManyRequests || status == http.StatusRequestTimeout ||
		(status >= 500 && status != http.StatusNotImplemented)
}
