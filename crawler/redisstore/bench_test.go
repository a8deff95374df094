package redisstore_test

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler/redisstore"
	"github.com/winnowhq/winnow/crawler/redisstore/redistest"
)

// BenchmarkDistributedCrawl measures the speedup of three workers over one
// on a 3,110-page site on ten hosts whose every page takes 50 ms to serve,
// politeness off, each worker capped at 4 requests at a time, and the Redis
// traffic per page:
//
//	go test -run '^$' -bench DistributedCrawl -benchtime 1x ./crawler/redisstore
//
// Reported: seconds for 1 and 3 workers, the speedup, Redis round trips and
// Redis time per page, and Redis time as a share of a page's fetch-plus-clean
// time (all summed over the workers' goroutines). Two settings of per-host
// parallelism: 4, and 1 (the crawler's default), where a worker's claimed
// entries often come from fewer than 4 hosts (the frontier is in discovery
// order, and a section page lists one host's articles).
func BenchmarkDistributedCrawl(b *testing.B) {
	for _, perHost := range []int{4, 1} {
		b.Run(fmt.Sprintf("per-host=%d", perHost), func(b *testing.B) { benchCrawl(b, perHost) })
	}
}

func benchCrawl(b *testing.B, perHost int) {
	srv := redistest.Start(b)
	const latency, perProc = 50 * time.Millisecond, 4
	site := newNewsSite(b, siteHosts, siteSections, sitePerSec, latency)
	run := 0
	crawl := func(n int) (time.Duration, []workerSummary) {
		run++
		dir := b.TempDir()
		job := fmt.Sprintf("bench-%d", run)
		var ws []*worker
		var sums []string
		start := time.Now()
		for i := range n {
			name := fmt.Sprintf("w%d", i)
			sum := filepath.Join(dir, name+".json")
			sums = append(sums, sum)
			ws = append(ws, startWorker(b, workerConfig{
				Redis: srv.URL(), Job: job, Worker: name,
				Seeds: site.seeds(), Hosts: site.hostNames(),
				Out: filepath.Join(dir, "out-"+name), Delay: -1, Workers: perProc, PerHost: perHost,
				Summary: sum,
			}, dir))
		}
		for _, w := range ws {
			w.wait(b, 5*time.Minute)
		}
		took := time.Since(start)
		return took, readSummaries(b, sums)
	}
	for b.Loop() {
		one, _ := crawl(1)
		three, sums := crawl(3)
		var pages, rts, cmds int64
		var redisTime, pageTime time.Duration
		for _, s := range sums {
			pages += s.Pages
			rts += s.Redis.RoundTrips
			cmds += s.Redis.Commands
			redisTime += s.Redis.Time
			pageTime += s.FetchTime + s.CleanTime
		}
		b.ReportMetric(one.Seconds(), "s/1worker")
		b.ReportMetric(three.Seconds(), "s/3workers")
		b.ReportMetric(one.Seconds()/three.Seconds(), "speedup")
		b.ReportMetric(float64(rts)/float64(pages), "redis-rt/page")
		b.ReportMetric(float64(redisTime.Microseconds())/float64(pages), "redis-µs/page")
		b.ReportMetric(100*redisTime.Seconds()/pageTime.Seconds(), "redis-%-of-page")
		b.Logf("%s", redisReport(sums))
		b.Logf("%d pages by 3 workers: %d Redis round trips (%d commands), Redis time %v, fetch+clean time %v; 1 worker %v, 3 workers %v",
			pages, rts, cmds, redisTime.Round(time.Millisecond), pageTime.Round(time.Millisecond), one.Round(time.Millisecond), three.Round(time.Millisecond))
	}
}

// redisReport sums the workers' summaries into per-page Redis figures.
func redisReport(sums []workerSummary) string {
	var pages, rts int64
	var redisTime, fetch, clean time.Duration
	ops := map[string]redisstore.OpStats{}
	for _, s := range sums {
		pages += s.Pages
		rts += s.Redis.RoundTrips
		redisTime += s.Redis.Time
		fetch += s.FetchTime
		clean += s.CleanTime
		for k, o := range s.Redis.Ops {
			t := ops[k]
			t.Calls += o.Calls
			t.Time += o.Time
			ops[k] = t
		}
	}
	if pages == 0 {
		return "no pages"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d pages: %.2f Redis round trips and %v of Redis time per page; fetch %v + clean %v per page; Redis = %.1f%% of fetch+clean",
		pages, float64(rts)/float64(pages), (redisTime / time.Duration(pages)).Round(time.Microsecond),
		(fetch / time.Duration(pages)).Round(time.Microsecond), (clean / time.Duration(pages)).Round(time.Microsecond),
		100*redisTime.Seconds()/(fetch+clean).Seconds())
	for _, k := range slices.Sorted(maps.Keys(ops)) {
		o := ops[k]
		fmt.Fprintf(&b, "\n  %-13s %6d calls  %.3f/page  %6v/call", k, o.Calls, float64(o.Calls)/float64(pages), (o.Time / time.Duration(o.Calls)).Round(time.Microsecond))
	}
	return b.String()
}
