package crawler_test

// Issue 17: a crawler runs unattended against sites it does not control.
// Each test here is one case of the "Why", reproduced on a hostile
// local site (127.0.0.0/8 only), asserting the behaviour that holds now.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/output"
	"github.com/winnowhq/winnow/crawler/urls"
	"github.com/winnowhq/winnow/internal/loopback"
)

// hostile is a local site whose pages a test writes as handlers; it logs
// every request path (with query, as sent).
type hostile struct {
	served
	mux *http.ServeMux
	// robots is served at /robots.txt; empty: 404, or robotsStatus.
	robots       string
	robotsStatus int
	mu           sync.Mutex
	log          []string
}

func newHostile(t testing.TB) *hostile {
	h := &hostile{mux: http.NewServeMux()}
	h.srv = loopback.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		h.log = append(h.log, r.URL.RequestURI())
		robots, status := h.robots, h.robotsStatus
		h.mu.Unlock()
		if r.URL.Path == "/robots.txt" {
			if status != 0 {
				http.Error(w, "robots.txt failing", status)
			} else if robots == "" {
				http.NotFound(w, r)
			} else {
				fmt.Fprint(w, robots)
			}
			return
		}
		h.mux.ServeHTTP(w, r)
	}))
	return h
}

func (h *hostile) requested() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.log...)
}

func (h *hostile) count(prefix string) int {
	n := 0
	for _, p := range h.requested() {
		if strings.HasPrefix(p, prefix) {
			n++
		}
	}
	return n
}

func page(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, "<html><head><title>T</title></head><body>"+body+"</body></html>")
}

func hostileJob(h *hostile, out string, seeds ...string) crawler.Config {
	for i, s := range seeds {
		seeds[i] = h.url(s)
	}
	return crawler.Config{
		Name: "hostile", Seeds: seeds, Scope: urls.Scope{Hosts: []string{h.host()}},
		Politeness: crawler.Politeness{Delay: -1, Workers: 4}, Limits: crawler.Limits{Timeout: 2 * time.Second},
		Retry: crawler.Retry{Retries: -1}, Output: crawler.Output{OutputDir: out},
	}
}

// run runs cfg on the bolt state in stateDir and returns its error.
func run(t *testing.T, ctx context.Context, cfg crawler.Config, stateDir string, extract crawler.Extract) (crawler.Stats, error) {
	t.Helper()
	cr, closeState := newCrawler(t, cfg, stateDir, extract)
	defer closeState()
	return cr.Run(ctx)
}

