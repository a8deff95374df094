package crawler_test

import (
	"fmt"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/urls"
	"github.com/winnowhq/winnow/internal/loopback"
)

// capSite is a front page linking to ten articles, /a/0 to /a/9; /a/9 is
// larger than 64 KiB. Apart, it holds a chain of pages /p/0 → /p/1 → ...:
// each /p/N links to /p/N+1 (twice), to a leaf article /q/N+1 and back to
// /p/0; each /q/N links to /p/N again. It returns its root URL.
func capSite(t *testing.T) (root, host string) {
	srv := loopback.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch p := r.URL.Path; {
		case p == "/":
			fmt.Fprint(w, "<html><head><title>Front</title></head><body>")
			for i := range 10 {
				fmt.Fprintf(w, `<a href="/a/%d">story %d</a> <a href="/a/%d#again">again</a>`, i, i, i)
			}
			fmt.Fprint(w, "</body></html>")
		case strings.HasPrefix(p, "/a/"):
			pad := ""
			if p == "/a/9" {
				pad = strings.Repeat("x", 70<<10)
			}
			fmt.Fprintf(w, `<html><head><title>%s</title><meta property="og:type" content="article"></head><body><article><p>Text of %s.%s</p></article></body></html>`, p, p, pad)
		case strings.HasPrefix(p, "/p/"):
			n := chainStep(p)
			fmt.Fprintf(w, `<html><head><title>Page %d</title></head><body><a href="/p/%d">next</a> <a href="/p/%d#again">next</a> <a href="/q/%d">leaf</a> <a href="/p/0">top</a></body></html>`, n, n+1, n+1, n+1)
		case strings.HasPrefix(p, "/q/"):
			n := chainStep(p)
			fmt.Fprintf(w, `<html><head><title>Leaf %d</title><meta property="og:type" content="article"></head><body><article><p>Text of leaf %d.</p><a href="/p/%d">same depth</a></article></body></html>`, n, n, n)
		default:
			http.NotFound(w, r)
		}
	}))
	return srv.URL, strings.TrimPrefix(srv.URL, "http://")
}

// chainStep is N of /p/N or /q/N.
func chainStep(path string) int {
	n, _ := strconv.Atoi(path[3:])
	return n
}

// TestCrawl_CapsReported: a limit that cuts a run says so in Stats.Caps,
// with what it left unvisited: the distinct URLs found and never admitted
// (max_pages, max_pages_per_host; counted again from zero on the next
// run), the links left out of pages (max_links), or the pages that failed
// on it (max_body_size).
func TestCrawl_CapsReported(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(*crawler.Config)
		want string // Stats.Caps, joined
	}{
		{"max_pages", func(c *crawler.Config) { c.MaxPages = 4 }, "max_pages (4): 7 URLs left unvisited"},
		{"max_pages_per_host", func(c *crawler.Config) { c.MaxPagesPerHost = 5 }, "max_pages_per_host (5): 6 URLs left unvisited"},
		{"max_links", func(c *crawler.Config) { c.MaxLinks = 5 }, "max_links (5): 15 links left unread"},
		{"max_body_size", func(c *crawler.Config) { c.MaxBodySize = 64 << 10 }, "max_body_size (64KiB): 1 pages failed"},
		{"none", func(c *crawler.Config) {}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := capConfig(t, "/")
			tc.set(&cfg)
			checkCaps(t, cfg, tc.want)
		})
	}
}

// capConfig is a job crawling capSite from path, with no retries nor
// rechecks.
func capConfig(t *testing.T, path string) crawler.Config {
	root, host := capSite(t)
	return crawler.Config{
		Name: "caps", Seeds: []string{root + path}, Scope: urls.Scope{Hosts: []string{host}},
		Politeness: crawler.Politeness{Delay: -1, Workers: 2},
		Limits:     crawler.Limits{Timeout: 5 * time.Second, MaxFailedShare: 1},
		Retry:      crawler.Retry{Retries: -1},
		Revisit:    crawler.Revisit{Recheck: -1},
		Output:     crawler.Output{OutputDir: filepath.Join(t.TempDir(), "out")},
	}
}

// checkCaps runs cfg twice on one state, checks Stats.Caps (joined) of each
// run against want, and returns the runs' stats.
func checkCaps(t *testing.T, cfg crawler.Config, want string) []crawler.Stats {
	t.Helper()
	state := t.TempDir()
	var out []crawler.Stats
	for run := range 2 {
		st, _ := runJob(t, cfg, state)
		var got []string
		for _, c := range st.Caps {
			got = append(got, c.String())
		}
		if g := strings.Join(got, "; "); g != want {
			t.Errorf("run %d: Stats.Caps = %q, want %q", run+1, g, want)
		}
		out = append(out, st)
	}
	return out
}

// TestCrawl_MaxDepthReported: max_depth says how many distinct links it
// left unvisited, each once however many pages link to it, on every run.
// At max_depth 2, /p/0 to /p/2 and /q/1, /q/2 are fetched; /p/3 (linked
// from /p/2 twice and from /q/2) and /q/3 are refused.
func TestCrawl_MaxDepthReported(t *testing.T) {
	for _, tc := range []struct {
		depth int
		want  string
	}{
		{2, "max_depth (2): 2 links left unvisited"},
		{1, "max_depth (1): 2 links left unvisited"},
	} {
		t.Run(fmt.Sprint(tc.depth), func(t *testing.T) {
			cfg := capConfig(t, "/p/0")
			cfg.Scope.MaxDepth = tc.depth
			for run, st := range checkCaps(t, cfg, tc.want) {
				if want := int64(2 + 2*tc.depth); st.Fetched != want { // robots.txt and 1+2×depth pages
					t.Errorf("run %d: %d fetched, want %d", run+1, st.Fetched, want)
				}
			}
		})
	}
}
