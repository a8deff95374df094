package robots

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Sentinel errors of Host.Check; package crawler exports them as
// crawler.ErrDisallowed and crawler.ErrRobotsUnavailable.
var (
	// ErrDisallowed marks a URL that robots.txt forbids.
	ErrDisallowed = errors.New("disallowed by robots.txt")
	// ErrUnavailable marks a URL of a host whose robots.txt could not be
	// read (a 5xx, no response): RFC 9309 disallows the host, and the
	// page counts as failed.
	ErrUnavailable = errors.New("robots.txt unavailable: host disallowed for this run")
)

// Host is what robots.txt says to one crawler about one host.
type Host struct {
	Rules    *Rules        // nil: everything allowed
	Delay    time.Duration // Crawl-delay, capped
	Sitemaps []string
	// Unavailable marks a robots.txt that could not be read (a 5xx, a 429,
	// no response): the host is disallowed for this run, and its pages count
	// as failed, not skipped, so that a dead site fails the run.
	Unavailable bool
	// Err is why it could not be read, when no response came.
	Err error
}

// ForHost turns a robots.txt response into rules, after RFC 9309: a 4xx
// means no rules, a 5xx, a 429 or an unreachable server (status 0) means
// disallow everything (for this run; see Unavailable), and a body that
// does not parse means no rules. Crawl-delay is capped at maxDelay.
func ForHost(status int, body []byte, agent string, maxDelay time.Duration) *Host {
	rs := FromResponse(status, body, agent)
	h := &Host{Rules: rs, Sitemaps: rs.Sitemaps, Delay: rs.CrawlDelay}
	h.Unavailable = Unavailable(status)
	if status < 200 || status >= 300 {
		h.Sitemaps = nil
	}
	if h.Delay < 0 || h.Delay > maxDelay {
		h.Delay = maxDelay
	}
	return h
}

// Allowed reports whether path may be fetched.
func (h *Host) Allowed(path string) bool {
	return h == nil || h.Rules.Allowed(path)
}

// Check returns nil when path may be fetched; otherwise ErrDisallowed, or
// ErrUnavailable when there was no robots.txt to be read (the site is down
// or failing, which is a failure of the page, not a choice of the site).
func (h *Host) Check(path string) error {
	switch {
	case h.Allowed(path):
		return nil
	case !h.Unavailable:
		return ErrDisallowed
	case h.Err != nil:
		return fmt.Errorf("%w: %w", ErrUnavailable, h.Err)
	default:
		return ErrUnavailable
	}
}

// AgentName is the robots.txt product token of a User-Agent: its first
// word without the version ("winnow/1 (+https://...)" gives "winnow").
func AgentName(ua string) string {
	name, _, _ := strings.Cut(strings.TrimSpace(ua), " ")
	name, _, _ = strings.Cut(name, "/")
	return name
}