// TestHostile_ScopeNarrowed: a job whose scope is narrowed fetches nothing
// of the old scope on its next run, neither through links remembered from
// fresh (not re-requested) articles or 304 pages, nor from a resumed
// frontier.
func TestHostile_ScopeNarrowed(t *testing.T) {
	h := newHostile(t)
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<a href="/a/1">a</a> <a href="/b/1">b</a>`)
	})
	// /a/N are articles (fresh on the next run: not requested, their
	// remembered links feed the frontier); /b/N are listing pages, fetched
	// on every run they are queued in.
	for _, sec := range []string{"a", "b"} {
		h.mux.HandleFunc("/"+sec+"/", func(w http.ResponseWriter, r *http.Request) {
			var n int
			fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/"+sec+"/x"), "%d", &n)
			fmt.Sscanf(r.URL.Path, "/"+sec+"/%d", &n)
			more := ""
			if n < 20 {
				more = fmt.Sprintf(`<a href="/%s/%d">next</a> <a href="/b/x%d">b</a>`, sec, n+1, n)
			}
			if sec == "b" {
				page(w, "Listing "+more)
				return
			}
			page(w, fmt.Sprintf(`<article><p>Story %s %d, long enough to be text.</p></article>%s`, sec, n, more))
		})
	}
	out, state := filepath.Join(t.TempDir(), "out"), t.TempDir()
	cfg := hostileJob(h, out, "/")
	if _, err := run(t, t.Context(), cfg, state, nil); err != nil {
		t.Fatal(err)
	}
	if h.count("/b/") == 0 {
		t.Fatal("the first run did not reach /b/")
	}

	// The next run excludes /b/: the articles of /a/ are fresh (not
	// requested) and the home page answers 304, so every link comes from
	// state remembered under the old scope.
	h.mu.Lock()
	h.log = nil
	h.mu.Unlock()
	cfg.Scope.Exclude = []*regexp.Regexp{regexp.MustCompile(`/b/`)}
	ev := &events{}
	cfg.OnEvent = ev.add
	if _, err := run(t, t.Context(), cfg, state, nil); err != nil {
		t.Fatal(err)
	}
	if n := h.count("/b/"); n != 0 {
		t.Errorf("narrowed scope: %d requests to /b/ on the next run: %v", n, h.requested())
	}
	for _, e := range ev.all {
		if strings.Contains(e.URL, "/b/") {
			t.Errorf("narrowed scope: %s %s queued on the next run", e.Kind, e.URL)
		}
	}
	if len(ev.find(crawler.EventUnchanged, "/a/10")) != 1 {
		t.Errorf("the remembered links of fresh articles no longer feed the frontier")
	}

	// A resumed frontier is scoped again: interrupt a fresh run, narrow the
	// scope (max_depth), resume.
	out2, state2 := filepath.Join(t.TempDir(), "out"), t.TempDir()
	cfg2 := hostileJob(h, out2, "/")
	ctx, cancel := context.WithCancel(t.Context())
	cfg2.OnEvent = func(ev crawler.Event) {
		if strings.HasSuffix(ev.URL, "/a/1") {
			cancel()
		}
	}
	cfg2.Workers = 1
	if st, err := run(t, ctx, cfg2, state2, nil); err != nil || !st.Interrupted {
		t.Fatalf("interrupted run: %+v, %v", st, err)
	}
	h.mu.Lock()
	h.log = nil
	h.mu.Unlock()
	cfg2.OnEvent, cfg2.Scope.MaxDepth = nil, 1
	if _, err := run(t, t.Context(), cfg2, state2, nil); err != nil {
		t.Fatal(err)
	}
	for _, p := range h.requested() {
		if strings.HasPrefix(p, "/a/") && p != "/a/1" || strings.HasPrefix(p, "/b/") && p != "/b/1" {
			t.Errorf("resumed run with max_depth 1 requested %s", p)
		}
	}
}

// TestHostile_Chains: redirect chains, rel=canonical chains and sitemap
// index chains count against max_depth, and a job with no limits gets the
// default depth, so none of these sites keeps a crawl going for ever.
func TestHostile_Chains(t *testing.T) {
	h := newHostile(t)
	h.mux.HandleFunc("/redirect/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/redirect/%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n+1), http.StatusFound)
	})
	h.mux.HandleFunc("/canonical/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/canonical/%d", &n)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<html><head><link rel="canonical" href="/canonical/%d"></head><body><article><p>x</p></article></body></html>`, n+1)
	})
	h.mux.HandleFunc("/index/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/index/%d", &n)
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><sitemapindex><sitemap><loc>%s</loc></sitemap></sitemapindex>`, h.url(fmt.Sprintf("/index/%d", n+1)))
	})
	h.mux.HandleFunc("/deep/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/deep/%d", &n)
		page(w, fmt.Sprintf(`<a href="/deep/%d">deeper</a>`, n+1))
	})
	for _, c := range []struct {
		seed     string
		maxDepth int
		want     int // requests at most
	}{
		{"/redirect/0", 5, 6},
		{"/canonical/0", 5, 6},
		{"/index/0", 5, 6},
		{"/deep/0", 5, 6},
		{"/deep/0", 0, crawler.DefaultMaxDepth + 1}, // no limit in the job: the default
	} {
		t.Run(fmt.Sprintf("%s-%d", strings.Split(c.seed, "/")[1], c.maxDepth), func(t *testing.T) {
			prefix := c.seed[:strings.LastIndex(c.seed, "/")+1]
			before := h.count(prefix)
			cfg := hostileJob(h, filepath.Join(t.TempDir(), "out"), c.seed)
			cfg.Scope.MaxDepth = c.maxDepth
			ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
			defer cancel()
			st, _ := run(t, ctx, cfg, t.TempDir(), nil)
			if st.Interrupted {
				t.Fatalf("the chain did not end: %d requests", h.count(prefix)-before)
			}
			if n := h.count(prefix) - before; n > c.want || n < c.want-1 {
				t.Errorf("%s with max_depth %d: %d requests, want %d", c.seed, c.maxDepth, n, c.want)
			}
		})
	}
}

// TestHostile_Robots: robots.txt is matched as RFC 9309 says, on the URLs
// the crawler sends: percent-encoded unreserved characters, a non-ASCII
// rule, and the query in the order the page wrote it.
func TestHostile_Robots(t *testing.T) {
	h := newHostile(t)
	h.robots = "User-agent: *\nDisallow: /private/\nDisallow: /café/\nDisallow: /search?q=\n"
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<a href="/%70rivate/x.html">p</a> <a href="/caf%C3%A9/menu">c</a> <a href="/café/raw">c2</a>
<a href="/search?q=x&amp;b=1">s</a> <a href="/public/ok">ok</a>`)
	})
	cfg := hostileJob(h, filepath.Join(t.TempDir(), "out"), "/")
	if _, err := run(t, t.Context(), cfg, t.TempDir(), nil); err != nil {
		t.Fatal(err)
	}
	got := h.requested()
	for _, p := range got {
		if strings.Contains(p, "rivate") || strings.Contains(strings.ToLower(p), "caf") || strings.HasPrefix(p, "/search") {
			t.Errorf("%s requested, disallowed by robots.txt", p)
		}
	}
	if h.count("/public/ok") != 1 {
		t.Errorf("allowed page not requested: %v", got)
	}
}

