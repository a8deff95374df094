package redisstore_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/redisstore/redistest"
)

// readIndexes reads index.jsonl of every output dir.
func readIndexes(t testing.TB, dirs []string) map[string][]crawler.IndexLine {
	t.Helper()
	out := map[string][]crawler.IndexLine{}
	for _, d := range dirs {
		f, err := os.Open(filepath.Join(d, crawler.IndexFile))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var l crawler.IndexLine
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				t.Fatalf("%s: %v", d, err)
			}
			if l.File != "" {
				if _, err := os.Stat(filepath.Join(d, l.File)); err != nil {
					t.Errorf("%s: index names %s: %v", d, l.File, err)
				}
			}
			out[l.URL] = append(out[l.URL], l)
		}
		f.Close()
	}
	return out
}

func countLines(dirs []string) int {
	n := 0
	for _, d := range dirs {
		b, _ := os.ReadFile(filepath.Join(d, crawler.IndexFile))
		for _, c := range b {
			if c == '\n' {
				n++
			}
		}
	}
	return n
}

// TestDistributedCrawl_KillWorker: three worker processes crawl a
// 3,000-article site on ten hosts through one Redis; one is killed with
// SIGKILL mid-run and restarted under its name (it replays its index, as a
// supervisor would restart it). Every article is written exactly once over
// all outputs, the per-host delay holds across the workers as seen by the
// servers, and the frontier ends empty.
func TestDistributedCrawl_KillWorker(t *testing.T) {
	testDistributedCrawl(t, "3s", false, func(t *testing.T, srv *redistest.Server, workers map[string]*worker, start func(string) *worker) {
		if err := workers["w1"].cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		<-workers["w1"].done
		time.Sleep(300 * time.Millisecond)
		workers["w1"] = start("w1")
	})
}

// TestDistributedCrawl_RedisRestart: Redis stops for a second in the middle
// of the crawl and comes back from its AOF; the workers retry with backoff
// and finish with every article written exactly once. A second run of the
// three workers then writes nothing: every article is unchanged, whichever
// worker wrote it the first time.
func TestDistributedCrawl_RedisRestart(t *testing.T) {
	testDistributedCrawl(t, "5s", true, func(t *testing.T, srv *redistest.Server, workers map[string]*worker, start func(string) *worker) {
		srv.Stop()
		time.Sleep(time.Second)
		srv.Restart()
	})
}

