package crawler

import (
	"fmt"
	"strings"
	"time"

	"github.com/winnowhq/winnow/crawler/robots"
)

// robotsRules is what robots.txt says to this crawler about one host.
type robotsRules struct {
	rules    *robots.Rules // nil: everything allowed
	delay    time.Duration // Crawl-delay, capped
	sitemaps []string
	// unavailable marks a robots.txt that could not be read (a 5xx, no
	// response): the host is disallowed for this run, and its pages count
	// as failed, not skipped, so that a dead site fails the run.
	unavailable bool
	// err is why it could not be read, when no response came.
	err error
}

func (r *robotsRules) allowed(path string) bool {
	return r == nil || r.rules.Allowed(path)
}

// Check implements dispatch.Robots: nil, ErrDisallowed, or
// ErrRobotsUnavailable when there was no robots.txt to be read (the site
// is down or failing, which is a failure of the page, not a choice of the
// site).
func (r *robotsRules) Check(path string) error {
	switch {
	case r.allowed(path):
		return nil
	case !r.unavailable:
		return ErrDisallowed
	case r.err != nil:
		return fmt.Errorf("%w: %w", ErrRobotsUnavailable, r.err)
	default:
		return ErrRobotsUnavailable
	}
}

// agentName is the robots.txt product token of a User-Agent: its first word
// without the version ("winnow/1 (+https://...)" gives "winnow").
func agentName(ua string) string {
	name, _, _ := strings.Cut(strings.TrimSpace(ua), " ")
	name, _, _ = strings.Cut(name, "/")
	return name
}

// parseRobots turns a robots.txt response into rules, after RFC 9309: a 4xx
// means no rules, a 5xx or an unreachable server means disallow everything
// (for this run), and a body that does not parse means no rules.
func parseRobots(status int, body []byte, agent string, maxDelay time.Duration) *robotsRules {
	rs := robots.FromResponse(status, body, agent)
	r := &robotsRules{rules: rs, sitemaps: rs.Sitemaps, delay: rs.CrawlDelay}
	r.unavailable = status == 0 || status >= 500
	if status < 200 || status >= 300 {
		r.sitemaps = nil
	}
	if r.delay < 0 || r.delay > maxDelay {
		r.delay = maxDelay
	}
	return r
}
