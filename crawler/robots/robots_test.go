package robots

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestAllowed(t *testing.T) {
	for _, c := range []struct {
		robots string
		path   string
		want   bool
	}{
		// RFC 9309 §2.2.2: percent-encoded unreserved characters are equivalent.
		{"User-agent: *\nDisallow: /private/\n", "/%70rivate/x.html", false},
		{"User-agent: *\nDisallow: /%70rivate/\n", "/private/x.html", false},
		{"User-agent: *\nDisallow: /private/\n", "/public/x.html", true},
		// Non-ASCII rules match their percent-encoded URL, in either case of hex.
		{"User-agent: *\nDisallow: /café/\n", "/caf%C3%A9/menu", false},
		{"User-agent: *\nDisallow: /café/\n", "/caf%c3%a9/menu", false},
		{"User-agent: *\nDisallow: /caf%c3%a9/\n", "/café/menu", false},
		// Reserved characters stay encoded: %2F is not "/".
		{"User-agent: *\nDisallow: /a/b\n", "/a%2Fb", true},
		// The query as fetched.
		{"User-agent: *\nDisallow: /search?q=\n", "/search?q=x&b=1", false},
		{"User-agent: *\nDisallow: /search?q=\n", "/search?b=1&q=x", true},
		{"User-agent: *\nDisallow: /*?*q=\n", "/search?b=1&q=x", false},
		// Longest match wins; Allow wins a tie.
		{"User-agent: *\nDisallow: /a/\nAllow: /a/b/\n", "/a/b/c", true},
		{"User-agent: *\nAllow: /a/\nDisallow: /a/b/\n", "/a/b/c", false},
		{"User-agent: *\nDisallow: /a\nAllow: /a\n", "/a", true},
		{"User-agent: *\nAllow: /a\nDisallow: /a\n", "/a", true},
		// Wildcards and the end anchor.
		{"User-agent: *\nDisallow: /*.php$\n", "/x/index.php", false},
		{"User-agent: *\nDisallow: /*.php$\n", "/x/index.php?a=1", true},
		{"User-agent: *\nDisallow: /a/*/b\n", "/a/x/y/b/c", false},
		{"User-agent: *\nDisallow: /\n", "/robots.txt", true},
		{"User-agent: *\nDisallow:\n", "/x", true},
		// Our group wins over *, and groups of the same agent merge.
		{"User-agent: *\nDisallow: /\n\nUser-agent: Winnow\nDisallow: /x/\n", "/y", true},
		{"User-agent: winnow\nDisallow: /x/\n\nUser-agent: *\nDisallow: /\n\nUser-agent: winnow\nDisallow: /y/\n", "/y/1", false},
		{"User-agent: otherbot\nUser-agent: winnow/2.0\nDisallow: /z\n", "/z", false},
		{"User-agent: otherbot\nDisallow: /\n", "/z", true},
		// A UTF-8 byte order mark before the first line (as Windows
		// editors save) does not hide that line's record.
		{"\ufeffUser-agent: *\nDisallow: /x\n", "/x", false},
		// Product tokens compare without regard to case, and the group
		// line's version and comment are not part of the token.
		{"User-agent: WINNOW/3 (compatible)\nDisallow: /q\n\nUser-agent: *\nAllow: /\n", "/q", false},
		// CR LF and bare CR line ends.
		{"User-agent: *\r\nDisallow: /c\r\n", "/c", false},
		{"User-agent: *\rDisallow: /c\r", "/c", false},
	} {
		r := Parse([]byte(c.robots), "winnow")
		if got := r.Allowed(c.path); got != c.want {
			t.Errorf("%q: Allowed(%q) = %v, want %v", c.robots, c.path, got, c.want)
		}
	}
}

func TestFromResponse(t *testing.T) {
	body := []byte("User-agent: *\nAllow: /\nCrawl-delay: 2.5\nSitemap: http://x/s.xml\n")
	if r := FromResponse(200, body, "winnow"); !r.Allowed("/a") || r.CrawlDelay != 2500*time.Millisecond || len(r.Sitemaps) != 1 {
		t.Errorf("200: %+v", r)
	}
	if r := FromResponse(404, []byte("User-agent: *\nDisallow: /\n"), "winnow"); !r.Allowed("/a") {
		t.Error("404 must allow all")
	}
	if r := FromResponse(403, body, "winnow"); !r.Allowed("/a") {
		t.Error("403 must allow all")
	}
	// 429 is "slow down", not "no file": disallowed like a 5xx.
	for _, st := range []int{0, 429, 500, 503} {
		if r := FromResponse(st, body, "winnow"); r.Allowed("/a") || r.Allowed("/") {
			t.Errorf("%d must disallow all", st)
		}
	}
}