// TestHostile_OneWriter: a second crawl into an output dir in use is
// refused with an error naming the holder; the index is appended with
// O_APPEND, so a copytruncate (the index emptied under a later run) leaves
// no NUL bytes.
func TestHostile_OneWriter(t *testing.T) {
	h := newHostile(t)
	gate := make(chan struct{})
	var hold sync.Once
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<a href="/a/1">1</a> <a href="/a/2">2</a> <a href="/slow">slow</a>`)
	})
	h.mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		hold.Do(func() { <-gate })
		page(w, `<article><p>Slow story.</p></article>`)
	})
	var version atomic.Int32
	h.mux.HandleFunc("/a/", func(w http.ResponseWriter, r *http.Request) {
		page(w, fmt.Sprintf(`<article><p>Story %s, version %d.</p></article>`, r.URL.Path, version.Load()))
	})
	out := filepath.Join(t.TempDir(), "out")
	cfg := hostileJob(h, out, "/")
	cfg.Recheck = -1
	first := make(chan error, 1)
	go func() {
		_, err := run(t, t.Context(), cfg, t.TempDir(), nil)
		first <- err
	}()
	for h.count("/slow") == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	_, err := run(t, t.Context(), cfg, t.TempDir(), nil)
	if !errors.Is(err, output.ErrLocked) || !strings.Contains(err.Error(), fmt.Sprintf("pid %d", os.Getpid())) {
		t.Errorf("second crawl into the same output dir: %v, want output.ErrLocked naming pid %d", err, os.Getpid())
	}
	close(gate)
	if err := <-first; err != nil {
		t.Fatalf("first crawl: %v", err)
	}
	// copytruncate, then a run that writes changed articles.
	index := filepath.Join(out, output.IndexFile)
	if err := os.Truncate(index, 0); err != nil {
		t.Fatal(err)
	}
	version.Add(1)
	state := t.TempDir()
	if _, err := run(t, t.Context(), cfg, state, nil); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(index)
	if bytes.IndexByte(b, 0) >= 0 || len(readIndex(t, out)) != 3 {
		t.Errorf("index after copytruncate: %q", b)
	}
}

// TestHostile_DeadSite: a run whose every seed fails (connection refused,
// every page 5xx, no robots.txt) is a failed run, not a success.
func TestHostile_DeadSite(t *testing.T) {
	dead := "http://" + loopback.FreeAddr(t) // connection refused
	h := newHostile(t)
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusBadGateway)
	})
	h.robotsStatus = http.StatusServiceUnavailable
	h5xx := newHostile(t)
	h5xx.robots = "User-agent: *\nAllow: /\n"
	h5xx.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			page(w, `<a href="/1">1</a> <a href="/2">2</a> <a href="/3">3</a>`)
			return
		}
		http.Error(w, "down", http.StatusInternalServerError)
	})
	for name, cfg := range map[string]crawler.Config{
		"refused":     {Seeds: []string{dead + "/", dead + "/sitemap.xml"}},
		"robots-5xx":  {Seeds: []string{h.url("/")}},
		"pages-5xx":   {Seeds: []string{h5xx.url("/")}},
		"ignore-5xxs": {Seeds: []string{h.url("/")}, Politeness: crawler.Politeness{IgnoreRobots: true}},
	} {
		t.Run(name, func(t *testing.T) {
			cfg.Name, cfg.Delay, cfg.Retries, cfg.Timeout, cfg.OutputDir = "dead", -1, -1, time.Second, filepath.Join(t.TempDir(), "out")
			st, err := run(t, t.Context(), cfg, t.TempDir(), nil)
			if !errors.Is(err, crawler.ErrRunFailed) {
				t.Errorf("run = %+v, %v; want ErrRunFailed", st, err)
			}
		})
	}
}

// TestHostile_Robots429: a robots.txt answered 429 Too Many Requests
// disallows the host for the run, like a 5xx (robots.Unavailable), rather
// than allowing everything like a 404: no page of the site is requested,
// and the run, having fetched nothing, fails.
func TestHostile_Robots429(t *testing.T) {
	h := newHostile(t)
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<article><p>A page the crawler must not ask for.</p></article>`)
	})
	h.robotsStatus = http.StatusTooManyRequests
	cfg := crawler.Config{Seeds: []string{h.url("/"), h.url("/a")}}
	cfg.Name, cfg.Delay, cfg.Retries, cfg.Timeout, cfg.OutputDir = "r429", -1, -1, time.Second, filepath.Join(t.TempDir(), "out")
	st, err := run(t, t.Context(), cfg, t.TempDir(), nil)
	if !errors.Is(err, crawler.ErrRunFailed) {
		t.Errorf("run = %+v, %v; want ErrRunFailed", st, err)
	}
	if got := h.requested(); len(got) != 1 || got[0] != "/robots.txt" {
		t.Errorf("requested %q; want only /robots.txt", got)
	}
}

