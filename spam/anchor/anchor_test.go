package anchor

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/spam/fold"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestHost(t *testing.T) {
	for _, c := range []struct{ href, want string }{
		{"https://WWW.Hit69.me/slot?x=1", "www.hit69.me"},
		{"//cdn.example.org:8443/a", "cdn.example.org"},
		{"http://user:pw@Bet.example:80/", "bet.example"},
		{"http://[2001:db8::1]:8080/x", "[2001:db8::1]"},
		{"http://[2001:db8::1]/x", "[2001:db8::1]"},
		{"/relative/path", ""},
		{"mailto:a@b.c", ""},
	} {
		if got := Host(c.href); got != c.want {
			t.Errorf("Host(%q) = %q, want %q", c.href, got, c.want)
		}
	}
}

func TestTarget(t *testing.T) {
	for _, c := range []struct{ href, want string }{
		{"https://out.example.net/r?u=https%3A%2F%2Fzz41.top%2F&cid=7", "https://zz41.top/"},
		{"https://www.google.com/url?q=https://example.org/a&sa=D", "https://example.org/a"},
		{"/go.php?url=https%253A%252F%252Fqq7.example%252F", "https://qq7.example/"},
		{"https://t.example/c#to=//lux8.example/x", "//lux8.example/x"},
		{"https://example.org/search?q=casino+online", ""},
		{"https://example.org/a?next=/b", ""},
		{"https://example.org/", ""},
		{"/relative?u=ftp://x", ""},
	} {
		if got := Target(c.href); got != c.want {
			t.Errorf("Target(%q) = %q, want %q", c.href, got, c.want)
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
			if n.DataAtom == atom.A && Host(attr(n)) != "" {
				if got := Mentioned(n, fold.Fold(n.FirstChild.Data)); got != c.want {
					t.Errorf("Mentioned in %s = %v, want %v", c.doc, got, c.want)
				}
			}
		}
	}
}

func attr(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "href" {
			return a.Val
		}
	}
	return ""
}
