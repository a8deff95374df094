package crawler_test

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/fetch"
	"github.com/winnowhq/winnow/crawler/output"
)

func TestCrawl_Scope(t *testing.T) {
	requested := func(s *site) map[string]bool {
		m := map[string]bool{}
		for _, h := range s.hits() {
			m[h.path] = true
		}
		return m
	}
	t.Run("MaxPages", func(t *testing.T) {
		s := newSite(t, 2, 30, "")
		cfg := job(s, filepath.Join(t.TempDir(), "out"))
		cfg.Seeds, cfg.Delay, cfg.MaxPages = []string{s.url("/section/0"), s.url("/section/1")}, -1, 25
		runJob(t, cfg, t.TempDir())
		if n := len(requested(s)) - 1; n != 25 { // robots.txt is not a page
			t.Errorf("%d URLs requested, want max_pages 25", n)
		}
	})
	t.Run("MaxDepth", func(t *testing.T) {
		s := newSite(t, 2, 5, "")
		cfg := job(s, filepath.Join(t.TempDir(), "out"))
		cfg.Seeds, cfg.Delay, cfg.Scope.MaxDepth = []string{s.url("/section/1")}, -1, 1
		runJob(t, cfg, t.TempDir())
		got := requested(s)
		if !got["/news/1-1"] || got["/news/1-1?amp=1"] || got["/news/0-1"] {
			t.Errorf("max_depth 1 from /section/1: requested %v, want its articles and nothing they link", got)
		}
	})
	t.Run("IncludeExclude", func(t *testing.T) {
		s := newSite(t, 3, 5, "")
		cfg := job(s, filepath.Join(t.TempDir(), "out"))
		cfg.Seeds, cfg.Delay = []string{s.url("/")}, -1
		cfg.Scope.Include = []*regexp.Regexp{regexp.MustCompile(`/(section|news)/`), regexp.MustCompile(`/$`)}
		cfg.Scope.Exclude = []*regexp.Regexp{regexp.MustCompile(`/(section/2|news/0-)`)}
		stats, _ := runJob(t, cfg, t.TempDir())
		for p := range requested(s) {
			if p != "/" && p != "/robots.txt" && (!strings.HasPrefix(p, "/section/") && !strings.HasPrefix(p, "/news/") ||
				strings.HasPrefix(p, "/section/2") || strings.HasPrefix(p, "/news/0-")) {
				t.Errorf("%s requested, out of scope", p)
			}
		}
		if stats.Written != 5 { // /news/1-*
			t.Errorf("written %d, want 5", stats.Written)
		}
	})
	t.Run("JSONL", func(t *testing.T) {
		s := newSite(t, 1, 3, "")
		out := filepath.Join(t.TempDir(), "out")
		cfg := job(s, out)
		cfg.Seeds, cfg.Delay, cfg.Format = []string{s.url("/section/0")}, -1, crawler.OutputJSONL
		runJob(t, cfg, t.TempDir())
		lines := readIndex(t, out)
		if len(lines) != 3 {
			t.Fatalf("%d index lines, want 3", len(lines))
		}
		for _, l := range lines {
			if l.File != "" || !strings.Contains(l.Text, s.articleText(strings.TrimPrefix(l.URL, s.srv.URL))) {
				t.Errorf("jsonl line %+v: want text and no file", l)
			}
		}
		if files, _ := filepath.Glob(filepath.Join(out, "*.txt")); len(files) != 0 {
			t.Errorf("jsonl format wrote files %v", files)
		}
	})
	t.Run("RobotsSitemaps", func(t *testing.T) {
		s := newSite(t, 1, 1, "")
		s.robots = "User-agent: *\nAllow: /\nSitemap: " + s.url("/sitemap.xml") + "\n"
		cfg := job(s, filepath.Join(t.TempDir(), "out"))
		cfg.Seeds, cfg.Delay, cfg.RobotsSitemaps = []string{s.url("/section/0")}, -1, true
		runJob(t, cfg, t.TempDir())
		if got := requested(s); !got["/sitemap.xml"] || !got["/sitemap-only/4"] {
			t.Errorf("robots.txt sitemap not followed: %v", got)
		}
	})
}

