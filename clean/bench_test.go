package clean

import (
	"context"
	"os"
	"testing"

	"github.com/winnowhq/winnow/rules"
)

// BenchmarkCleanSmallPage is the cost of cleaning one small article page,
// the unit of work of a crawl.
func BenchmarkCleanSmallPage(b *testing.B) { benchSmallPage(b, Options{}) }

// BenchmarkCleanSmallPageSkipMetadata is the same page without metadata,
// language and hash: the baseline that prices them (compare the two ns/op).
func BenchmarkCleanSmallPageSkipMetadata(b *testing.B) {
	benchSmallPage(b, Options{SkipMetadata: true})
}

func benchSmallPage(b *testing.B, opts Options) {
	rs, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	c := New(rs, opts)
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
