package clean

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
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

// manyParagraphs is a page of n short paragraphs (about 155 bytes each, the
// shape of issue 17's 10 MB page of 64,000 paragraphs).
func manyParagraphs(n int) []byte {
	words := strings.Fields("the council said harbour boats storm repairs wall winter morning people city road bridge water school market")
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>Big page</title></head><body><article><h1>Big page</h1>")
	seed := uint32(1)
	for i := range n {
		b.WriteString("<p>")
		for j := range 22 {
			seed = seed*1664525 + 1013904223
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[seed>>16%uint32(len(words))])
		}
		fmt.Fprintf(&b, " %d.</p>\n", i)
	}
	b.WriteString("</article></body></html>")
	return []byte(b.String())
}

// BenchmarkCleanLargePage cleans pages of 16,000 and 64,000 short
// paragraphs: the time per byte of the two should be about the same (the
// cost linear in the page).
func BenchmarkCleanLargePage(b *testing.B) {
	c, err := New(Options{PageTimeout: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{16_000, 64_000} {
		page := manyParagraphs(n)
		b.Run(fmt.Sprintf("paragraphs=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Clean(context.Background(), Input{Source: "big", Data: page}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