// testDistributedCrawl runs three workers and calls disrupt once a quarter
// of the articles are written; with rerun, it then runs them again.
func testDistributedCrawl(t *testing.T, lease string, rerun bool, disrupt func(t *testing.T, srv *redistest.Server, workers map[string]*worker, start func(string) *worker)) {
	if testing.Short() {
		t.Skip("end-to-end crawl with worker processes")
	}
	srv := redistest.Start(t)
	const (
		hosts    = 10
		sections = 10
		perSec   = 30
		delay    = 20 * time.Millisecond
	)
	site := newNewsSite(t, hosts, sections, perSec, 0)
	dir := t.TempDir()
	round := 1
	cfg := func(name string) workerConfig {
		return workerConfig{
			Redis: srv.URL() + "?lease=" + lease, Job: "e2e", Worker: name,
			Seeds: site.seeds(), Hosts: site.hostNames(),
			Out: filepath.Join(dir, "out-"+name), Delay: delay, Workers: 4,
			Summary: filepath.Join(dir, fmt.Sprintf("%s-%d.json", name, round)),
		}
	}
	start := func(name string) *worker { return startWorker(t, cfg(name), dir) }
	names := []string{"w0", "w1", "w2"}
	var outs []string
	workers := map[string]*worker{}
	started := time.Now()
	for _, n := range names {
		workers[n] = start(n)
		outs = append(outs, cfg(n).Out)
	}
	total := hosts * sections * perSec

	deadline := time.Now().Add(60 * time.Second)
	for countLines(outs) < total/4 {
		if time.Now().After(deadline) {
			t.Fatalf("only %d articles written after 60s", countLines(outs))
		}
		time.Sleep(20 * time.Millisecond)
	}
	disruptedAt := countLines(outs)
	if os.Getenv("E2E_DEBUG") != "" {
		t.Logf("disrupting at %s", time.Now().Format("05.000"))
	}
	disrupt(t, srv, workers, start)
	for _, n := range names {
		workers[n].wait(t, 80*time.Second)
	}
	took := time.Since(started)

	// Every article exactly once over all outputs.
	idx := readIndexes(t, outs)
	var missing, dup []string
	for _, u := range site.articles() {
		switch n := len(idx[u]); {
		case n == 0:
			missing = append(missing, u)
		case n > 1:
			d := fmt.Sprintf("%s ×%d", u, n)
			if os.Getenv("E2E_DEBUG") != "" {
				for _, l := range idx[u] {
					d += fmt.Sprintf(" [%s %s]", l.Status, l.FetchedAt.Format("05.000"))
				}
			}
			dup = append(dup, d)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d articles missing, e.g. %v", len(missing), missing[:min(5, len(missing))])
	}
	if len(dup) > 0 {
		t.Errorf("%d articles written twice, e.g. %v", len(dup), dup[:min(5, len(dup))])
	}
	if extra := len(idx) - total + len(missing); extra != 0 {
		t.Errorf("%d index lines for URLs that are not articles", extra)
	}

	// The frontier is empty: nothing in the stream, nothing pending in the
	// group, nothing delayed.
	rc := srv.Client()
	ctx := t.Context()
	xlen, err := rc.XLen(ctx, "winnow:{e2e}:frontier").Result()
	if err != nil {
		t.Fatal(err)
	}
	pend, err := rc.XPending(ctx, "winnow:{e2e}:frontier", "crawl").Result()
	if err != nil {
		t.Fatal(err)
	}
	zcard, err := rc.ZCard(ctx, "winnow:{e2e}:delayed").Result()
	if err != nil {
		t.Fatal(err)
	}
	if xlen != 0 || pend.Count != 0 || zcard != 0 {
		t.Errorf("frontier not empty at the end: %d in stream, %d pending, %d delayed", xlen, pend.Count, zcard)
	}
	summaries := func() []workerSummary {
		var sums []workerSummary
		for _, n := range names {
			raw, err := os.ReadFile(cfg(n).Summary)
			if err != nil {
				t.Fatal(err)
			}
			var s workerSummary
			if err := json.Unmarshal(raw, &s); err != nil {
				t.Fatal(err)
			}
			sums = append(sums, s)
		}
		return sums
	}
	t.Logf("%s", redisReport(summaries()))
	if rerun {
		round++
		before := countLines(outs)
		for _, n := range names {
			workers[n] = start(n)
		}
		for _, n := range names {
			workers[n].wait(t, 80*time.Second)
		}
		if after := countLines(outs); after != before {
			t.Errorf("a second run wrote %d articles, want 0", after-before)
		}
		t.Logf("second run: %s", redisReport(summaries()))
	}
	// The per-host delay across workers (and runs), from the servers'
	// clocks: every request to a host arrives at least the delay after the
	// one before, whichever workers sent them (slack: loopback and clock
	// noise). Starts spaced on the Redis clock would not do: between a
	// start and the arrival lie the crawler's dispatch, a State lookup, the
	// HTTP client and the scheduling of the processes, which vary by
	// milliseconds on a loaded machine. A request starts only after the
	// previous one ended (redisstore.Store.StartHost), so that jitter
	// cannot shorten a gap.
	const slack = time.Millisecond
	gaps := site.minGaps()
	if len(gaps) != hosts {
		t.Errorf("requests seen on %d hosts, want %d", len(gaps), hosts)
	}
	worst := time.Hour
	for h, g := range gaps {
		worst = min(worst, g.d)
		if g.d < delay-slack {
			t.Errorf("host %s: requests %v apart, want ≥ %v: %s at %s, then %s at %s",
				h, g.d, delay, g.from, g.fromAt.Format("05.000000"), g.to, g.at.Format("05.000000"))
		}
	}
	below, all := site.gapsBelow(delay)
	belowSlack, _ := site.gapsBelow(delay - slack)
	if belowSlack > 0 {
		t.Errorf("per-host delay %v: %d of %d gaps below %v", delay, belowSlack, all, delay-slack)
	}
	if os.Getenv("E2E_DEBUG") != "" {
		for h, hs := range site.hits {
			for i := 1; i < len(hs); i++ {
				if g := hs[i].at.Sub(hs[i-1].at); g < delay {
					t.Logf("%s %v: %s -> %s %v", h, hs[i].at.Format("05.000000"), hs[i-1].path, hs[i].path, g)
				}
			}
		}
	}

	seen, _ := rc.SCard(ctx, "winnow:{e2e}:seen").Result()
	var per []string
	for _, n := range names {
		b, _ := os.ReadFile(filepath.Join(cfg(n).Out, crawler.IndexFile))
		per = append(per, fmt.Sprintf("%s %d", n, bytes.Count(b, []byte("\n"))))
	}
	t.Logf("crawl took %v; %d articles written (%v), disrupted at %d; %d requests, %d URLs fetched more than once, %d URLs seen; per-host gaps: least %v, %d of %d below the %v delay, %d below %v",
		took.Round(time.Millisecond), len(idx), per, disruptedAt, site.requests(), site.refetched(), seen, worst.Round(time.Microsecond), below, all, delay, belowSlack, delay-slack)
}
