package clean

import (
	"context"
	"os"
	"testing"
)

// BenchmarkCleanSmallPage is the cost of cleaning one small article page,
// the unit of work of a crawl.
func BenchmarkCleanSmallPage(b *testing.B) {
	c, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	// One article of the crawl benchmark's site (cmd/winnow/crawl_bench_test.go):
	// six distinct paragraphs, a spam div and a "See more" aside, 2 KB of text.
	page, err := os.ReadFile("testdata/bench-article.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Clean(context.Background(), Input{Source: "bench", URL: "http://127.0.0.1/news/3-7", ContentType: "text/html; charset=utf-8", Data: page}); err != nil {
			b.Fatal(err)
		}
	}
}
