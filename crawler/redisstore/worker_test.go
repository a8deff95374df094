package redisstore_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/redisstore"
	"github.com/winnowhq/winnow/crawler/urls"
	"github.com/winnowhq/winnow/internal/childproc"
	"github.com/winnowhq/winnow/internal/loopback"
	"github.com/winnowhq/winnow/rules"
)

// The end-to-end tests run crawl workers as real processes: the test binary
// re-executed with workerEnv set runs one worker (TestMain) and exits.
const workerEnv = "WINNOW_REDISSTORE_WORKER"

func TestMain(m *testing.M) {
	if cfg := os.Getenv(workerEnv); cfg != "" {
		if err := runWorker(cfg); err != nil {
			fmt.Fprintf(os.Stderr, "worker: %v\n", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// workerConfig is what a worker process is told, as JSON in workerEnv.
type workerConfig struct {
	Redis   string        `json:"redis"`
	Job     string        `json:"job"`
	Worker  string        `json:"worker"`
	Seeds   []string      `json:"seeds"`
	Hosts   []string      `json:"hosts"`
	Out     string        `json:"out"`
	Delay   time.Duration `json:"delay"`    // per host; negative: none
	Workers int           `json:"workers"`  // concurrent requests of this worker
	PerHost int           `json:"per_host"` // concurrent requests to one host; 0: 1
	Summary string        `json:"summary"`  // file for the workerSummary
}

// workerSummary is what a worker reports when its run ends.
type workerSummary struct {
	Stats     crawler.Stats    `json:"stats"`
	Redis     redisstore.Stats `json:"redis"`
	Pages     int64            `json:"pages"`      // fetches with a response
	FetchTime time.Duration    `json:"fetch_time"` // summed request times
	CleanTime time.Duration    `json:"clean_time"` // summed Extract times
	Elapsed   time.Duration    `json:"elapsed"`
}

// readSummaries reads the summaries the workers wrote to paths.
func readSummaries(t testing.TB, paths []string) []workerSummary {
	t.Helper()
	var out []workerSummary
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var s workerSummary
		if err := json.Unmarshal(raw, &s); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, s)
	}
	return out
}

// runWorker is one crawl worker: the crawler on the Redis store, cleaning
// with the built-in rules, until the shared frontier is empty.
func runWorker(raw string) error {
	var cfg workerConfig
	if err := json.Unmarshal([]byte(raw), &cfg); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	st, err := redisstore.Open(ctx, cfg.Redis, redisstore.Options{Job: cfg.Job, Worker: cfg.Worker})
	if err != nil {
		return err
	}
	defer st.Close()
	rs, err := rules.Builtin()
	if err != nil {
		return err
	}
	cl, err := clean.New(clean.Options{Rules: rs})
	if err != nil {
		return err
	}
	var cleanNanos, fetchNanos, pages atomic.Int64
	extract := func(ctx context.Context, p *crawler.Page) (string, string, error) {
		t := time.Now()
		defer func() { cleanNanos.Add(int64(time.Since(t))) }()
		res, err := cl.Clean(ctx, clean.Input{Source: p.URL, URL: p.URL, ContentType: p.ContentType,
			Kind: clean.InputHTML, Body: bytes.NewReader(p.Body)})
		if err != nil {
			return "", "", err
		}
		return res.Title, res.Body, nil
	}
	cr, err := crawler.New(crawler.Config{
		Name:  cfg.Job,
		Seeds: cfg.Seeds,
		Scope: urls.Scope{Hosts: cfg.Hosts},
		Politeness: crawler.Politeness{
			UserAgent:       "winnow-test/" + cfg.Worker,
			Delay:           cfg.Delay,
			Workers:         cfg.Workers,
			HostParallelism: cfg.PerHost,
		},
		Limits: crawler.Limits{Timeout: 10 * time.Second},
		Retry:  crawler.Retry{RetryBase: 50 * time.Millisecond},
		Output: crawler.Output{OutputDir: cfg.Out},
		OnEvent: func(ev crawler.Event) {
			if ev.Status != 0 {
				pages.Add(1)
				fetchNanos.Add(int64(ev.Duration))
			}
		},
	}, st, extract, nil)
	if err != nil {
		return err
	}
	stats, err := cr.Run(ctx)
	if err != nil {
		return err
	}
	sum := workerSummary{Stats: stats, Redis: st.Stats(), Pages: pages.Load(),
		FetchTime: time.Duration(fetchNanos.Load()), CleanTime: time.Duration(cleanNanos.Load()),
		Elapsed: time.Since(start)}
	if cfg.Summary != "" {
		b, err := json.Marshal(sum)
		if err != nil {
			return err
		}
		if err := os.WriteFile(cfg.Summary, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// worker is a running worker process.
type worker struct {
	cfg  workerConfig
	cmd  *exec.Cmd
	done chan error
	log  string
}

// startWorker starts a worker process; its output goes to a log file in dir.
func startWorker(t testing.TB, cfg workerConfig, dir string) *worker {
	t.Helper()
	raw, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	logName := filepath.Join(dir, fmt.Sprintf("%s-%d.log", cfg.Worker, time.Now().UnixNano()))
	logf, err := os.Create(logName)
	if err != nil {
		t.Fatal(err)
	}
	cmd := childproc.Command("", workerEnv+"="+string(raw), "GOMAXPROCS=2") // TestMain runs the worker
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := &worker{cfg: cfg, cmd: cmd, done: make(chan error, 1), log: logName}
	go func() {
		err := cmd.Wait()
		logf.Close()
		w.done <- err
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
	})
	return w
}

// wait waits for the worker to exit successfully.
func (w *worker) wait(t testing.TB, timeout time.Duration) {
	t.Helper()
	select {
	case err := <-w.done:
		if err != nil {
			log, _ := os.ReadFile(w.log)
			t.Fatalf("worker %s: %v\n%s", w.cfg.Worker, err, tail(log, 3000))
		}
	case <-time.After(timeout):
		w.cmd.Process.Kill()
		log, _ := os.ReadFile(w.log)
		t.Fatalf("worker %s still running after %s\n%s", w.cfg.Worker, timeout, tail(log, 3000))
	}
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// newsSite is a generated news site spread over several hosts on
// 127.0.0.1, each its own listener, logging every request with its time.
type newsSite struct {
	hosts    []*httptest.Server
	sections int
	perSec   int
	latency  time.Duration

	mu   sync.Mutex
	hits map[string][]hit // host → requests in arrival order
	urls map[string]int   // URL → requests
}

// The news site the end-to-end tests and the benchmark crawl: ten hosts of
// ten sections of 30 articles, 3,000 articles (3,110 pages with the home
// and section pages).
const siteHosts, siteSections, sitePerSec = 10, 10, 30

func newNewsSite(t testing.TB, hosts, sections, perSec int, latency time.Duration) *newsSite {
	s := &newsSite{sections: sections, perSec: perSec, latency: latency,
		hits: map[string][]hit{}, urls: map[string]int{}}
	for range hosts {
		s.hosts = append(s.hosts, loopback.Serve(t, s))
	}
	return s
}

// hostNames are the host:port of every listener.
func (s *newsSite) hostNames() []string {
	var out []string
	for _, h := range s.hosts {
		out = append(out, strings.TrimPrefix(h.URL, "http://"))
	}
	return out
}

func (s *newsSite) seeds() []string {
	var out []string
	for _, h := range s.hosts {
		out = append(out, h.URL+"/")
	}
	return out
}

// articles lists the URL of every article of the site.
func (s *newsSite) articles() []string {
	var out []string
	for _, h := range s.hosts {
		for n := range s.sections * s.perSec {
			out = append(out, fmt.Sprintf("%s/a/%d", h.URL, n))
		}
	}
	return out
}

func (s *newsSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	now := time.Now()
	s.mu.Lock()
	s.hits[r.Host] = append(s.hits[r.Host], hit{now, r.URL.RequestURI() + " " + r.UserAgent()})
	s.urls["http://"+r.Host+r.URL.RequestURI()]++
	s.mu.Unlock()
	if s.latency > 0 && r.URL.Path != "/robots.txt" {
		time.Sleep(s.latency)
	}
	host := r.Host
	var b strings.Builder
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		return
	case p == "/":
		b.WriteString("<!doctype html><html><head><title>Front page</title></head><body><h1>Front page</h1><ul>")
		for k := range s.sections {
			fmt.Fprintf(&b, `<li><a href="/s/%d">Section %d</a></li>`, k, k)
		}
		b.WriteString("</ul></body></html>")
	case strings.HasPrefix(p, "/s/"):
		var k int
		if _, err := fmt.Sscanf(p, "/s/%d", &k); err != nil || k >= s.sections {
			http.NotFound(w, r)
			return
		}
		fmt.Fprintf(&b, "<!doctype html><html><head><title>Section %d</title></head><body><h1>Section %d</h1><ul>", k, k)
		for n := k * s.perSec; n < (k+1)*s.perSec; n++ {
			fmt.Fprintf(&b, `<li><a href="/a/%d?utm_source=section">Story %d</a></li>`, n, n)
		}
		b.WriteString("</ul></body></html>")
	case strings.HasPrefix(p, "/a/"):
		var n int
		if _, err := fmt.Sscanf(p, "/a/%d", &n); err != nil || n >= s.sections*s.perSec {
			http.NotFound(w, r)
			return
		}
		// Each article links to the next one and to the same one on the
		// next host, so the hosts' frontiers mix.
		next := s.hosts[0].URL
		for i, h := range s.hosts {
			if h.URL == "http://"+host && i+1 < len(s.hosts) {
				next = s.hosts[i+1].URL
			}
		}
		fmt.Fprintf(&b, `<!doctype html><html><head><title>Story %d on %s</title>
<meta property="og:type" content="article"></head><body>
<nav><a href="/">Home</a> <a href="/s/0">Section 0</a></nav>
<article><h1>Story %d on %s</h1>
<p>The council of district %d met on Tuesday to discuss the plan for the new bridge, which residents of %s have awaited for years.</p>
<p>Officials said the first works would start in spring, and that the budget of %d thousand had been approved after a long debate.</p>
<p>Story number %d ends with a quote from a resident: "We waited a long time for this, and we will believe it when we see it."</p>
</article>
<aside><a href="/a/%d">Next story</a> <a href="%s/a/%d#top">Elsewhere</a></aside>
</body></html>`, n, host, n, host, n, host, 100+n, n, (n+1)%(s.sections*s.perSec), next, n)
	default:
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, b.String())
}

// hit is one request as a server saw it.
type hit struct {
	at   time.Time
	path string
}

// gap is the time between two requests to one host.
type gap struct {
	d          time.Duration
	from, to   string
	fromAt, at time.Time
}

// minGaps returns, per host, the shortest time between two requests.
func (s *newsSite) minGaps() map[string]gap {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]gap{}
	for h, hs := range s.hits {
		for i := 1; i < len(hs); i++ {
			g := gap{hs[i].at.Sub(hs[i-1].at), hs[i-1].path, hs[i].path, hs[i-1].at, hs[i].at}
			if i == 1 || g.d < out[h].d {
				out[h] = g
			}
		}
	}
	return out
}

// gapsBelow counts gaps between two requests to one host shorter than d,
// and all gaps.
func (s *newsSite) gapsBelow(d time.Duration) (below, all int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, hs := range s.hits {
		for i := 1; i < len(hs); i++ {
			all++
			if hs[i].at.Sub(hs[i-1].at) < d {
				below++
			}
		}
	}
	return below, all
}

// refetched counts pages (robots.txt aside) requested more than once.
func (s *newsSite) refetched() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for u, c := range s.urls {
		if c > 1 && !strings.HasSuffix(u, "/robots.txt") {
			n++
		}
	}
	return n
}

func (s *newsSite) requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, ts := range s.hits {
		n += len(ts)
	}
	return n
}
