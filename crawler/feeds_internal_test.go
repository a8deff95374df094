package crawler

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"testing"
	"time"
)

func TestParseXMLLinks(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []xmlLink
		root     string
	}{
		{"urlset", `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc> https://e.com/a </loc><lastmod>2026-11-01</lastmod></url><url><loc>https://e.com/b</loc></url></urlset>`,
			[]xmlLink{{"https://e.com/a", KindPage}, {"https://e.com/b", KindPage}}, "urlset"},
		{"index", `<sitemapindex><sitemap><loc>https://e.com/s1.xml</loc></sitemap></sitemapindex>`,
			[]xmlLink{{"https://e.com/s1.xml", KindSitemap}}, "sitemapindex"},
		{"rss", `<rss version="2.0"><channel><link>https://e.com/</link><item><title>T</title><link>https://e.com/n/1</link></item></channel></rss>`,
			[]xmlLink{{"https://e.com/n/1", KindPage}}, "rss"},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://e.com/"/><entry><link rel="alternate" href="https://e.com/n/2"/><link rel="edit" href="https://e.com/edit/2"/></entry></feed>`,
			[]xmlLink{{"https://e.com/n/2", KindPage}}, "feed"},
		{"latin1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><urlset><url><loc>https://e.com/caf\xe9</loc></url></urlset>",
			[]xmlLink{{"https://e.com/café", KindPage}}, "urlset"},
		{"truncated", `<urlset><url><loc>https://e.com/a</loc></url><url><loc>https://e.co`,
			[]xmlLink{{"https://e.com/a", KindPage}}, "urlset"},
	} {
		got, root, err := parseXMLLinks([]byte(c.in), MaxSitemapLinks)
		if err != nil || root != c.root || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: parseXMLLinks = %v, %q, %v; want %v, %q", c.name, got, root, err, c.want, c.root)
		}
	}
	if _, _, err := parseXMLLinks([]byte(`<html><body/></html>`), MaxSitemapLinks); err != errNotFeed {
		t.Errorf("parseXMLLinks(html) error %v, want errNotFeed", err)
	}
}

func TestAnalyze(t *testing.T) {
	base, _ := url.Parse("https://e.com/dir/page")
	pi := analyze(context.Background(), []byte(`<html><head><base href="https://e.com/other/">
<link rel="canonical" href="/canon"><link rel="alternate" type="application/atom+xml" href="feed.xml">
<meta name="robots" content="NOINDEX"><script type="application/ld+json">{"@context":"https://schema.org","@type": "NewsArticle"}</script>
</head><body><a href="a">a</a><a href="#top">top</a><a href="javascript:void(0)">js</a><area href="http://x.org/b"></body></html>`), base, DefaultMaxLinks)
	want := pageInfo{
		links:     []string{"https://e.com/other/a", "http://x.org/b"},
		feeds:     []string{"https://e.com/other/feed.xml"},
		canonical: "https://e.com/canon",
		noindex:   true,
		article:   true,
	}
	if !reflect.DeepEqual(pi, want) {
		t.Errorf("analyze = %+v, want %+v", pi, want)
	}
	listing := analyze(context.Background(), []byte(`<article>1</article><article>2</article>`), base, DefaultMaxLinks)
	single := analyze(context.Background(), []byte(`<main><article>1</article></main>`), base, DefaultMaxLinks)
	if listing.article || !single.article {
		t.Errorf("article detection: two <article> = %v, one = %v; want false, true", listing.article, single.article)
	}
}

func TestDecodeHTML(t *testing.T) {
	for _, c := range []struct {
		name, body, ct string
		converted      bool
		want           string
	}{
		{"utf8", "<p>café</p>", "text/html; charset=utf-8", false, "<p>café</p>"},
		{"meta", "<meta charset=iso-8859-1><p>caf\xe9</p>", "text/html", false, "<meta charset=iso-8859-1><p>café</p>"},
		{"header lies", "<meta charset=windows-1252><p>\x93q\x94</p>", "text/html; charset=utf-8", false, "<meta charset=windows-1252><p>“q”</p>"},
		{"meta lies", "<meta charset=utf-8><p>caf\xe9</p>", "text/html", false, "<meta charset=utf-8><p>café</p>"},
		{"colly converted", "<p>café</p>", "text/html; charset=iso-8859-1", true, "<p>café</p>"},
		{"no hint", "<p>plain</p>", "", false, "<p>plain</p>"},
	} {
		if got := string(decodeHTML([]byte(c.body), c.ct, c.converted)); got != c.want {
			t.Errorf("%s: decodeHTML = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestFileName(t *testing.T) {
	a := fileName("http://127.0.0.1:8080/news/2026/Summit Opens?id=1")
	b := fileName("http://127.0.0.1:8080/news/2026/Summit Opens?id=2")
	if a == b {
		t.Errorf("fileName: URLs differing in the query share %q", a)
	}
	if want := "127.0.0.1_8080_news_2026_summit_opens-"; a[:len(want)] != want || a[len(a)-4:] != ".txt" {
		t.Errorf("fileName = %q, want prefix %q", a, want)
	}
	if a != fileName("http://127.0.0.1:8080/news/2026/Summit Opens?id=1") {
		t.Errorf("fileName not stable")
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		v    string
		want time.Duration
		ok   bool
	}{
		{"120", 2 * time.Minute, true},
		{"Mon, 23 Nov 2026 10:00:30 GMT", 30 * time.Second, true},
		{"Mon, 23 Nov 2026 09:00:00 GMT", 0, true},
		{"soon", 0, false},
		{"", 0, false},
	} {
		h := http.Header{}
		if c.v != "" {
			h.Set("Retry-After", c.v)
		}
		if d, ok := retryAfter(h, now); d != c.want || ok != c.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", c.v, d, ok, c.want, c.ok)
		}
	}
}
