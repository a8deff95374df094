package robots

import (
	"testing"
	"time"
)

// FuzzForHost checks ForHost for any status, body and User-Agent: no
// panic; a delay between zero and maxDelay; Allowed never panics; a 4xx
// allows everything; a 5xx or an unreachable server (status 0) disallows
// everything (RFC 9309 2.3.1.3 and 2.3.1.4, as ForHost says it does).
func FuzzForHost(f *testing.F) {
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
		r := ForHost(status, body, AgentName(ua), maxDelay)
		if r == nil {
			t.Fatalf("ForHost(%d, %q) = nil", status, body)
		}
		if r.Delay < 0 || r.Delay > maxDelay {
			t.Fatalf("ForHost(%d, %q, maxDelay %v): delay %v", status, body, maxDelay, r.Delay)
		}
		got := r.Allowed(path)
		switch {
		case status >= 400 && status < 500:
			if !got || !r.Allowed("/") {
				t.Fatalf("ForHost(%d, %q): %q allowed %v, want every path allowed", status, body, path, got)
			}
		case status >= 500 || status == 0:
			if r.Allowed("/") || r.Allowed("/"+path) {
				t.Fatalf("ForHost(%d, %q): / or /%s allowed, want every path disallowed", status, body, path)
			}
		}
		if (status < 200 || status >= 300) && len(r.Sitemaps) > 0 {
			t.Fatalf("ForHost(%d, %q): sitemaps %q from a body that was not read", status, body, r.Sitemaps)
		}
	})
}
