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
	data, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil || data == nil {
		if status >= 500 || status == 0 {
			data, _ = robotstxt.FromStatusAndBytes(500, nil)
		} else {
			return &robotsRules{}
		}
	}
	g := data.FindGroup(agent)
	r := &robotsRules{group: g, sitemaps: data.Sitemaps}
	if g != nil {
		r.delay = min(g.CrawlDelay, maxDelay)
	}
	return r
}
