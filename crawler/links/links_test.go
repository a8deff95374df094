package links

import (
	"context"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// xmlCases are sitemaps and feeds with the links XML finds; FuzzXML
// starts from them too.
var xmlCases = []struct {
	name, in string
	want     []XMLLink
	root     string
}{
	{"urlset", `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc> https://e.com/a </loc><lastmod>2026-11-01</lastmod></url><url><loc>https://e.com/b</loc></url></urlset>`,
		[]XMLLink{{URL: "https://e.com/a"}, {URL: "https://e.com/b"}}, "urlset"},
	{"index", `<sitemapindex><sitemap><loc>https://e.com/s1.xml</loc></sitemap></sitemapindex>`,
		[]XMLLink{{URL: "https://e.com/s1.xml", Sitemap: true}}, "sitemapindex"},
	{"rss", `<rss version="2.0"><channel><link>https://e.com/</link><item><title>T</title><link>https://e.com/n/1</link></item></channel></rss>`,
		[]XMLLink{{URL: "https://e.com/n/1"}}, "rss"},
	{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://e.com/"/><entry><link rel="alternate" href="https://e.com/n/2"/><link rel="edit" href="https://e.com/edit/2"/></entry></feed>`,
		[]XMLLink{{URL: "https://e.com/n/2"}}, "feed"},
	{"latin1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><urlset><url><loc>https://e.com/caf\xe9</loc></url></urlset>",
		[]XMLLink{{URL: "https://e.com/café"}}, "urlset"},
	{"truncated", `<urlset><url><loc>https://e.com/a</loc></url><url><loc>https://e.co`,
		[]XMLLink{{URL: "https://e.com/a"}}, "urlset"},
}

func TestXML(t *testing.T) {
	for _, c := range xmlCases {
		got, root, err := XML([]byte(c.in), "", 50_000)
		if err != nil || root != c.root || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: XML = %v, %q, %v; want %v, %q", c.name, got, root, err, c.want, c.root)
		}
	}
	if _, _, err := XML([]byte(`<html><body/></html>`), "", 50_000); err != ErrNotFeed {
		t.Errorf("XML(html) error %v, want ErrNotFeed", err)
	}
}

func TestHTML(t *testing.T) {
	base, _ := url.Parse("https://e.com/dir/page")
	pi := HTML(context.Background(), []byte(`<html><head><base href="https://e.com/other/">
<link rel="canonical" href="/canon"><link rel="alternate" type="application/atom+xml" href="feed.xml">
<meta name="robots" content="NOINDEX"><script type="application/ld+json">{"@context":"https://schema.org","@type": "NewsArticle"}</script>
</head><body><a href="a">a</a><a href="#top">top</a><a href="javascript:void(0)">js</a><area href="http://x.org/b"></body></html>`), base, 10_000)
	want := Page{
		Links:     []string{"https://e.com/other/a", "http://x.org/b"},
		Feeds:     []string{"https://e.com/other/feed.xml"},
		Canonical: "https://e.com/canon",
		NoIndex:   true,
		Article:   true,
	}
	if !reflect.DeepEqual(pi, want) {
		t.Errorf("analyze = %+v, want %+v", pi, want)
	}
	listing := HTML(context.Background(), []byte(`<article>1</article><article>2</article>`), base, 10_000)
	single := HTML(context.Background(), []byte(`<main><article>1</article></main>`), base, 10_000)
	if listing.Article || !single.Article {
		t.Errorf("article detection: two <article> = %v, one = %v; want false, true", listing.Article, single.Article)
	}
}

// TestXML_Charset: a feed that is not UTF-8 and whose XML declaration
// names no encoding is read in its Content-Type's charset.
func TestXML_Charset(t *testing.T) {
	body := []byte("<rss><channel><item><link>https://example.com/caf\xe9</link></item></channel></rss>")
	got, _, err := XML(body, "application/rss+xml; charset=iso-8859-1", 10)
	if err != nil || len(got) != 1 || got[0].URL != "https://example.com/café" {
		t.Errorf("XML(latin-1 feed) = %v, %v; want the link to https://example.com/café", got, err)
	}
}

// TestXML_Limit: a sitemap or feed is read up to limit URLs, and no
// further (the crawler passes the sitemap protocol's 50,000).
func TestXML_Limit(t *testing.T) {
	var b strings.Builder
	b.WriteString("<urlset>")
	for i := range 100 {
		fmt.Fprintf(&b, "<url><loc>https://e.com/%d</loc></url>", i)
	}
	b.WriteString("</urlset>")
	got, _, err := XML([]byte(b.String()), "", 7)
	if err != nil || len(got) != 7 || got[6].URL != "https://e.com/6" {
		t.Errorf("XML of 100 URLs, limit 7 = %d URLs (%v), %v; want the first 7", len(got), got, err)
	}
}

// TestHTML_Cut: links past maxLinks are counted, not kept; hrefs that are
// no links (fragments, javascript:) are not counted.
func TestHTML_Cut(t *testing.T) {
	base, _ := url.Parse("https://e.com/")
	pi := HTML(context.Background(), []byte(`<a href="/1">1</a><a href="/2">2</a><a href="/3">3</a><a href="#x">x</a><a href="javascript:void(0)">j</a><a href="/4">4</a>`), base, 2)
	if len(pi.Links) != 2 || pi.Cut != 2 {
		t.Errorf("HTML with maxLinks 2: %d links kept, %d cut; want 2 and 2", len(pi.Links), pi.Cut)
	}
}
