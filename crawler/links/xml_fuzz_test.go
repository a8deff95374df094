package links

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// xmlRoots are the root elements XML reads.
var xmlRoots = []string{"urlset", "sitemapindex", "rss", "rdf", "feed"}

// FuzzXML checks XML on any body: no panic, links only from a sitemap or
// a feed, each non-empty and trimmed, no more than the limit and than the
// body has elements; an error returns no links.
func FuzzXML(f *testing.F) {
	for _, c := range xmlCases {
		f.Add([]byte(c.in))
	}
	for _, s := range []string{ // the test site's feed, and harder cases
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
	const limit = 50_000
	links, root, err := XML(body, "", limit)
	// Each link comes from an element of its own, and the limit caps them.
	if n := bytes.Count(body, []byte("<")); len(links) > min(limit, n) {
		t.Fatalf("XML(%s) = %d links, over the limit %d or the %d elements", in, len(links), limit, n)
	}
	if err != nil {
		if links != nil {
			t.Fatalf("XML(%s) = %d links with error %v", in, len(links), err)
		}
		if errors.Is(err, ErrNotFeed) && slices.Contains(xmlRoots, root) {
			t.Fatalf("XML(%s): ErrNotFeed for root %q", in, root)
		}
		return
	}
	if !slices.Contains(xmlRoots, root) {
		t.Fatalf("XML(%s) = %d links, root %q, no error; want ErrNotFeed", in, len(links), root)
	}
	for _, l := range links {
		if l.URL == "" || l.URL != strings.TrimSpace(l.URL) {
			t.Fatalf("XML(%s): link %q", in, l.URL)
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

// maxBody is the crawler's default body size limit.
const maxBody = 10 << 20

// TestXML_Large runs XML on bodies of the crawler's default
// body size limit, which the fuzzer does not reach: a flat sitemap, a long feed,
// and elements nested over a million deep, closed or not, which must cost
// little memory.
func TestXML_Large(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MiB bodies")
	}
	var flat bytes.Buffer
	flat.WriteString(`<urlset>`)
	n := 0
	for ; flat.Len() < maxBody-64; n++ {
		flat.WriteString(`<url><loc>https://e.com/a/`)
		flat.WriteString(strings.Repeat("x", n%50))
		flat.WriteString(`</loc></url>`)
	}
	flat.WriteString(`</urlset>`)
	links, _, err := XML(flat.Bytes(), "", 1<<30)
	if err != nil || len(links) != n {
		t.Errorf("XML(%d-URL sitemap) = %d links, %v", n, len(links), err)
	}
	checkXMLLinks(t, flat.Bytes())
	if links, _, err := XML(flat.Bytes(), "", 1000); err != nil || len(links) != 1000 {
		t.Errorf("XML(%d-URL sitemap, limit 1000) = %d links, %v; want 1000", n, len(links), err)
	}
	checkXMLLinks(t, []byte("<rss><item>"+strings.Repeat("<link>x</link>", maxBody/14-1)))

	k := maxBody/7 - 20 // "<a>" and "</a>"
	for _, body := range [][]byte{
		[]byte("<urlset><url><loc>https://e.com/1</loc></url>" + strings.Repeat("<a>", k) + "<loc>x</loc>" + strings.Repeat("</a>", k) + "</urlset>"),
		[]byte("<feed>" + strings.Repeat("<a>", maxBody/3-20)),
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		checkXMLLinks(t, body)
		runtime.ReadMemStats(&after)
		if n := after.TotalAlloc - before.TotalAlloc; n > uint64(len(body)) {
			t.Errorf("XML(%s) allocated %d MB", excerpt(body), n>>20)
		}
	}
}