// TestHostile_PDFHeaders: a PDF linked from a page is refused on its
// Content-Type header (colly's OnResponseHeaders aborts the request), its
// body not read, and counted as skipped: the server writes no more than
// the connection buffers hold, not the 16 MiB max_body_size allows.
func TestHostile_PDFHeaders(t *testing.T) {
	pdf := loopback.NewStream("application/pdf", bytes.Repeat([]byte("%PDF-1.7 binary "), 2048), 64<<20)
	h := newHostile(t)
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<article><p>The annual report is out.</p><a href="/files/report">PDF</a></article>`)
	})
	// No .pdf in the path: links with a file extension that is not a page
	// are left out before any request (urls).
	h.mux.Handle("/files/report", pdf)
	cfg := crawler.Config{Seeds: []string{h.url("/")}}
	cfg.Name, cfg.Delay, cfg.Retries, cfg.Timeout, cfg.OutputDir = "pdf", -1, -1, 10*time.Second, filepath.Join(t.TempDir(), "out")
	cfg.MaxBodySize = 16 << 20
	st, err := run(t, t.Context(), cfg, t.TempDir(), nil)
	if err != nil || st.Outcomes.Skipped != 1 || st.Outcomes.Failed != 0 {
		t.Errorf("run = %+v, %v; want the PDF skipped", st.Outcomes, err)
	}
	if !pdf.Wait(10 * time.Second) {
		t.Fatal("the server is still writing the PDF")
	}
	if n := pdf.Written.Load(); n > 8<<20 {
		t.Errorf("the server wrote %d bytes of the PDF before the crawler hung up", n)
	}
}

// TestHostile_Resources: the page timeout cancels Extract's work, the
// bytes held across workers stay within the budget, and the links read
// from one page are capped.
func TestHostile_Resources(t *testing.T) {
	h := newHostile(t)
	big := strings.Repeat("<p>filler text of a big page</p>", 20_000) // ~640 KB
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		for i := range 16 {
			fmt.Fprintf(&b, `<a href="/big/%d">b</a> `, i)
		}
		page(w, b.String())
	})
	h.mux.HandleFunc("/big/", func(w http.ResponseWriter, r *http.Request) {
		page(w, "<article><p>Big story.</p>"+big+"</article>")
	})
	h.mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		page(w, "<article><p>This page makes the extractor hang.</p></article>")
	})
	var cur, peak atomic.Int64
	hung := make(chan error, 1)
	extract := func(ctx context.Context, p *crawler.Page) (string, string, error) {
		if strings.HasSuffix(p.URL, "/hang") {
			<-ctx.Done() // a cleaner stuck on its page: only the context frees it
			hung <- ctx.Err()
			return "", "", ctx.Err()
		}
		n := cur.Add(int64(len(p.Body)))
		for {
			m := peak.Load()
			if n <= m || peak.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond) // hold the page a while, as cleaning does
		cur.Add(-int64(len(p.Body)))
		return extractArticle(ctx, p)
	}
	cfg := hostileJob(h, filepath.Join(t.TempDir(), "out"), "/")
	cfg.Workers, cfg.HostParallelism = 8, 8
	cfg.MaxBodySize = int64(len(big)) + 4096
	cfg.MaxInFlightBytes = 3 * int64(len(big)) / 2 // room for one big page, and small ones
	st, err := run(t, t.Context(), cfg, t.TempDir(), extract)
	if err != nil {
		t.Fatal(err)
	}
	if p := peak.Load(); p > cfg.MaxInFlightBytes {
		t.Errorf("%d bytes of pages held at once, over the %d budget", p, cfg.MaxInFlightBytes)
	}
	if st.Written != 16 {
		t.Errorf("written %d, want the 16 big pages", st.Written)
	}

	// The page timeout: a hanging Extract gets its context ended, and the
	// page fails with ErrPageTimeout.
	cfg = hostileJob(h, filepath.Join(t.TempDir(), "out"), "/hang")
	cfg.PageTimeout = 200 * time.Millisecond
	ev := &events{}
	cfg.OnEvent = ev.add
	run(t, t.Context(), cfg, t.TempDir(), extract)
	if err := <-hung; !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("hanging extract ended with %v", err)
	}
	if evs := ev.find(crawler.EventFailed, "/hang"); len(evs) != 1 || !errors.Is(evs[0].Err, crawler.ErrPageTimeout) {
		t.Errorf("hanging page: events %v, want one failure with ErrPageTimeout", evs)
	}

	// Links: a page of 20,000 links gives at most MaxLinks.
	h2 := newHostile(t)
	h2.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		for i := range 20_000 {
			fmt.Fprintf(&b, `<a href="/l/%d">l</a>`, i)
		}
		page(w, b.String())
	})
	h2.mux.HandleFunc("/l/", func(w http.ResponseWriter, r *http.Request) { page(w, "x") })
	cfg = hostileJob(h2, filepath.Join(t.TempDir(), "out"), "/")
	cfg.MaxLinks = 50
	if _, err := run(t, t.Context(), cfg, t.TempDir(), nil); err != nil {
		t.Fatal(err)
	}
	if n := h2.count("/l/"); n != 50 {
		t.Errorf("%d links followed, want max_links 50", n)
	}
}

// TestHostile_PrivateRedirect: a link or a redirect cannot lead the crawler
// to an address its seeds are not on. The second site listens on
// 127.0.0.2, standing for 169.254.169.254 or an intranet host (tests stay on
// 127.0.0.0/8; the address checks themselves are tested in
// internal/netguard through resolver and dial hooks).
func TestHostile_PrivateRedirect(t *testing.T) {
	ln, err := net.Listen("tcp4", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no second loopback address: %v", err)
	}
	var reached atomic.Int32
	inner := &httptest.Server{Listener: ln, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		page(w, "<article><p>instance credentials</p></article>")
	})}}
	inner.Start()
	defer inner.Close()
	h := newHostile(t)
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, fmt.Sprintf(`<a href="/go">go</a> <a href="%s/direct">direct</a>`, inner.URL))
	})
	h.mux.HandleFunc("/go", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, inner.URL+"/latest/meta-data/", http.StatusFound)
	})
	cfg := hostileJob(h, filepath.Join(t.TempDir(), "out"), "/")
	cfg.Scope.Hosts = append(cfg.Scope.Hosts, strings.TrimPrefix(inner.URL, "http://"))
	ev := &events{}
	cfg.OnEvent = ev.add
	run(t, t.Context(), cfg, t.TempDir(), nil)
	if n := reached.Load(); n != 0 {
		t.Errorf("the private address was reached %d times", n)
	}
	blocked := 0
	for _, e := range ev.all {
		if e.Reason == "blocked_address" {
			blocked++
		}
	}
	if blocked == 0 {
		t.Errorf("no fetch reported as blocked_address: %+v", ev.all)
	}
	// allow_private lets the job reach it.
	cfg.AllowPrivate, cfg.OutputDir = true, filepath.Join(t.TempDir(), "out")
	if _, err := run(t, t.Context(), cfg, t.TempDir(), nil); err != nil {
		t.Fatal(err)
	}
	if reached.Load() == 0 {
		t.Error("allow_private: the address was not reached")
	}
}

// robotsSite crawls a local site whose robots.txt (and whatever else it
// claims) robots serves, returning true for a path it served; the home page
// links /private/x and /public/ok. It returns the paths requested.
func robotsSite(t *testing.T, limits crawler.Limits, robots func(w http.ResponseWriter, r *http.Request) bool) []string {
	t.Helper()
	var mu sync.Mutex
	var log []string
	srv := loopback.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		log = append(log, r.URL.RequestURI())
		mu.Unlock()
		switch {
		case robots(w, r):
		case r.URL.Path == "/":
			page(w, `<a href="/private/x">p</a> <a href="/public/ok">ok</a>`)
		default:
			page(w, "<p>A page of the site with a sentence or two of text in it.</p>")
		}
	}))
	limits.Timeout = 2 * time.Second
	cfg := crawler.Config{
		Name: "robots", Seeds: []string{srv.URL + "/"}, Scope: urls.Scope{Hosts: []string{strings.TrimPrefix(srv.URL, "http://")}},
		Politeness: crawler.Politeness{Delay: -1, Workers: 2}, Limits: limits,
		Retry: crawler.Retry{Retries: -1}, Output: crawler.Output{OutputDir: filepath.Join(t.TempDir(), "out")},
	}
	if _, err := run(t, t.Context(), cfg, t.TempDir(), nil); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	return slices.Clone(log)
}

// TestHostile_RobotsBody: a robots.txt is read in its first 500 KiB (RFC
// 9309 2.5) whatever its length, its declared Content-Length and its
// content type, not refused as a page over the body limit or of a type the
// crawler does not read; refusing it disallowed the whole host for the run.
func TestHostile_RobotsBody(t *testing.T) {
	rules := "User-agent: *\nDisallow: /private/\n"
	pad := "#" + strings.Repeat("x", 600<<10) + "\n"
	for _, c := range []struct {
		name, ctype, body string
		length            bool // declare the Content-Length
	}{
		{"octet-stream", "application/octet-stream", rules, true},
		{"no-type", "", rules, true},
		{"over-body-limit", "text/plain", rules + pad + "Disallow: /late/\n", false},
		{"content-length-over-limit", "text/plain", rules + pad, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			log := robotsSite(t, crawler.Limits{MaxBodySize: 64 << 10}, func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path != "/robots.txt" {
					return false
				}
				w.Header()["Content-Type"] = []string{c.ctype}
				if c.length {
					w.Header().Set("Content-Length", fmt.Sprint(len(c.body)))
				}
				fmt.Fprint(w, c.body)
				return true
			})
			if !slices.Contains(log, "/public/ok") {
				t.Errorf("allowed page not requested: %v", log)
			}
			if slices.Contains(log, "/private/x") {
				t.Errorf("disallowed page requested: %v", log)
			}
		})
	}
}

// TestHostile_LongLink: a link longer than urls.MaxLength is left out, as
// any link out of scope; stored, it was a bbolt key over 32 KiB, and the
// commit of its page's batch failed the run ("commit state: key too
// large"), on this run and every later one.
func TestHostile_LongLink(t *testing.T) {
	h := newHostile(t)
	long := "/long/" + strings.Repeat("a", 40_000)
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			page(w, `<a href="`+long+`">l</a> <a href="/ok">ok</a>`)
			return
		}
		page(w, "<p>A page of the site with a sentence or two of text in it.</p>")
	})
	cfg := hostileJob(h, filepath.Join(t.TempDir(), "out"), "/")
	if _, err := run(t, t.Context(), cfg, t.TempDir(), nil); err != nil {
		t.Fatal(err)
	}
	if h.count("/ok") != 1 || h.count("/long/") != 0 {
		t.Errorf("requested %d /ok and %d /long/, want 1 and 0", h.count("/ok"), h.count("/long/"))
	}
}

// TestHostile_FeedCharset: a feed whose bytes are in the charset its
// header names, with no XML declaration naming it, is read whole: the
// crawler reads bodies as received (colly no longer converts them from the
// header), and the XML decoder, told nothing, stopped at the first byte
// that is not UTF-8 (here the channel's title), losing every item after it.
func TestHostile_FeedCharset(t *testing.T) {
	h := newHostile(t)
	h.mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=iso-8859-1")
		fmt.Fprint(w, "<rss version=\"2.0\"><channel><title>Caf\xe9 news</title>"+
			"<item><title>Cr\xe8me</title><link>"+h.url("/a")+"</link></item>"+
			"<item><title>Br\xfbl\xe9e</title><link>"+h.url("/b")+"</link></item></channel></rss>")
	})
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, "<p>A page of the site with a sentence or two of text in it.</p>")
	})
	cfg := hostileJob(h, filepath.Join(t.TempDir(), "out"), "/feed")
	if _, err := run(t, t.Context(), cfg, t.TempDir(), nil); err != nil {
		t.Fatal(err)
	}
	if h.count("/a") != 1 || h.count("/b") != 1 {
		t.Errorf("feed items not requested: %v", h.requested())
	}
}

// TestHostile_RobotsRedirects: robots.txt is read through up to five
// redirects (RFC 9309 2.3.1.2); past five, or in a loop, it is as if the
// host had none, and everything is allowed.
func TestHostile_RobotsRedirects(t *testing.T) {
	for _, c := range []struct {
		name    string
		hops    int // redirects before the file; -1: a loop
		private bool
	}{
		{"one", 1, false},
		{"five", 5, false},
		{"six", 6, true},
		{"loop", -1, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			log := robotsSite(t, crawler.Limits{}, func(w http.ResponseWriter, r *http.Request) bool {
				switch {
				case r.URL.Path == "/robots.txt" && c.hops < 0:
					http.Redirect(w, r, "/robots.txt", http.StatusFound)
				case r.URL.Path == "/robots.txt" || r.URL.Path == "/hop":
					n := 0
					fmt.Sscan(r.URL.Query().Get("n"), &n)
					if n < c.hops {
						http.Redirect(w, r, fmt.Sprintf("/hop?n=%d", n+1), http.StatusMovedPermanently)
						break
					}
					fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
				default:
					return false
				}
				return true
			})
			if got := slices.Contains(log, "/private/x"); got != c.private {
				t.Errorf("/private/x requested %v, want %v: %v", got, c.private, log)
			}
			if !slices.Contains(log, "/public/ok") {
				t.Errorf("allowed page not requested: %v", log)
			}
		})
	}
}

// TestHostile_SlowAndBloated: what a hostile server sends is bounded while
// it is read, not after: a body dripped a byte at a time is cut at the
// request's timeout (the timeout covers the body, not only the headers),
// and response headers past 1 MiB fail the page instead of being held
// in memory (net/http's default allows 10 MB per response, per worker).
func TestHostile_SlowAndBloated(t *testing.T) {
	h := newHostile(t)
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<a href="/drip">drip</a> <a href="/headers">headers</a> <a href="/ok">ok</a>`)
	})
	h.mux.HandleFunc("/drip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		rc := http.NewResponseController(w)
		for range 500 { // 10 s in all
			if _, err := w.Write([]byte("x")); err != nil || rc.Flush() != nil {
				return
			}
			select {
			case <-time.After(20 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
	})
	h.mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		for i := range 32 { // 2 MiB of headers
			w.Header().Set(fmt.Sprintf("X-Bloat-%d", i), strings.Repeat("b", 64<<10))
		}
		page(w, "<article><p>A page behind two megabytes of headers.</p></article>")
	})
	h.mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		page(w, "<article><p>An ordinary story of the site, with a sentence or two.</p></article>")
	})
	cfg := hostileJob(h, filepath.Join(t.TempDir(), "out"), "/")
	cfg.Timeout, cfg.MaxFailedShare = 400*time.Millisecond, 1
	ev := &events{}
	cfg.OnEvent = ev.add
	start := time.Now()
	if _, err := run(t, t.Context(), cfg, t.TempDir(), nil); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("run took %v: the drip was not cut at the timeout", took)
	}
	if evs := ev.find(crawler.EventFailed, "/drip"); len(evs) != 1 || evs[0].Reason != "timeout" {
		t.Errorf("dripped page: events %+v, want one failure, reason timeout", evs)
	}
	if evs := ev.find(crawler.EventFailed, "/headers"); len(evs) != 1 {
		t.Errorf("bloated headers: failed events %+v, want one", evs)
	}
	if evs := ev.find(crawler.EventWritten, "/ok"); len(evs) != 1 {
		t.Errorf("ordinary page: written events %+v, want one", evs)
	}
}
