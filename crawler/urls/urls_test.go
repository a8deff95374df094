package urls_test

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/crawler/urls"
)

func TestCanonical(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"http://Example.COM", "http://example.com/"},
		{"HTTP://example.com:80/a#frag", "http://example.com/a"},
		{"https://example.com:443/a/./b/../c/", "https://example.com/a/c/"},
		{"https://example.com:8443/a", "https://example.com:8443/a"},
		{"http://example.com/a?utm_source=x&id=2&utm_medium=y&b=1", "http://example.com/a?id=2&b=1"}, // order kept: robots.txt matches the query as fetched
		{"http://example.com/a?fbclid=1&gclid=2&UTM_Campaign=3", "http://example.com/a"},
		{"http://example.com/a?", "http://example.com/a"},
		{"http://user:pw@example.com/a", "http://example.com/a"},
		{"http://example.com/caf%C3%A9?q=a%20b", "http://example.com/caf%C3%A9?q=a%20b"},
		{"  http://example.com/x  ", "http://example.com/x"},
		{"http://example.com/a;jsessionid=1F2E3D?PHPSESSID=9a&id=2", "http://example.com/a?id=2"},
		{"http://example.com/shop;JSESSIONID=ab/item;v=2?CFID=1&CFTOKEN=2", "http://example.com/shop/item;v=2"},
		{"http://example.com/;jsessionid=x", "http://example.com/"},
	} {
		got, err := urls.Canonical(c.in)
		if err != nil || got != c.want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	long := "http://example.com/" + strings.Repeat("a", urls.MaxLength)
	if got, err := urls.Canonical(long[:urls.MaxLength]); err != nil || got != long[:urls.MaxLength] {
		t.Errorf("Canonical(a URL of %d bytes) = %.40q..., %v; want it kept", urls.MaxLength, got, err)
	}
	var scope urls.Scope
	scope.Hosts = []string{"example.com"}
	if got := scope.Resolve("http://example.com/", long, 1); got != "" {
		t.Errorf("Resolve(a link of %d bytes) = %.40q..., want it refused", len(long), got)
	}
	for _, bad := range []string{"ftp://example.com/", "mailto:a@example.com", "/relative", "http://", "http://[::1", long} {
		if got, err := urls.Canonical(bad); err == nil {
			t.Errorf("Canonical(%.40q...) = %.40q..., want an error", bad, got)
		}
	}
}