// reference decides like Allowed, written the obvious way: each pattern
// becomes an anchored regular expression, every rule is tried, the longest
// matching pattern wins and Allow wins a tie.
func reference(rules []Rule, path string) bool {
	if path == "" {
		path = "/" // a request line always has a path
	}
	p := Normalize(path)
	if p == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, r := range rules {
		pat := r.Pattern
		end := ""
		if strings.HasSuffix(pat, "$") {
			pat, end = pat[:len(pat)-1], "$"
		}
		parts := strings.Split(pat, "*")
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		re := regexp.MustCompile(`^(?s:` + strings.Join(parts, ".*") + `)` + end)
		if !re.MatchString(p) {
			continue
		}
		n := len(r.Pattern)
		if n > best || n == best && r.Allow {
			best, allow = n, r.Allow
		}
	}
	return allow
}

// FuzzAllowed checks the matcher against reference for any rules and path,
// and Normalize for idempotence and output alphabet.
func FuzzAllowed(f *testing.F) {
	f.Add("/private/", "/a*b$", "/%70rivate/x.html", true)
	f.Add("/café/", "/*.php$", "/caf%c3%a9/x.php", false)
	f.Add("/search?q=", "/*?*q=", "/search?b=1&q=x", true)
	f.Add("/a**b", "$", "/aXXb", false)
	f.Fuzz(func(t *testing.T, p1, p2, path string, allowFirst bool) {
		if strings.ContainsAny(p1+p2, "\r\n#") {
			return
		}
		body := "User-agent: *\n"
		if allowFirst {
			body += "Allow: " + p1 + "\nDisallow: " + p2 + "\n"
		} else {
			body += "Disallow: " + p1 + "\nAllow: " + p2 + "\n"
		}
		r := Parse([]byte(body), "winnow")
		if got, want := r.Allowed(path), reference(r.rules, path); got != want {
			t.Fatalf("rules %+v, path %q: Allowed %v, reference %v", r.rules, path, got, want)
		}
		n := Normalize(path)
		if Normalize(n) != n {
			t.Fatalf("Normalize not idempotent: %q → %q → %q", path, n, Normalize(n))
		}
		for i := 0; i < len(n); i++ {
			if n[i] <= ' ' || n[i] >= 0x7f {
				t.Fatalf("Normalize(%q) = %q: byte %#x left raw", path, n, n[i])
			}
		}
	})
}

// TestAllowed_HostileCost: a robots.txt of 500 KiB of stars (read whole,
// RFC 9309's minimum) matched against paths of 2,000 bytes, which the
// dispatcher does for every queued URL of the host while every other host
// waits, costs a scan per path. Matching by positions took 0.9 s per path;
// 50 paths now take microseconds each (the bound leaves room for -race and
// a loaded machine).
func TestAllowed_HostileCost(t *testing.T) {
	body := "User-agent: *\nDisallow: /" + strings.Repeat("*", MaxBytes-40) + "b\n"
	r := Parse([]byte(body), "winnow")
	path := "/" + strings.Repeat("a", 2000)
	start := time.Now()
	for i := range 50 {
		if !r.Allowed(path + strings.Repeat("a", i)) {
			t.Fatal("a path without b is disallowed")
		}
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("50 checks against a hostile robots.txt took %v", d)
	}
	if r.Allowed(path + "b") {
		t.Error("a path ending in b is allowed")
	}
}

// TestAllowed_ManyRules: against a robots.txt of 15,000 wildcard rules
// (manyRules), the index decides every path as trying every rule with Match
// does (every, below; FuzzAllowed checks Match against reference), while a
// path meets only a few of the rules: the paths are each rule's own
// pattern filled in, the same one step off, and benchPaths.
func TestAllowed_ManyRules(t *testing.T) {
	r := Parse(manyRules(25_000), "winnow")
	if len(r.rules) < 15_000 {
		t.Fatalf("%d rules read", len(r.rules))
	}
	paths := append([]string(nil), benchPaths...)
	for _, rule := range r.rules {
		p := strings.ReplaceAll(strings.TrimSuffix(rule.Pattern, "$"), "*", "x/")
		paths = append(paths, p, p+"/more", p[:len(p)-1])
	}
	most := 0
	for i, p := range paths {
		if i%50 == 0 || i < len(benchPaths) { // every is slow: a sample
			if got, want := r.Allowed(p), every(r.rules, p); got != want {
				t.Errorf("Allowed(%q) = %v, every rule tried %v", p, got, want)
			}
		}
		most = max(most, r.idx.candidates(Normalize(p)))
	}
	if most > len(r.rules)/100 {
		t.Errorf("a path is matched against %d of %d rules", most, len(r.rules))
	}
}

// every decides like Allowed by trying every rule in turn.
func every(rules []Rule, path string) bool {
	p := Normalize(path)
	best, allow := -1, true
	for _, r := range rules {
		if n := len(r.Pattern); Match(r.Pattern, p) && (n > best || n == best && r.Allow) {
			best, allow = n, r.Allow
		}
	}
	return allow
}
