package crawler

import (
	"bytes"
	"context"
	"mime"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/winnowhq/winnow/crawler/fetch"
	"github.com/winnowhq/winnow/crawler/links"
	"github.com/winnowhq/winnow/crawler/urls"
	"github.com/winnowhq/winnow/internal/fixture/seeds"
)

// FuzzDecodeHTML checks decodeHTML and links.HTML on any body, Content-Type and
// page URL: the body comes out as valid UTF-8, unchanged (but for a byte-order
// mark) when it was valid UTF-8 declared as such, and links.HTML finds only absolute http(s) links,
// feeds and canonical URLs.
func FuzzDecodeHTML(f *testing.F) {
	pages := []string{"https://e.com/dir/page", "http://127.0.0.1:8080/news/2026/a?id=1"}
	for i, s := range seeds.Files(f, "../fixtures/*/input.html") {
		f.Add(s.Data, "text/html; charset=utf-8", pages[i%len(pages)])
		f.Add(s.Data, "text/html", pages[i%len(pages)])
	}
	for _, c := range []struct { // TestDecodeHTML and links.TestHTML
		body, ct string
	}{
		{"<meta charset=iso-8859-1><p>caf\xe9</p>", "text/html"},
		{"<meta charset=windows-1252><p>\x93q\x94</p>", "text/html; charset=utf-8"},
		{"<meta charset=utf-8><p>caf\xe9</p>", "text/html"},
		{"<p>café</p>", "text/html; charset=iso-8859-1"},
		{"\xfe\xff\x00<\x00p\x00>", ""},
		{`<html><head><base href="https://e.com/other/">
<link rel="canonical" href="/canon"><link rel="alternate" type="application/atom+xml" href="feed.xml">
<meta name="robots" content="NOINDEX"><script type="application/ld+json">{"@context":"https://schema.org","@type": "NewsArticle"}</script>
</head><body><a href="a">a</a><a href="#top">top</a><a href="javascript:void(0)">js</a><area href="http://x.org/b"></body></html>`, "text/html"},
	} {
		f.Add([]byte(c.body), c.ct, "https://e.com/dir/page")
	}
	f.Fuzz(func(t *testing.T, body []byte, contentType string, pageURL string) {
		out := fetch.DecodeHTML(body, contentType)
		if !utf8.Valid(out) {
			t.Fatalf("fetch.DecodeHTML(%q, %q) = %q, not valid UTF-8", body, contentType, out)
		}
		if _, params, err := mime.ParseMediaType(contentType); err == nil && strings.EqualFold(params["charset"], "utf-8") &&
			utf8.Valid(body) && !bytes.Equal(out, bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))) {
			t.Fatalf("fetch.DecodeHTML(%q, %q) = %q, want the UTF-8 body unchanged", body, contentType, out)
		}
		// The crawler analyzes pages at canonical URLs only.
		canon, err := urls.Canonical(pageURL)
		if err != nil {
			canon = "https://e.com/dir/page"
		}
		base, err := url.Parse(canon)
		if err != nil {
			t.Fatalf("Canonical gave %q, which does not parse: %v", canon, err)
		}
		pi := links.HTML(context.Background(), out, base, DefaultMaxLinks)
		check := func(what, l string) {
			u, err := url.Parse(l)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
				t.Fatalf("links.HTML(%q, %s): %s %q is not an absolute http(s) URL", out, canon, what, l)
			}
		}
		for _, l := range pi.Links {
			check("link", l)
		}
		for _, l := range pi.Feeds {
			check("feed", l)
		}
		if pi.Canonical != "" {
			check("canonical", pi.Canonical)
		}
	})
}
