package crawler

import (
	"context"
	"errors"
	"net"
	"syscall"

	"github.com/winnowhq/winnow/crawler/dispatch"
	"github.com/winnowhq/winnow/crawler/fetch"
	"github.com/winnowhq/winnow/crawler/robots"
	"github.com/winnowhq/winnow/crawler/visit"
	"github.com/winnowhq/winnow/internal/netguard"
)

// Sentinel errors a caller may branch on; package crawler/fetch has two
// more, fetch.ErrTooLarge and fetch.ErrNotHTML.
var (
	// ErrUnwanted is what Extract wraps to turn a page down (its text is
	// in a language the job does not want): the page counts as skipped.
	ErrUnwanted = visit.ErrUnwanted
	// ErrDisallowed marks a URL that robots.txt forbids.
	ErrDisallowed = robots.ErrDisallowed
	// ErrOutOfScope marks a queued URL the job's scope no longer allows
	// (the job file changed since it was queued).
	ErrOutOfScope = visit.ErrOutOfScope
	// ErrRobotsUnavailable marks a URL of a host whose robots.txt could not
	// be read (a 5xx, no response): RFC 9309 disallows the host, and the
	// page counts as failed.
	ErrRobotsUnavailable = robots.ErrUnavailable
	// ErrRunFailed marks a run that finished but failed as a whole: every
	// seed failed, or more than Config.MaxFailedShare of the fetches.
	ErrRunFailed = errors.New("run failed")
	// ErrHostDown marks a URL of a host whose last Config.MaxHostFailures
	// fetches failed (no response, a timeout, a 5xx): the page counts as
	// failed, and is left for the next run.
	ErrHostDown = dispatch.ErrHostDown
	// ErrPageTimeout marks a page whose work outlasted Config.PageTimeout.
	ErrPageTimeout = visit.ErrPageTimeout
	// ErrPanic marks the error a recovered panic became, in a page's
	// visit (its stage named: "URL: extract: panic: ...") or a freshness
	// check: the page fails, the crawl goes on (see Stats.Panics).
	ErrPanic = visit.ErrPanic
)

// FailureReason classifies the error of a failed, retried or skipped fetch
// for metrics: "timeout", "network", "http_4xx", "http_5xx", "too_large",
// "not_html", "robots_disallowed", "robots_unavailable", "out_of_scope",
// "blocked_address" (netguard refused the address), "page_timeout",
// "host_down", "panic", "other".
func FailureReason(err error, status int) string {
	var ne net.Error
	switch {
	case errors.Is(err, netguard.ErrBlocked):
		return "blocked_address"
	case errors.Is(err, fetch.ErrTooLarge):
		return "too_large"
	case errors.Is(err, fetch.ErrNotHTML):
		return "not_html"
	case errors.Is(err, ErrDisallowed):
		return "robots_disallowed"
	case errors.Is(err, ErrOutOfScope):
		return "out_of_scope"
	case errors.Is(err, ErrPageTimeout):
		return "page_timeout"
	case errors.Is(err, ErrHostDown):
		return "host_down"
	case errors.Is(err, ErrPanic):
		return "panic"
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
