package crawler_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/urls"
)

// BenchmarkRerun measures a re-run with nothing changed against the first
// run, on 5,000 local articles with politeness off and the tests' extractor:
// the engine's own cost, without package clean. Run it with
//
//	go test ./crawler -run '^$' -bench Rerun -benchtime 1x
func BenchmarkRerun(b *testing.B) {
	s := newSite(b, 50, 100, "")
	s.plain = true
	for b.Loop() {
		dir := b.TempDir()
		cfg := crawler.Config{
			Name: "bench", Seeds: []string{s.url("/")}, Scope: urls.Scope{Hosts: []string{s.host()}},
			Politeness: crawler.Politeness{Delay: -1, Workers: 8, HostParallelism: 8},
			Output:     crawler.Output{OutputDir: filepath.Join(dir, "out")},
		}
		run := func() (crawler.Stats, time.Duration) {
			cr, closeState := newCrawler(b, cfg, dir, nil)
			defer closeState()
			start := time.Now()
			stats, err := cr.Run(b.Context())
			if err != nil {
				b.Fatal(err)
			}
			return stats, time.Since(start)
		}
		first, t1 := run()
		second, t2 := run()
		if first.Written < 5000 || second.Written != 0 {
			b.Fatalf("written %d then %d, want 5,000 (and the feed's 5) then 0", first.Written, second.Written)
		}
		b.ReportMetric(float64(first.Fetched)/t1.Seconds(), "first-pages/s")
		b.ReportMetric(float64(second.Fetched)/t2.Seconds(), "rerun-pages/s")
		b.ReportMetric(100*t2.Seconds()/t1.Seconds(), "rerun-%")
	}
}
