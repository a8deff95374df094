package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/gocolly/colly/v2"
	"golang.org/x/net/html"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/jobfile"
	"github.com/winnowhq/winnow/crawler/schedule"
	"github.com/winnowhq/winnow/internal/loopback"
)

// benchSite serves sections×perSec articles (~4 KB of text each, with ETags)
// and the section pages linking them, on 127.0.0.1, each response after
// latency (a remote origin's time to first byte; 0 for none).
func benchSite(b *testing.B, sections, perSec int, latency time.Duration) *httptest.Server {
	// Twenty-four sentences; each paragraph of an article is four of them,
	// in turn from one that depends on the page, so that no two paragraphs
	// of a page repeat each other (a page of near-copies would be cut to one
	// paragraph by the dedupe rules, which is not what a crawl meets).
	sentences := []string{
		"The delegates agreed on a plan for the region's farmers after three days of talks.",
		"The minister said the money would arrive before the rains, though officials gave no date.",
		"Prices of maize and beans have doubled since March in the markets of the north.",
		"Aid groups warned that the roads to the eastern villages remain closed by floods.",
		"A spokesman for the farmers' union called the plan a first step and asked for more.",
		"Opposition members questioned how the fund would be audited and by whom.",
		"The central bank expects inflation to ease in the second half of the year.",
		"Schools in two districts reopened on Monday after being used as shelters.",
		"Engineers began repairing the bridge that links the capital to the southern ports.",
		"The weather service forecast heavy showers for the coming week along the coast.",
		"Traders said fuel shortages had slowed deliveries to the smaller towns.",
		"The government will publish the list of eligible households next month.",
		"Several families said they had not received the seed promised last season.",
		"The health ministry reported fewer cases of cholera than in the same week last year.",
		"Fishermen on the lake stayed ashore for a third day because of strong winds.",
		"A court in the capital adjourned the case against the former mayor until June.",
		"Teachers ended their strike after the union accepted a smaller pay rise.",
		"The railway company said night trains to the border would resume on Friday.",
		"Farmers who planted early expect a good harvest if the rains hold.",
		"Donors pledged a further forty million for clean water in the dry districts.",
		"The police said the road blocks on the highway had been lifted by noon.",
		"Local radio stations will broadcast the lessons for pupils who cannot travel.",
		"Exporters welcomed the new rules on tea auctions but asked for clearer fees.",
		"The mayor promised to clear the drains before the long rains begin.",
	}
	para := func(page, k int) string {
		var s strings.Builder
		for i := range 4 {
			s.WriteString(sentences[(page+k*4+i)%len(sentences)])
			s.WriteByte(' ')
		}
		return s.String()
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n") })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var s strings.Builder
		s.WriteString("<html><head><title>Home</title></head><body>")
		for i := range sections {
			fmt.Fprintf(&s, `<a href="/section/%d">Section %d</a> `, i, i)
		}
		fmt.Fprint(w, s.String()+"</body></html>")
	})
	mux.HandleFunc("/section/", func(w http.ResponseWriter, r *http.Request) {
		var i int
		fmt.Sscanf(r.URL.Path, "/section/%d", &i)
		var s strings.Builder
		s.WriteString("<html><head><title>Section</title></head><body>")
		for j := range perSec {
			fmt.Fprintf(&s, `<article><a href="/news/%d-%d?utm_source=s">Story %d-%d</a></article>`, i, j, i, j)
		}
		fmt.Fprint(w, s.String()+"</body></html>")
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		etag := `"1` + r.URL.Path + `"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var s strings.Builder
		fmt.Fprintf(&s, `<html><head><title>Story %s</title><meta property="og:type" content="article"></head><body><div>tk88 bet</div><article><h1>Story %s</h1>`, r.URL.Path, r.URL.Path)
		var sec, art int
		fmt.Sscanf(r.URL.Path, "/news/%d-%d", &sec, &art)
		for k := range 6 {
			fmt.Fprintf(&s, "<p>%s</p>", para(sec+art, k))
		}
		fmt.Fprint(w, s.String()+`</article><aside><h3>See more</h3><a href="/news/0-1">Related</a></aside></body></html>`)
	})
	var h http.Handler = mux
	if latency > 0 {
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(latency)
			mux.ServeHTTP(w, r)
		})
	}
	return loopback.Serve(b, h)
}

func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkCrawl measures, on one local site of 5,000 articles with
// politeness off: a bare colly crawl, colly with the readability library,
// a winnow crawl with cleaning (ratio: all at Go's default GOGC; and
// ratio-as-shipped: winnow's crawl again with the collector set as the winnow
// command sets it, tuneGC), a re-run
// with nothing changed (default recheck: articles checked within the hour
// are not requested), and a re-run revalidating every article (recheck: 0).
// Run it with
//
//	go test ./cmd/winnow -run '^$' -bench 'BenchmarkCrawl$' -benchtime 1x
//
// BenchmarkCrawlLatency is the same on sites that answer after 2, 5 and
// 20 ms, as a remote origin does: it shows from which time to first byte on
// the crawl waits for the site rather than for the CPU.
func BenchmarkCrawl(b *testing.B) { benchCrawl(b, 50, 100, 0) }

func BenchmarkCrawlLatency(b *testing.B) {
	for _, latency := range []time.Duration{2 * time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond} {
		b.Run(latency.String(), func(b *testing.B) { benchCrawl(b, 50, 100, latency) })
	}
}

// BenchmarkCrawlJSONL is BenchmarkCrawl with output.format jsonl: no file
// per article, so it shows the engine's cost without the file system's.
func BenchmarkCrawlJSONL(b *testing.B) { benchCrawlFormat(b, 50, 100, 0, crawler.OutputJSONL) }

func benchCrawl(b *testing.B, sections, perSec int, latency time.Duration) {
	benchCrawlFormat(b, sections, perSec, latency, crawler.OutputFiles)
}

func benchCrawlFormat(b *testing.B, sections, perSec int, latency time.Duration, format crawler.OutputFormat) {
	const workers = 8
	srv := benchSite(b, sections, perSec, latency)
	pages := 1 + sections + sections*perSec
	for b.Loop() {
		// Bare colly: async, 8 at a time, following every link once.
		n, bare, bareCPU := collyCrawl(b, "colly", srv.URL+"/", workers, nil)
		// colly plus the readability library alone on every page, no rules:
		// what any cleaner built on that library costs at least, hence the
		// best ratio it could reach here.
		nr, withReadability, withReadabilityCPU := collyCrawl(b, "colly+readability", srv.URL+"/", workers, func(r *colly.Response) {
			if _, err := readabilityText(r.Body, r.Request.URL); err != nil {
				b.Error(err)
			}
		})

		dir := b.TempDir()
		j := &jobfile.Job{Path: "bench.yaml", StateDir: filepath.Join(dir, "state"), Config: crawler.Config{
			Name: "bench", Seeds: []string{srv.URL + "/"},
			Politeness: crawler.Politeness{Delay: -1, Workers: workers, HostParallelism: workers},
			Output:     crawler.Output{OutputDir: filepath.Join(dir, "out"), Format: format}}}
		j.Config.Scope.Hosts = []string{strings.TrimPrefix(srv.URL, "http://")}
		cleanExtract, err := newExtract(j)
		if err != nil {
			b.Fatal(err)
		}
		var cleanNanos, cleans atomic.Int64
		extract := func(ctx context.Context, p *crawler.Page) (string, string, error) {
			t0 := time.Now()
			title, text, err := cleanExtract(ctx, p)
			cleanNanos.Add(int64(time.Since(t0)))
			cleans.Add(1)
			return title, text, err
		}
		// Live heap after a GC at 1,000 articles and 100 before the end:
		// what the crawl keeps must not grow with the pages already done.
		var written atomic.Int64
		var live1k, live5k atomic.Uint64
		onEvent := func(ev crawler.Event) {
			if ev.Kind != crawler.EventWritten {
				return
			}
			switch written.Add(1) {
			case int64(min(1000, sections*perSec/4)):
				live1k.Store(liveHeap())
			case int64(sections*perSec - 100):
				live5k.Store(liveHeap())
			}
		}
		e, _ := testEnv()
		log, _ := newLogger(e.stderr, "text", false)
		var peak atomic.Uint64
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Go(func() {
			var ms runtime.MemStats
			for {
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
				select {
				case <-stop:
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		})
		start, cpu0 := time.Now(), processCPU()
		var first crawler.Stats
		pprof.Do(b.Context(), pprof.Labels("run", "winnow"), func(ctx context.Context) {
			first, err = schedule.RunJob(ctx, j, extract, log, schedule.RunOptions{OnEvent: onEvent})
		})
		ours, oursCPU := time.Since(start), processCPU()-cpu0
		close(stop)
		wg.Wait()
		if err != nil || first.Written != int64(sections*perSec) {
			b.Fatalf("first run: %+v, %v", first, err)
		}
		start = time.Now()
		second, err := schedule.RunJob(b.Context(), j, extract, log, schedule.RunOptions{})
		rerun := time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		jr := *j
		jr.Config.Recheck = -1 // recheck: 0 in a job file
		start = time.Now()
		third, err := schedule.RunJob(b.Context(), &jr, extract, log, schedule.RunOptions{})
		rerunRecheck := time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		// The same crawl with a trivial extractor: the engine's own cost.
		j2 := *j
		j2.Config.OutputDir, j2.StateDir = filepath.Join(dir, "out2"), filepath.Join(dir, "state2")
		start = time.Now()
		if _, err := schedule.RunJob(b.Context(), &j2, func(_ context.Context, p *crawler.Page) (string, string, error) {
			return p.URL, string(p.Body[:100]), nil
		}, log, schedule.RunOptions{}); err != nil {
			b.Fatal(err)
		}
		engine := time.Since(start)
		// The same crawl with the collector set as the winnow command sets
		// it (tuneGC), colly having run at Go's default: each as shipped.
		j3 := *j
		j3.Config.OutputDir, j3.StateDir = filepath.Join(dir, "out3"), filepath.Join(dir, "state3")
		pct, lim := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
		tuneGC(func(string) string { return "" }, "crawl")
		start = time.Now()
		_, err = schedule.RunJob(b.Context(), &j3, extract, log, schedule.RunOptions{})
		shipped := time.Since(start)
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(lim)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(pages)/shipped.Seconds(), "winnow-gogc400-pages/s")
		b.ReportMetric(bare.Seconds()/shipped.Seconds(), "ratio-as-shipped")
		b.ReportMetric(float64(pages)/engine.Seconds(), "noclean-pages/s")
		b.ReportMetric(float64(n)/bare.Seconds(), "colly-pages/s")
		b.ReportMetric(float64(pages)/ours.Seconds(), "winnow-pages/s")
		b.ReportMetric(bare.Seconds()/ours.Seconds(), "ratio")
		b.ReportMetric(float64(nr)/withReadability.Seconds(), "colly+readability-pages/s")
		b.ReportMetric(bare.Seconds()/withReadability.Seconds(), "readability-ratio")
		b.ReportMetric(float64(withReadabilityCPU.Microseconds())/float64(nr), "colly+readability-cpu-µs/page")
		// CPU time of the whole process (site included) per page: steadier
		// than pages/s on a shared machine.
		b.ReportMetric(float64(bareCPU.Microseconds())/float64(n), "colly-cpu-µs/page")
		b.ReportMetric(float64(oursCPU.Microseconds())/float64(pages), "winnow-cpu-µs/page")
		b.ReportMetric(100*rerun.Seconds()/ours.Seconds(), "rerun-%")
		b.ReportMetric(float64(second.Written), "rerun-writes")
		b.ReportMetric(100*rerunRecheck.Seconds()/ours.Seconds(), "rerun-revalidate-%")
		b.ReportMetric(float64(third.Written), "rerun-revalidate-writes")
		b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB")
		b.ReportMetric(float64(live1k.Load())/(1<<20), "live-heap-early-MiB")
		b.ReportMetric(float64(live5k.Load())/(1<<20), "live-heap-late-MiB")
		b.ReportMetric(float64(cleanNanos.Load())/float64(max(cleans.Load(), 1))/1e6, "clean-ms/page")
		b.Logf("colly %d pages in %v; colly+readability %d pages in %v; winnow %d pages (%d written) in %v; re-run %v (%d written, %d unchanged); re-run revalidating every article (recheck: 0) %v (%d written, %d unchanged)",
			n, bare, nr, withReadability, pages, first.Written, ours, rerun, second.Written, second.Unchanged, rerunRecheck, third.Written, third.Unchanged)
	}
}

// collyCrawl crawls the site from u with colly, async, workers at a time,
// following every link once, calling onPage (when not nil) on every
// response, under the pprof label run=label. It returns the responses, the
// wall time and the process CPU time.
func collyCrawl(b *testing.B, label, u string, workers int, onPage func(*colly.Response)) (int64, time.Duration, time.Duration) {
	var n atomic.Int64
	c := colly.NewCollector(colly.Async(true))
	c.Limit(&colly.LimitRule{DomainGlob: "*", Parallelism: workers})
	c.OnHTML("a[href]", func(e *colly.HTMLElement) { e.Request.Visit(e.Attr("href")) })
	c.OnResponse(func(r *colly.Response) {
		n.Add(1)
		if onPage != nil {
			onPage(r)
		}
	})
	start, cpu0 := time.Now(), processCPU()
	pprof.Do(b.Context(), pprof.Labels("run", label), func(context.Context) {
		c.Visit(u)
		c.Wait()
	})
	return n.Load(), time.Since(start), processCPU() - cpu0
}

// readabilityText is the readability library's text of body: parse, extract,
// render, as bench/internal/child/readability does for the AEB benchmark.
func readabilityText(body []byte, u *url.URL) (string, error) {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	p := readability.NewParser()
	art, err := p.ParseAndMutate(doc, u)
	if err != nil || art.Node == nil {
		return "", err
	}
	var s strings.Builder
	err = art.RenderText(&s)
	return s.String(), err
}
