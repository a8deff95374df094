package anchor

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/fold"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestHref checks what Host and Target read of an href.
func TestHref(t *testing.T) {
	for _, c := range []struct {
		name       string
		f          func(string) string
		href, want string
	}{
		{"Host", Host, "https://WWW.Hit69.me/slot?x=1", "www.hit69.me"},
		{"Host", Host, "//cdn.example.org:8443/a", "cdn.example.org"},
		{"Host", Host, "http://user:pw@Bet.example:80/", "bet.example"},
		{"Host", Host, "http://[2001:db8::1]:8080/x", "[2001:db8::1]"},
		{"Host", Host, "http://[2001:db8::1]/x", "[2001:db8::1]"},
		{"Host", Host, "/relative/path", ""},
		{"Host", Host, "mailto:a@b.c", ""},
		{"Target", Target, "https://out.example.net/r?u=https%3A%2F%2Fzz41.top%2F&cid=7", "https://zz41.top/"},
		{"Target", Target, "https://www.google.com/url?q=https://example.org/a&sa=D", "https://example.org/a"},
		{"Target", Target, "/go.php?url=https%253A%252F%252Fqq7.example%252F", "https://qq7.example/"},
		{"Target", Target, "https://t.example/c#to=//lux8.example/x", "//lux8.example/x"},
		{"Target", Target, "https://example.org/search?q=casino+online", ""},
		{"Target", Target, "https://example.org/a?next=/b", ""},
		{"Target", Target, "https://example.org/", ""},
		{"Target", Target, "/relative?u=ftp://x", ""},
	} {
		if got := c.f(c.href); got != c.want {
			t.Errorf("%s(%q) = %q, want %q", c.name, c.href, got, c.want)
		}
	}
}

func TestMentioned(t *testing.T) {
	for _, c := range []struct {
		doc  string
		want bool
	}{
		{`<p>The ICU4X release is faster than the last one, its maintainers said. <a href="https://icu4x.example/">ICU4X</a></p>`, true},
		{`<p>The release is faster than the last one, its maintainers said. <a href="https://qz47.example/">QZ47</a></p>`, false},
		{`<p><a href="https://qz47.example/">qz47 win</a> The release is faster than the last one. <a href="/x">win</a></p>`, false},
	} {
		doc, err := html.Parse(strings.NewReader(c.doc))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			if n.DataAtom == atom.A && Host(domtext.Attr(n, "href")) != "" {
				if got := Mentioned(n, fold.Fold(n.FirstChild.Data)); got != c.want {
					t.Errorf("Mentioned in %s = %v, want %v", c.doc, got, c.want)
				}
			}
		}
	}
}

// TestSponsored: rel="sponsored" among the link's rel tokens, in any case.
func TestSponsored(t *testing.T) {
	for _, c := range []struct {
		rel  string
		want bool
	}{
		{"sponsored", true},
		{"nofollow Sponsored noopener", true},
		{"nofollow", false},
		{"sponsoredx", false},
		{"", false},
	} {
		a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{{Key: "rel", Val: c.rel}}}
		if got := Sponsored(a); got != c.want {
			t.Errorf("Sponsored(rel=%q) = %v, want %v", c.rel, got, c.want)
		}
	}
}
