package bench_test

import (
	"testing"

	"github.com/winnowhq/winnow/bench"
)

// BenchmarkWinnowAEB cleans every benchmark page once per iteration; use it
// for profiles:
//
//	go test -run XXX -bench WinnowAEB -cpuprofile cpu.out -memprofile mem.out
func BenchmarkWinnowAEB(b *testing.B) {
	pages, err := bench.LoadAEB(bench.AEBDir())
	if err != nil {
		b.Skipf("benchmark pages: %v", err)
	}
	var mine []benchPage
	for _, p := range pages {
		mine = append(mine, benchPage{p.ID, p.URL, p.HTML})
	}
	benchWinnow(b, mine, true)
}

// BenchmarkWinnowMix cleans the AEB pages and every fourth WCXB dev page (all
// seven types) once per iteration: the profile of issue 15's speed target,
// which AEB's articles alone under-weigh.
//
//	go test -run XXX -bench WinnowMix -cpuprofile cpu.out
func BenchmarkWinnowMix(b *testing.B) {
	aeb, err := bench.LoadAEB(bench.AEBDir())
	if err != nil {
		b.Skipf("benchmark pages: %v", err)
	}
	wcxb, err := bench.LoadWCXB(bench.WCXBDir())
	if err != nil {
		b.Skipf("benchmark pages: %v", err)
	}
	var pages []benchPage
	for _, p := range aeb {
		pages = append(pages, benchPage{p.ID, p.URL, p.HTML})
	}
	for i := 0; i < len(wcxb); i += 4 {
		data, err := wcxb[i].Read()
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, benchPage{wcxb[i].ID, wcxb[i].URL, data})
	}
	// Some WCXB pages come out empty, an error: the work is done all the
	// same.
	benchWinnow(b, pages, false)
}

// benchPage is one page of a benchmark.
type benchPage struct {
	id, url string
	html    []byte
}

// benchWinnow cleans pages once per iteration and reports pages/s; strict
// says that an error fails the benchmark.
func benchWinnow(b *testing.B, pages []benchPage, strict bool) {
	c, err := bench.NewWinnow()
	if err != nil {
		b.Fatal(err)
	}
	ctx := b.Context()
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if _, err := bench.WinnowText(ctx, c, p.id, p.url, p.html); err != nil && strict {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(pages))*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
