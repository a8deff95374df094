package crawler

import (
	"testing"
	"time"
)

// FuzzParseRobots checks parseRobots for any status, body and User-Agent: no
// panic; a delay between zero and maxDelay; allowed never panics; a 4xx
// allows everything; a 5xx or an unreachable server (status 0) disallows
// everything (RFC 9309 2.3.1.3 and 2.3.1.4, as parseRobots says it does).
func FuzzParseRobots(f *testing.F) {
	for _, s := range []struct {
		status int
		body   string
	}{
		{200, "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.01\n\nUser-agent: otherbot\nDisallow: /\n"}, // crawler_test.go
		{200, "User-agent: *\nAllow: /\nSitemap: http://127.0.0.1:8080/sitemap.xml\n"},                        // limits_test.go
		{200, "User-agent: winnow\nDisallow: /a/*/b$\nAllow: /a/x\nCrawl-delay: 1e300\n"},
		{200, "Crawl-delay: 5\nUser-agent: *\n"},
		{200, ""},
		{404, "User-agent: *\nDisallow: /\n"},
		{503, "User-agent: *\nAllow: /\n"},
		{0, ""},
		{301, ""},
	} {
		f.Add(s.status, []byte(s.body), "winnow/1 (+https://example.com/bot)", uint32(time.Minute/time.Millisecond), "/private/x?a=1")
	}
	f.Fuzz(func(t *testing.T, status int, body []byte, ua string, maxDelayMS uint32, path string) {
		maxDelay := time.Duration(maxDelayMS) * time.Millisecond
		r := parseRobots(status, body, agentName(ua), maxDelay)
		if r == nil {
			t.Fatalf("parseRobots(%d, %q) = nil", status, body)
		}
		if r.delay < 0 || r.delay > maxDelay {
			t.Fatalf("parseRobots(%d, %q, maxDelay %v): delay %v", status, body, maxDelay, r.delay)
		}
		got := r.allowed(path)
		switch {
		case status >= 400 && status < 500:
			if !got || !r.allowed("/") {
				t.Fatalf("parseRobots(%d, %q): %q allowed %v, want every path allowed", status, body, path, got)
			}
		case status >= 500 || status == 0:
			if r.allowed("/") || r.allowed("/"+path) {
				t.Fatalf("parseRobots(%d, %q): / or /%s allowed, want every path disallowed", status, body, path)
			}
		}
		if (status < 200 || status >= 300) && len(r.sitemaps) > 0 {
			t.Fatalf("parseRobots(%d, %q): sitemaps %q from a body that was not read", status, body, r.sitemaps)
		}
	})
}
