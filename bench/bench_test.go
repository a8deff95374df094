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
	c, err := bench.NewWinnow()
	if err != nil {
		b.Fatal(err)
	}
	ctx := b.Context()
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if _, err := bench.WinnowText(ctx, c, p.ID, p.URL, p.HTML); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(pages))*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
