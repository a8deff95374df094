package robots

import (
	"fmt"
	"strings"
	"testing"
)

// manyRules is a robots.txt of n distinct rules of the shapes large sites
// write (faceted search parameters, per-product paths, file types), mostly
// with wildcards, as in the ~25,000-rule files that cost ~7 ms per URL
// when every rule was tried in turn. Past 500 KiB (MaxBytes) the rest is
// not read: 25,000 rules of these shapes give 15,387.
func manyRules(n int) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nDisallow: /private/\nAllow: /*.css$\n")
	for i := range n {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "Disallow: /*?filter_%d=\n", i)
		case 1:
			fmt.Fprintf(&b, "Disallow: /*&sort%d=*$\n", i)
		case 2:
			fmt.Fprintf(&b, "Disallow: /catalog/*/item-%d/reviews\n", i)
		case 3:
			fmt.Fprintf(&b, "Allow: /catalog/*/item-%d/reviews/summary\n", i)
		default:
			fmt.Fprintf(&b, "Disallow: /archive-%d/*.pdf$\n", i)
		}
	}
	return []byte(b.String())
}

// benchPaths are paths of a crawl: most match no rule, some one.
var benchPaths = []string{
	"/news/2026/12/07/a-long-story-about-the-weather-in-the-north.html",
	"/catalog/shoes/item-1234/reviews?page=2",
	"/catalog/shoes/item-1233/reviews/summary",
	"/search?q=red+shoes&filter_250=blue&page=3",
	"/private/account",
	"/static/site.css",
	"/archive-24/report.pdf",
	"/" + strings.Repeat("section/", 30) + "page",
}

// BenchmarkAllowed_ManyRules: one check per path against a robots.txt of
// 25,000 mostly wildcard rules.
func BenchmarkAllowed_ManyRules(b *testing.B) {
	r := Parse(manyRules(25_000), "winnow")
	b.ResetTimer()
	for i := range b.N {
		r.Allowed(benchPaths[i%len(benchPaths)])
	}
	b.ReportMetric(float64(len(r.rules)), "rules")
}

// BenchmarkParse_ManyRules: reading (and compiling) that robots.txt once
// per host.
func BenchmarkParse_ManyRules(b *testing.B) {
	body := manyRules(25_000)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		Parse(body, "winnow")
	}
}
