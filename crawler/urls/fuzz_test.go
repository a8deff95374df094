package urls

import (
	"net/url"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/fixture/seeds"
)

// fixtureURLs are the source URLs of the cleaning fixtures: real article URLs.
func fixtureURLs(tb testing.TB) []string {
	var out []string
	for _, s := range seeds.Files(tb, "../../fixtures/*/source.url") {
		out = append(out, strings.TrimSpace(string(s.Data)))
	}
	return out
}

// FuzzCanonical checks that Canonical never panics and that what it returns
// is canonical: Canonical(out) == out, an absolute http(s) URL with a host,
// lower-case scheme and host, no default port, fragment, userinfo or dot
// segment, query parameters in their order, and none of the dropped parameters
// (utm_*, trackingParams, session identifiers, ;jsessionid= in the path).
func FuzzCanonical(f *testing.F) {
	for _, s := range fixtureURLs(f) {
		f.Add(s)
	}
	for _, s := range []string{ // TestCanonical's inputs
		"http://Example.COM",
		"HTTP://example.com:80/a#frag",
		"https://example.com:443/a/./b/../c/",
		"https://example.com:8443/a",
		"http://example.com/a?utm_source=x&id=2&utm_medium=y&b=1",
		"http://example.com/a?fbclid=1&gclid=2&UTM_Campaign=3",
		"http://example.com/a?",
		"http://user:pw@example.com/a",
		"http://example.com/caf%C3%A9?q=a%20b",
		"  http://example.com/x  ",
		"http://example.com/a;jsessionid=1F2E3D?PHPSESSID=9a&id=2",
		"http://example.com/shop;JSESSIONID=ab/item;v=2?CFID=1&CFTOKEN=2",
		"http://example.com/;jsessionid=x",
		"http://[::1]:8080/a%2Fb/../c?utm%5Fsource=1&x=%zz",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		out, err := Canonical(raw)
		if err != nil {
			return
		}
		again, err := Canonical(out)
		if err != nil || again != out {
			t.Fatalf("Canonical(%q) = %q, but Canonical(%q) = %q, %v", raw, out, out, again, err)
		}
		u, err := url.Parse(out)
		if err != nil {
			t.Fatalf("Canonical(%q) = %q, which does not parse: %v", raw, out, err)
		}
		switch {
		case u.Scheme != "http" && u.Scheme != "https":
			t.Fatalf("Canonical(%q) = %q: scheme %q", raw, out, u.Scheme)
		case u.Hostname() == "" || u.Opaque != "":
			t.Fatalf("Canonical(%q) = %q: no host", raw, out)
		case u.User != nil:
			t.Fatalf("Canonical(%q) = %q: userinfo kept", raw, out)
		case strings.Contains(out, "#"):
			t.Fatalf("Canonical(%q) = %q: fragment kept", raw, out)
		case u.Host != strings.ToLower(u.Host):
			t.Fatalf("Canonical(%q) = %q: host not lower-case", raw, out)
		case u.Scheme == "http" && u.Port() == "80", u.Scheme == "https" && u.Port() == "443":
			t.Fatalf("Canonical(%q) = %q: default port kept", raw, out)
		case !strings.HasPrefix(u.Path, "/"):
			t.Fatalf("Canonical(%q) = %q: path %q does not start with /", raw, out, u.Path)
		case strings.Contains(strings.ToLower(u.Path), ";jsessionid="),
			strings.Contains(strings.ToLower(u.EscapedPath()), ";jsessionid="):
			t.Fatalf("Canonical(%q) = %q: ;jsessionid= kept in the path", raw, out)
		}
		for seg := range strings.SplitSeq(u.Path, "/") {
			if seg == "." || seg == ".." {
				t.Fatalf("Canonical(%q) = %q: dot segment %q kept", raw, out, seg)
			}
		}
		if u.RawQuery == "" {
			return
		}
		params := strings.Split(u.RawQuery, "&")
		for _, p := range params {
			name, _, _ := strings.Cut(p, "=")
			names := []string{strings.ToLower(name)}
			if n, err := url.QueryUnescape(name); err == nil {
				names = append(names, strings.ToLower(n))
			}
			for _, n := range names {
				if p == "" || strings.HasPrefix(n, "utm_") || trackingParams[n] {
					t.Fatalf("Canonical(%q) = %q: query parameter %q kept", raw, out, p)
				}
			}
		}
	})
}
