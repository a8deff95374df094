package clean

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/rules"
)

// smallArticle is one article of the crawl benchmark's site
// (cmd/winnow/crawl_bench_test.go): six paragraphs, a spam div and a
// "See more" aside, about 4 KB of text.
func smallArticle() []byte {
	para := strings.Repeat("The delegates agreed on a plan for the region's farmers, and the minister said the money would arrive before the rains. ", 5)
	var s strings.Builder
	s.WriteString(`<html><head><title>Story /news/3-7</title><meta property="og:type" content="article"></head><body><div>tk88 bet</div><article><h1>Story /news/3-7</h1>`)
	for k := range 6 {
		fmt.Fprintf(&s, "<p>%d. %s</p>", k, para)
	}
	s.WriteString(`</article><aside><h3>See more</h3><a href="/news/0-1">Related</a></aside></body></html>`)
	return []byte(s.String())
}

// BenchmarkCleanSmallPage is the cost of cleaning one small article page,
// the unit of work of a crawl.
func BenchmarkCleanSmallPage(b *testing.B) {
	rs, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	c := New(rs, Options{})
	page := smallArticle()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Clean(context.Background(), Input{Source: "bench", URL: "http://127.0.0.1/news/3-7", ContentType: "text/html; charset=utf-8", Data: page}); err != nil {
			b.Fatal(err)
		}
	}
}
