package crawler

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// xmlRoots are the root elements parseXMLLinks reads.
var xmlRoots = []string{"urlset", "sitemapindex", "rss", "rdf", "feed"}

// FuzzParseXMLLinks checks parseXMLLinks on any body: no panic, no hang (time
// linear in the body), links only from a sitemap or a feed, each non-empty
// and trimmed, of kind page or sitemap; an error returns no links.
func FuzzParseXMLLinks(f *testing.F) {
	for _, s := range []string{ // TestParseXMLLinks and the test site's sitemap and feed
		`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc> https://e.com/a </loc><lastmod>2026-11-01</lastmod></url><url><loc>https://e.com/b</loc></url></urlset>`,
		`<sitemapindex><sitemap><loc>https://e.com/s1.xml</loc></sitemap></sitemapindex>`,
		`<rss version="2.0"><channel><link>https://e.com/</link><item><title>T</title><link>https://e.com/n/1</link></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://e.com/"/><entry><link rel="alternate" href="https://e.com/n/2"/><link rel="edit" href="https://e.com/edit/2"/></entry></feed>`,
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><urlset><url><loc>https://e.com/caf\xe9</loc></url></urlset>",
		`<urlset><url><loc>https://e.com/a</loc></url><url><loc>https://e.co`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><link>https://e.com/r/1</link></item></rdf:RDF>`,
		`<urlset><url><loc><![CDATA[https://e.com/c?a=1&amp;b=2]]></loc></url></urlset>`,
		`<html><body/></html>`,
		"<urlset>" + strings.Repeat("<url>", 2000) + "<loc>https://e.com/deep</loc>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkXMLLinks)
}

func checkXMLLinks(t *testing.T, body []byte) {
	t.Helper()
	in := excerpt(body)
	start := time.Now()
	links, root, err := parseXMLLinks(body, MaxSitemapLinks)
	// Go's decoder reads tens of MB/s; a limit 100 times lower is no hang.
	if took, limit := time.Since(start), time.Second+time.Duration(len(body))*time.Second/(256<<10); took > limit {
		t.Fatalf("parseXMLLinks(%s) took %v, over %v", in, took, limit)
	}
	if err != nil {
		if links != nil {
			t.Fatalf("parseXMLLinks(%s) = %d links with error %v", in, len(links), err)
		}
		if errors.Is(err, errNotFeed) && slices.Contains(xmlRoots, root) {
			t.Fatalf("parseXMLLinks(%s): errNotFeed for root %q", in, root)
		}
		return
	}
	if !slices.Contains(xmlRoots, root) {
		t.Fatalf("parseXMLLinks(%s) = %d links, root %q, no error; want errNotFeed", in, len(links), root)
	}
	for _, l := range links {
		if l.url == "" || l.url != strings.TrimSpace(l.url) {
			t.Fatalf("parseXMLLinks(%s): link %q", in, l.url)
		}
		if l.kind != KindPage && l.kind != KindSitemap {
			t.Fatalf("parseXMLLinks(%s): link %q of kind %v", in, l.url, l.kind)
		}
	}
}

// excerpt quotes a body for a message, cut when long.
func excerpt(b []byte) string {
	if len(b) > 200 {
		return fmt.Sprintf("%q... (%d bytes)", b[:200], len(b))
	}
	return fmt.Sprintf("%q", b)
}

// TestParseXMLLinks_Large runs parseXMLLinks on bodies of the default
// MaxBodySize, which the fuzzer does not reach: a flat sitemap, a long feed,
// and elements nested over a million deep, closed or not, which must cost
// little memory.
func TestParseXMLLinks_Large(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MiB bodies")
	}
	var flat bytes.Buffer
	flat.WriteString(`<urlset>`)
	n := 0
	for ; flat.Len() < DefaultMaxBodySize-64; n++ {
		flat.WriteString(`<url><loc>https://e.com/a/`)
		flat.WriteString(strings.Repeat("x", n%50))
		flat.WriteString(`</loc></url>`)
	}
	flat.WriteString(`</urlset>`)
	links, _, err := parseXMLLinks(flat.Bytes(), 1<<30)
	if err != nil || len(links) != n {
		t.Errorf("parseXMLLinks(%d-URL sitemap) = %d links, %v", n, len(links), err)
	}
	checkXMLLinks(t, flat.Bytes())
	checkXMLLinks(t, []byte("<rss><item>"+strings.Repeat("<link>x</link>", DefaultMaxBodySize/14-1)))

	k := DefaultMaxBodySize/7 - 20 // "<a>" and "</a>"
	for _, body := range [][]byte{
		[]byte("<urlset><url><loc>https://e.com/1</loc></url>" + strings.Repeat("<a>", k) + "<loc>x</loc>" + strings.Repeat("</a>", k) + "</urlset>"),
		[]byte("<feed>" + strings.Repeat("<a>", DefaultMaxBodySize/3-20)),
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		checkXMLLinks(t, body)
		runtime.ReadMemStats(&after)
		if n := after.TotalAlloc - before.TotalAlloc; n > uint64(len(body)) {
			t.Errorf("parseXMLLinks(%s) allocated %d MB", excerpt(body), n>>20)
		}
	}
}