// TestCrawl_CollyEnv checks that COLLY_* environment variables, which colly
// applies over settings made in code, change nothing.
func TestCrawl_CollyEnv(t *testing.T) {
	for k, v := range map[string]string{
		"COLLY_IGNORE_ROBOTSTXT": "yes", "COLLY_USER_AGENT": "evil/1", "COLLY_MAX_BODY_SIZE": "10",
		"COLLY_ALLOWED_DOMAINS": "example.com", "COLLY_MAX_REQUESTS": "2", "COLLY_DISABLE_COOKIES": "1",
		"COLLY_CACHE_DIR": t.TempDir(), "COLLY_DETECT_CHARSET": "y", "COLLY_PARSE_HTTP_ERROR_RESPONSE": "no",
	} {
		t.Setenv(k, v)
	}
	s := newSite(t, 1, 5, "User-agent: *\nDisallow: /news/0-2\n")
	out := filepath.Join(t.TempDir(), "out")
	cfg := job(s, out)
	cfg.Seeds, cfg.Delay = []string{s.url("/section/0")}, -1
	stats, _ := runJob(t, cfg, t.TempDir())
	for _, h := range s.hits() {
		if h.path == "/news/0-2" {
			t.Errorf("robots.txt ignored: %s requested", h.path)
		}
		if h.userAgent != crawler.DefaultUserAgent {
			t.Errorf("%s requested as %q, want %q", h.path, h.userAgent, crawler.DefaultUserAgent)
		}
	}
	if stats.Written != 4 {
		t.Errorf("written %d, want 4 (5 articles, 1 disallowed)", stats.Written)
	}
}

// TestCrawl_GzipSitemap reads gzip sitemaps (a .xml.gz file, a gzip
// Content-Encoding, both at once, a .gz name on plain XML) and bounds what
// decompression may hold: a sitemap of 64 MiB once decompressed fails with
// ErrTooLarge under a 1 MiB limit without allocating its size.
func TestCrawl_GzipSitemap(t *testing.T) {
	for _, seed := range []string{"/sitemap.xml.gz", "/plain-sitemap.xml.gz", "/encoded-sitemap.xml", "/double-sitemap.xml.gz"} {
		t.Run(strings.TrimPrefix(seed, "/"), func(t *testing.T) {
			s := newSite(t, 1, 1, "User-agent: *\nDisallow: /private/\n")
			out := filepath.Join(t.TempDir(), "out")
			cfg := job(s, out)
			cfg.Seeds, cfg.Delay = []string{s.url(seed)}, -1
			runJob(t, cfg, t.TempDir())
			written := map[string]int{}
			for _, l := range readIndex(t, out) {
				written[strings.TrimPrefix(l.URL, s.srv.URL)]++
			}
			for i := range 5 {
				if p := fmt.Sprintf("/sitemap-only/%d", i); written[p] != 1 {
					t.Errorf("%s written %d times, want 1 (index: %v)", p, written[p], written)
				}
			}
		})
	}
	t.Run("corrupt", func(t *testing.T) {
		s := newSite(t, 1, 1, "")
		cfg := job(s, filepath.Join(t.TempDir(), "out"))
		cfg.Seeds, cfg.Delay, cfg.Retries = []string{s.url("/corrupt-sitemap.xml.gz"), s.url("/news/0-0")}, -1, 0
		_, ev := runJob(t, cfg, t.TempDir())
		if evs := ev.find(crawler.EventFailed, "/corrupt-sitemap.xml.gz"); len(evs) != 1 || !strings.Contains(evs[0].Err.Error(), "gzip") {
			t.Errorf("corrupt gzip: events %v, want one failure naming gzip", evs)
		}
		if evs := ev.find(crawler.EventWritten, "/news/0-0"); len(evs) != 1 {
			t.Errorf("/news/0-0 written %d times, want 1: one bad seed stops nothing", len(evs))
		}
	})
	t.Run("bomb", func(t *testing.T) {
		s := newSite(t, 1, 1, "")
		cfg := job(s, filepath.Join(t.TempDir(), "out"))
		// A healthy seed too: a run whose every seed fails is a failed run.
		cfg.Seeds, cfg.Delay, cfg.MaxBodySize = []string{s.url("/bomb-sitemap.xml.gz"), s.url("/news/0-0")}, -1, 1<<20
		gzipBomb() // built before the count starts
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, ev := runJob(t, cfg, t.TempDir())
		runtime.ReadMemStats(&after)
		if evs := ev.find(crawler.EventFailed, "/bomb-sitemap.xml.gz"); len(evs) != 1 || !errors.Is(evs[0].Err, fetch.ErrTooLarge) {
			t.Errorf("gzip bomb: events %v, want one failure with ErrTooLarge", evs)
		}
		t.Logf("%d MiB allocated", (after.TotalAlloc-before.TotalAlloc)>>20)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
			t.Errorf("gzip bomb: %d MiB allocated, want the 1 MiB limit to hold decompression", alloc>>20)
		}
	})
}

