// Package fetch makes the crawler's HTTP requests with
// github.com/gocolly/colly/v2: one request at a time per call, no redirect
// followed, a body size limit that reports instead of truncating (also
// after gzip), and every colly setting the crawler relies on set again
// after colly has read its COLLY_* environment variables; DecodeHTML turns
// a fetched body into UTF-8.
package fetch

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gocolly/colly/v2"

	"github.com/winnowhq/winnow/internal/input"
	"github.com/winnowhq/winnow/internal/netguard"
	"github.com/winnowhq/winnow/internal/toutf8"
)

var (
	// ErrTooLarge marks a body over Options.MaxBodySize. colly truncates such
	// a body silently; Get reports it instead.
	ErrTooLarge = errors.New("body over the size limit")
	// ErrNotHTML marks a content type the crawler does not read.
	ErrNotHTML = errors.New("not html, a sitemap or a feed")
)

// Options are what a Fetcher needs of the crawl's configuration.
type Options struct {
	UserAgent   string
	Timeout     time.Duration // one request, body included
	MaxBodySize int64
	// IdlePerHost is how many idle connections to keep per host.
	IdlePerHost int
	// PrefixBytes is how much of a body GetPrefix reads; zero: MaxBodySize.
	PrefixBytes int
}

// Response is one HTTP exchange as the crawler sees it.
type Response struct {
	Status      int
	Header      http.Header
	Body        []byte
	ContentType string // as received
	At          time.Time
	Took        time.Duration
}

// Fetcher wraps one colly Collector used synchronously from many workers:
// the crawler, not colly, decides what to fetch and when, so colly's Async
// mode (a goroutine per Visit with no cap) and its LimitRule (one limit per
// rule, not per host) are not used.
type Fetcher struct {
	c       *colly.Collector
	maxBody int64
	// prefix reads only the first bytes of a body, whatever its type (see
	// GetPrefix); it shares c's transport, cookies and settings.
	prefix *colly.Collector
}

// MaxHeaderBytes caps the header of a response: real headers are a few
// KiB, and net/http's default (10 MB) let a hostile server make every
// worker hold that much apart from max_body_size. A response over it fails.
const MaxHeaderBytes = 1 << 20

const (
	ctxResponse = "winnow.response"
	ctxTooLarge = "winnow.too-large"
	ctxNotHTML  = "winnow.not-html"
	ctxType     = "winnow.content-type"
)

// New builds the Collector; its requests end with ctx, and connect only
// where guard allows. colly.NewCollector applies COLLY_*
// environment variables after the options given in code, so every setting
// the crawler relies on is set again afterwards: the environment cannot turn
// robots.txt, the body limit or redirects back to colly's defaults.
func New(ctx context.Context, cfg Options, guard *netguard.Guard) (*Fetcher, error) {
	c := colly.NewCollector()
	c.UserAgent = cfg.UserAgent
	c.Headers = nil
	c.AllowedDomains, c.DisallowedDomains = nil, nil
	c.URLFilters, c.DisallowedURLFilters = nil, nil
	c.IgnoreRobotsTxt = true // the crawler reads robots.txt itself, with Crawl-delay and politeness
	c.AllowURLRevisit = true // the Store, not colly's in-memory set, decides what to fetch
	c.MaxDepth, c.MaxRequests = 0, 0
	c.MaxBodySize = int(cfg.MaxBodySize) + 1 // one byte more tells a too-large body from a full one
	c.DetectCharset = false                  // the crawler reads <meta> too
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
		Proxy:                  http.ProxyFromEnvironment,
		DialContext:            (&netguard.Dialer{Guard: guard, Dialer: &net.Dialer{Timeout: cfg.Timeout, KeepAlive: 30 * time.Second}}).DialContext,
		MaxIdleConns:           256,
		MaxIdleConnsPerHost:    cfg.IdlePerHost,
		IdleConnTimeout:        90 * time.Second,
		TLSHandshakeTimeout:    cfg.Timeout,
		ResponseHeaderTimeout:  cfg.Timeout,
		MaxResponseHeaderBytes: MaxHeaderBytes,
		ForceAttemptHTTP2:      true,
	}})
	// Redirects are not followed inside a request: the target goes through the
	// frontier like any link, so it is canonicalised, scoped, checked against
	// robots.txt, spaced by the host delay, and a redirect loop ends at the
	// seen set.
	c.SetRedirectHandler(func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse })

	f := &Fetcher{c: c, maxBody: cfg.MaxBodySize}
	c.OnResponseHeaders(func(r *colly.Response) {
		if n := r.Headers.Get("Content-Length"); n != "" {
			if size, err := strconv.ParseInt(n, 10, 64); err == nil && size > f.maxBody {
				r.Ctx.Put(ctxTooLarge, true)
				r.Request.Abort()
				return
			}
		}
		if r.StatusCode == http.StatusOK && !input.TextType(r.Headers.Get("Content-Type")) {
			r.Ctx.Put(ctxNotHTML, r.Headers.Get("Content-Type"))
			r.Request.Abort()
			return
		}
		hideCharset(r)
	})
	c.OnResponse(func(r *colly.Response) { r.Ctx.Put(ctxResponse, r) })
	f.prefix = c.Clone()
	f.prefix.MaxBodySize = cmp.Or(cfg.PrefixBytes, int(cfg.MaxBodySize))
	f.prefix.OnResponseHeaders(hideCharset)
	f.prefix.OnResponse(func(r *colly.Response) { r.Ctx.Put(ctxResponse, r) })
	return f, nil
}

