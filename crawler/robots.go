package crawler

import (
	"strings"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsRules is what robots.txt says to this crawler about one host.
type robotsRules struct {
	group    *robotstxt.Group // nil: everything allowed
	delay    time.Duration    // Crawl-delay, capped
	sitemaps []string
}

func (r *robotsRules) allowed(path string) bool {
	return r == nil || r.group == nil || r.group.Test(path)
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
	if status >= 500 || status == 0 {
		return &robotsRules{group: disallowAll}
	}
	data, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil || data == nil {
		return &robotsRules{}
	}
	g := data.FindGroup(agent)
	r := &robotsRules{group: g, sitemaps: data.Sitemaps}
	if g != nil {
		r.delay = g.CrawlDelay
		if r.delay < 0 || r.delay > maxDelay {
			// A delay too large for a Duration wraps around to a negative one.
			r.delay = maxDelay
		}
	}
	return r
}

// disallowAll is the group that disallows every path. robotstxt's own answer
// to a 5xx holds no group, and FindGroup gives it an empty one that allows
// everything (its disallow flag is only read by TestAgent).
var disallowAll = func() *robotstxt.Group {
	data, err := robotstxt.FromString("User-agent: *\nDisallow: /\n")
	if err != nil {
		panic(err)
	}
	return data.FindGroup("*")
}()
