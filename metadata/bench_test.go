package metadata

import (
	"bytes"
	"net/url"
	"os"
	"testing"

	"golang.org/x/net/html"
)

// wcxbHTML is where BenchmarkExtract reads WCXB dev pages, decompressed
// (NNNN.html); the benchmark skips when it is absent.
const wcxbHTML = "/tmp/wcxbhtml"

// benchPages is how many pages BenchmarkExtract parses and keeps: every
// page's tree in memory at once would take gigabytes.
const benchPages = 200

// BenchmarkExtract measures Extract alone over WCXB dev pages, parsed
// beforehand: one op reads every page once.
func BenchmarkExtract(b *testing.B) {
	entries, err := os.ReadDir(wcxbHTML)
	if err != nil {
		b.Skipf("no pages in %s: %v", wcxbHTML, err)
	}
	step := max(1, len(entries)/benchPages)
	var docs []*html.Node
	for i := 0; i < len(entries) && len(docs) < benchPages; i += step {
		data, err := os.ReadFile(wcxbHTML + "/" + entries[i].Name())
		if err != nil {
			b.Fatal(err)
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	if len(docs) == 0 {
		b.Skipf("no pages in %s", wcxbHTML)
	}
	u, _ := url.Parse("https://example.com/blog/2025/story")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, doc := range docs {
			Extract(doc, u, "")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/page")
}