// hideCharset keeps the Content-Type as received in the request's context
// and takes its parameters off the header colly reads once the body is in:
// colly converts a body from the charset the header names, believing it,
// and the result is valid UTF-8 whatever the bytes were (a UTF-8 page under
// a server's default ISO-8859-1 came out as "CafÃ©", ASCII markup under
// UTF-16 as CJK characters). DecodeHTML decodes the bytes as received,
// checking the header against them.
func hideCharset(r *colly.Response) {
	ct := r.Headers.Get("Content-Type")
	r.Ctx.Put(ctxType, ct)
	if mt, _, ok := strings.Cut(ct, ";"); ok {
		r.Headers.Set("Content-Type", strings.TrimSpace(mt))
	}
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

// Get fetches u with extra headers. A non-nil error means no usable response
// arrived: a network error, a timeout, ErrTooLarge or ErrNotHTML.
func (f *Fetcher) Get(u string, hdr http.Header) (*Response, error) {
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
		return nil, fmt.Errorf("get %s: %w", u, unwrapURL(err))
	}
	if r == nil {
		return nil, fmt.Errorf("get %s: no response", u)
	}
	if int64(len(r.Body)) > f.maxBody {
		return nil, fmt.Errorf("get %s: %w (%d bytes)", u, ErrTooLarge, f.maxBody)
	}
	return &Response{
		Status:      r.StatusCode,
		Header:      *r.Headers,
		Body:        r.Body,
		ContentType: r.Ctx.Get(ctxType),
		At:          time.Now(),
		Took:        took,
	}, nil
}

// GetPrefix fetches u and keeps the first Options.PrefixBytes bytes of its
// body, whatever its length, declared or not, and its content type:
// robots.txt, which RFC 9309 2.5 has read in its first 500 KiB, and which a
// server may label anything. The rest of the body is not read. As with Get,
// a non-nil error means no response arrived.
func (f *Fetcher) GetPrefix(u string) (*Response, error) {
	ctx := colly.NewContext()
	start := time.Now()
	err := f.prefix.Request(http.MethodGet, u, nil, ctx, nil)
	r, _ := ctx.GetAny(ctxResponse).(*colly.Response)
	if r == nil {
		if err == nil {
			err = errors.New("no response")
		}
		return nil, fmt.Errorf("get %s: %w", u, unwrapURL(err))
	}
	return &Response{Status: r.StatusCode, Header: *r.Headers, Body: r.Body,
		ContentType: r.Ctx.Get(ctxType), At: time.Now(), Took: time.Since(start)}, nil
}

// unwrapURL takes net/http's *url.Error off err: it repeats the method and
// the URL ("Get \"http://...\": ..."), which the caller's message names.
func unwrapURL(err error) error {
	if ue, ok := errors.AsType[*url.Error](err); ok {
		return ue.Err
	}
	return err
}

// RetryAfter parses a Retry-After header: seconds or an HTTP date.
func RetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
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

// Retryable reports whether a failed request may succeed later.
func Retryable(err error, status int) bool {
	if err != nil {
		if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrNotHTML) {
			return false
		}
		return true // timeouts, resets, refused connections
	}
	return status == http.StatusTooManyRequests || status == http.StatusRequestTimeout ||
		(status >= 500 && status != http.StatusNotImplemented)
}

// DecodeHTML returns body, as received, as UTF-8, decoded by
// internal/toutf8 from the header, a byte order mark or a <meta> element,
// each believed only where the bytes agree: a header claiming UTF-8 over
// bytes that are not UTF-8 is overruled, and so is a legacy charset over
// bytes that are valid UTF-8 text.
func DecodeHTML(body []byte, contentType string) []byte {
	return toutf8.Decode(body, contentType)
}