// TestCrawl_OutputFails stops the run when an article cannot be written, and
// loses nothing: the next run writes everything once.
func TestCrawl_OutputFails(t *testing.T) {
	s := newSite(t, 1, 3, "")
	out, state := filepath.Join(t.TempDir(), "out"), t.TempDir()
	// A non-empty directory where an article file must go: rename fails.
	blocker := filepath.Join(out, output.FileName(s.url("/news/0-1")))
	if err := os.MkdirAll(filepath.Join(blocker, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := job(s, out)
	cfg.Seeds, cfg.Delay, cfg.Workers = []string{s.url("/section/0")}, -1, 1
	cr, closeState := newCrawler(t, cfg, state, nil)
	_, err := cr.Run(t.Context())
	closeState()
	if err == nil || !strings.Contains(err.Error(), "output failed") {
		t.Fatalf("Run = %v, want the output failure", err)
	}
	os.RemoveAll(blocker)
	stats, _ := runJob(t, cfg, state)
	if !stats.Resumed {
		t.Errorf("second run did not resume the stopped one")
	}
	lines := readIndex(t, out)
	urls := map[string]int{}
	for _, l := range lines {
		urls[l.URL]++
	}
	for j := range 3 {
		if u := s.url(fmt.Sprintf("/news/0-%d", j)); urls[u] != 1 {
			t.Errorf("%s indexed %d times, want 1", u, urls[u])
		}
	}
}

// TestCrawl_HostTrap: a host that makes up URLs without end (a calendar
// whose every day links to the next days) gets max_pages_per_host URLs
// of the run and no more, and the other host of the job is crawled whole
// although the trap's links came first.
func TestCrawl_HostTrap(t *testing.T) {
	trap := newHostile(t)
	trap.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		d, _ := strconv.Atoi(r.URL.Query().Get("d"))
		var b strings.Builder
		for i := 1; i <= 30; i++ {
			fmt.Fprintf(&b, `<a href="/cal?d=%d">day %d</a> `, d+i, d+i)
		}
		page(w, b.String())
	})
	s := newSite(t, 1, 5, "")
	cfg := job(s, filepath.Join(t.TempDir(), "out"))
	cfg.Seeds = []string{trap.url("/"), s.url("/section/0")}
	cfg.Scope.Hosts = []string{trap.host(), s.host()}
	cfg.Delay, cfg.MaxPages, cfg.MaxPagesPerHost = -1, 60, 10
	stats, _ := runJob(t, cfg, t.TempDir())
	if n := trap.count("/") - trap.count("/robots.txt"); n != 10 {
		t.Errorf("trap host: %d URLs requested, want max_pages_per_host 10", n)
	}
	if stats.Written != 5 {
		t.Errorf("written %d articles of the other host, want its 5", stats.Written)
	}
}
