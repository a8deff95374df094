package crawler_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/boltstore"
	"github.com/winnowhq/winnow/crawler/fetch"
	"github.com/winnowhq/winnow/crawler/output"
	"github.com/winnowhq/winnow/crawler/urls"
)

const testDelay = 10 * time.Millisecond

// job returns a config for s with small limits fit for tests.
func job(s *site, out string) crawler.Config {
	return crawler.Config{
		Name:  "test",
		Seeds: []string{s.url("/"), s.url("/sitemap.xml")},
		Scope: urls.Scope{Hosts: []string{s.host()}},
		Politeness: crawler.Politeness{
			Delay:   5 * time.Millisecond, // robots.txt's Crawl-delay is larger and wins
			Workers: 4,
		},
		Limits: crawler.Limits{
			Timeout:     500 * time.Millisecond, // 10× an ordinary page on a loaded machine
			MaxBodySize: 1 << 20,
		},
		Retry:  crawler.Retry{Retries: 2, RetryBase: 20 * time.Millisecond, MaxRetryAfter: 5 * time.Second},
		Output: crawler.Output{OutputDir: out},
	}
}

type events struct {
	mu  sync.Mutex
	all []crawler.Event
}

func (e *events) add(ev crawler.Event) {
	e.mu.Lock()
	e.all = append(e.all, ev)
	e.mu.Unlock()
}

func (e *events) find(kind crawler.EventKind, suffix string) []crawler.Event {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []crawler.Event
	for _, ev := range e.all {
		if ev.Kind == kind && strings.HasSuffix(ev.URL, suffix) {
			out = append(out, ev)
		}
	}
	return out
}

// newCrawler opens the state in stateDir and makes a crawler of cfg on it,
// extracting with extract (extractArticle when nil); close closes the state.
func newCrawler(tb testing.TB, cfg crawler.Config, stateDir string, extract crawler.Extract) (cr *crawler.Crawler, close func()) {
	tb.Helper()
	st, err := boltstore.Open(filepath.Join(stateDir, "crawl.db"))
	if err != nil {
		tb.Fatal(err)
	}
	if extract == nil {
		extract = extractArticle
	}
	cr, err = crawler.New(cfg, st, extract, nil)
	if err != nil {
		st.Close()
		tb.Fatal(err)
	}
	return cr, func() { st.Close() }
}

func runJob(t *testing.T, cfg crawler.Config, stateDir string) (crawler.Stats, *events) {
	t.Helper()
	ev := &events{}
	cfg.OnEvent = ev.add
	cr, closeState := newCrawler(t, cfg, stateDir, nil)
	defer closeState()
	stats, err := cr.Run(t.Context())
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return stats, ev
}

func readIndex(t testing.TB, dir string) []output.IndexLine {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, output.IndexFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []output.IndexLine
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l output.IndexLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("index line %q: %v", sc.Text(), err)
		}
		out = append(out, l)
	}
	return out
}

// checkOutput asserts every article of s is written exactly once, to a file
// holding its current text, and nothing else is.
func checkOutput(t *testing.T, s *site, out string) {
	t.Helper()
	lines := readIndex(t, out)
	byURL := map[string]output.IndexLine{}
	for _, l := range lines {
		if _, dup := byURL[l.URL]; dup && l.Status != "changed" {
			t.Errorf("index: %s written twice", l.URL)
		}
		byURL[l.URL] = l
	}
	want := s.articles()
	for _, p := range want {
		l, ok := byURL[s.url(p)]
		if !ok {
			t.Errorf("index: article %s missing", p)
			continue
		}
		data, err := os.ReadFile(filepath.Join(out, l.File))
		if err != nil {
			t.Errorf("article %s: %v", p, err)
			continue
		}
		if p == "/latin1" || p == "/wrong-charset" {
			continue // checked by TestCrawl_Charset
		}
		if !strings.Contains(string(data), s.articleText(p)) || !strings.HasPrefix(string(data), "Title "+p+"\n\n") {
			t.Errorf("article %s holds %q, want title and %q", p, data, s.articleText(p))
		}
	}
	if len(byURL) != len(want) {
		var extra []string
		for u := range byURL {
			if !slices.Contains(want, strings.TrimPrefix(u, s.srv.URL)) {
				extra = append(extra, u)
			}
		}
		t.Errorf("index holds %d articles, want %d; extra: %v", len(byURL), len(want), extra)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.txt"))
	if len(files) != len(want) {
		t.Errorf("output dir holds %d .txt files, want %d", len(files), len(want))
	}
	if tmps, _ := filepath.Glob(filepath.Join(out, ".tmp-*")); len(tmps) > 0 {
		t.Errorf("temp files left: %v", tmps)
	}
}

const robotsTxt = "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.01\n\nUser-agent: otherbot\nDisallow: /\n"

func TestCrawl_Site(t *testing.T) {
	s := newSite(t, 8, 20, robotsTxt) // 160 articles, 8 sections, their amp twins: ~360 pages
	out, state := filepath.Join(t.TempDir(), "out"), t.TempDir()
	stats, ev := runJob(t, job(s, out), state)

	t.Run("Robots", func(t *testing.T) {
		hits := s.hits()
		if hits[0].path != "/robots.txt" {
			t.Errorf("first request %s, want /robots.txt", hits[0].path)
		}
		for _, h := range hits {
			if strings.HasPrefix(h.path, "/private/") {
				t.Errorf("disallowed %s requested", h.path)
			}
		}
		if len(ev.find(crawler.EventSkipped, "/private/admin")) != 1 {
			t.Errorf("no skipped event for /private/admin")
		}
	})
	t.Run("Delay", func(t *testing.T) {
		// Arrival order: the log is in the order handlers end, and a
		// handler still writing a body the crawler gave up on (too large)
		// ends after the next request has arrived.
		hits := s.hits()
		slices.SortStableFunc(hits, func(a, b hit) int { return a.at.Compare(b.at) })
		for i := 1; i < len(hits); i++ {
			// The delay runs from the end of a response, so arrivals are
			// spaced by at least the delay whatever the latency. Arrival
			// times are taken in the handler, after the server's goroutine
			// is scheduled, so each carries a little jitter: a tenth of the
			// delay is allowed for it (one CI run saw 9.6 ms for 10 ms).
			if gap := hits[i].at.Sub(hits[i-1].at); gap < testDelay-testDelay/10 {
				t.Errorf("%s then %s after %v, want at least the Crawl-delay %v", hits[i-1].path, hits[i].path, gap, testDelay)
			}
		}
	})
	t.Run("Output", func(t *testing.T) { checkOutput(t, s, out) })
	t.Run("OncePerURL", func(t *testing.T) {
		seen := map[string]int{}
		for _, h := range s.hits() {
			seen[h.path]++
			if strings.Contains(h.path, "utm_") {
				t.Errorf("tracking parameters not dropped: %s", h.path)
			}
		}
		for p, n := range seen {
			want := 1
			switch p {
			case "/flaky":
				want = 3 // 500, 500, 200
			case "/busy":
				want = 2 // 429, 200
			case "/slow":
				want = 3 // timeout, then two retries
			}
			if n != want {
				t.Errorf("%s requested %d times, want %d", p, n, want)
			}
		}
	})
	t.Run("RetryAfter", func(t *testing.T) {
		var first, second time.Time
		for _, h := range s.hits() {
			if h.path == "/busy" {
				if first.IsZero() {
					first = h.at
				} else {
					second = h.at
				}
			}
		}
		if second.Sub(first) < time.Second {
			t.Errorf("/busy retried after %v, want at least Retry-After 1s", second.Sub(first))
		}
	})
	t.Run("Failures", func(t *testing.T) {
		for _, c := range []struct {
			path string
			kind crawler.EventKind
			err  error
		}{
			{"/huge", crawler.EventFailed, fetch.ErrTooLarge},
			{"/huge-chunked", crawler.EventFailed, fetch.ErrTooLarge},
			{"/files/report", crawler.EventSkipped, fetch.ErrNotHTML},
			{"/img/logo", crawler.EventSkipped, fetch.ErrNotHTML},
			{"/slow", crawler.EventFailed, nil},
			{"/gone", crawler.EventFailed, nil},
			{"/moved", crawler.EventSkipped, nil}, // redirect out of scope
		} {
			evs := ev.find(c.kind, c.path)
			if len(evs) != 1 {
				t.Errorf("%s: %d %v events, want 1", c.path, len(evs), c.kind)
				continue
			}
			if c.err != nil && !errors.Is(evs[0].Err, c.err) {
				t.Errorf("%s: error %v, want %v", c.path, evs[0].Err, c.err)
			}
			// The URL once, not "get URL: get URL: ...".
			if evs[0].Err != nil && strings.Count(evs[0].Err.Error(), evs[0].URL) > 1 {
				t.Errorf("%s: error %q names the URL twice", c.path, evs[0].Err)
			}
		}
		if n := len(ev.find(crawler.EventFollowed, "/loop/a")) + len(ev.find(crawler.EventFollowed, "/loop/b")); n != 2 {
			t.Errorf("redirect loop: %d followed events, want 2 (each URL once)", n)
		}
	})
	if t.Failed() {
		t.Logf("stats: %+v", stats)
	}

	t.Run("RerunUnchanged", func(t *testing.T) {
		before := len(s.hits())
		mtimes := modTimes(t, out)
		s.bump("/news/3-4")
		cfg := job(s, out)
		cfg.Recheck = -1 // revalidate every known article, as if their intervals had passed
		stats, _ := runJob(t, cfg, state)
		if stats.Written != 1 || stats.Changed != 1 {
			t.Errorf("re-run wrote %d (%d changed), want exactly the 1 changed article", stats.Written, stats.Changed)
		}
		lines := readIndex(t, out)
		last := lines[len(lines)-1]
		if last.Status != "changed" || last.URL != s.url("/news/3-4") {
			t.Errorf("last index line %+v, want /news/3-4 changed", last)
		}
		notModified := 0
		for _, h := range s.hits()[before:] {
			if strings.HasPrefix(h.path, "/news/") && !strings.Contains(h.path, "amp") {
				if h.ifNoneMatch == "" {
					t.Errorf("re-run: %s without If-None-Match", h.path)
				}
				if h.status == 304 {
					notModified++
				}
			}
		}
		if notModified != 159 {
			t.Errorf("re-run: %d articles answered 304, want 159", notModified)
		}
		for f, m := range modTimes(t, out) {
			if f != lines[len(lines)-1].File && f != output.IndexFile && f != output.LockFile && !m.Equal(mtimes[f]) {
				t.Errorf("re-run rewrote %s", f)
			}
		}
		checkOutput(t, s, out)
	})

	t.Run("RerunRestoresDeletedFile", func(t *testing.T) {
		lines := readIndex(t, out)
		victim := lines[0]
		if err := os.Remove(filepath.Join(out, victim.File)); err != nil {
			t.Fatal(err)
		}
		stats, _ := runJob(t, job(s, out), state)
		if stats.Written != 1 {
			t.Errorf("re-run wrote %d, want the 1 deleted article", stats.Written)
		}
		if _, err := os.Stat(filepath.Join(out, victim.File)); err != nil {
			t.Errorf("deleted article not restored: %v", err)
		}
		if l := readIndex(t, out); l[len(l)-1].URL != victim.URL || l[len(l)-1].Status != "new" {
			t.Errorf("last index line %+v, want %s as new", l[len(l)-1], victim.URL)
		}
	})
}

func modTimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]time.Time{}
	for _, e := range ents {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = fi.ModTime()
	}
	return m
}

func TestCrawl_Charset(t *testing.T) {
	s := newSite(t, 1, 1, "")
	out := filepath.Join(t.TempDir(), "out")
	cfg := job(s, out)
	cfg.Seeds, cfg.Delay = []string{s.url("/latin1"), s.url("/wrong-charset")}, -1
	runJob(t, cfg, t.TempDir())
	lines := readIndex(t, out)
	want := map[string]string{
		"/latin1":        "Café\n\nUn café crème au marché.",
		"/wrong-charset": "Naïve\n\nA naïve résumé – with a dash.",
	}
	for _, l := range lines {
		p := strings.TrimPrefix(l.URL, s.srv.URL)
		if w, ok := want[p]; ok {
			data, err := os.ReadFile(filepath.Join(out, l.File))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(string(data)); got != w {
				t.Errorf("%s: got %q, want %q", p, got, w)
			}
			delete(want, p)
		}
	}
	for p := range want {
		t.Errorf("%s not written", p)
	}
}

func TestCrawl_Interrupt(t *testing.T) {
	s := newSite(t, 5, 20, "User-agent: *\nCrawl-delay: 0.01\n")
	out, state := filepath.Join(t.TempDir(), "out"), t.TempDir()
	cfg := job(s, out)
	ctx, cancel := context.WithCancel(t.Context())
	cfg.OnEvent = func(ev crawler.Event) {
		if ev.Kind == crawler.EventWritten && strings.HasSuffix(ev.URL, "/news/1-5") {
			cancel()
		}
	}
	cr, closeState := newCrawler(t, cfg, state, nil)
	stats, err := cr.Run(ctx)
	closeState()
	if err != nil || !stats.Interrupted {
		t.Fatalf("Run = %+v, %v; want interrupted, no error", stats, err)
	}
	stats2, _ := runJob(t, job(s, out), state)
	if !stats2.Resumed {
		t.Errorf("second run did not resume")
	}
	if stats.Written+stats2.Written != int64(len(s.articles())) {
		t.Errorf("written %d + %d, want %d", stats.Written, stats2.Written, len(s.articles()))
	}
	checkOutput(t, s, out)
}

// TestCrawl_Recheck: a re-run requests no article checked within its
// revisit interval, still reaches every article through the listing pages,
// and writes nothing; once the interval has passed, articles get conditional
// requests again, and each one found unchanged has its interval doubled.
func TestCrawl_Recheck(t *testing.T) {
	s := newSite(t, 3, 10, "User-agent: *\nDisallow: /private/\n")
	s.plain = true
	const articles = 35 // 3×10 through the sections, 5 through the feed
	isArticle := func(p string) bool { return strings.HasPrefix(p, "/news/") || strings.HasPrefix(p, "/feed-only/") }
	articleHits := func(from int) (n int, unconditional []string) {
		for _, h := range s.hits()[from:] {
			if isArticle(h.path) {
				n++
				if h.ifNoneMatch == "" {
					unconditional = append(unconditional, h.path)
				}
			}
		}
		return n, unconditional
	}
	run := func(recheck time.Duration, state, out string) crawler.Stats {
		cfg := job(s, out)
		cfg.Seeds = cfg.Seeds[:1] // the home page: sections and feed, then articles
		cfg.Delay = -1
		cfg.Recheck = recheck
		st, _ := runJob(t, cfg, state)
		return st
	}

	t.Run("Within", func(t *testing.T) { // the default interval, 1h
		out, state := filepath.Join(t.TempDir(), "out"), t.TempDir()
		if first := run(0, state, out); first.Written != articles {
			t.Fatalf("first run wrote %d articles, want %d", first.Written, articles)
		}
		before := len(s.hits())
		second := run(0, state, out)
		if n, _ := articleHits(before); n > 0 {
			t.Errorf("re-run requested %d articles fetched a moment ago", n)
		}
		if second.Written != 0 || second.Unchanged != articles {
			t.Errorf("re-run: %d written, %d unchanged, want 0 and %d", second.Written, second.Unchanged, articles)
		}
		if lines := readIndex(t, out); len(lines) != articles {
			t.Errorf("index holds %d lines after the re-run, want %d", len(lines), articles)
		}
	})
	t.Run("Past", func(t *testing.T) { // a 1 ms interval, long past at the re-run
		out, state := filepath.Join(t.TempDir(), "out"), t.TempDir()
		run(time.Millisecond, state, out)
		time.Sleep(5 * time.Millisecond)
		before := len(s.hits())
		second := run(time.Millisecond, state, out)
		n, unconditional := articleHits(before)
		if n != articles || len(unconditional) > 0 || second.Written != 0 {
			t.Errorf("past the interval: %d article requests (%d without a validator), %d written; want %d conditional and 0",
				n, len(unconditional), second.Written, articles)
		}
		st, err := boltstore.Open(filepath.Join(state, "crawl.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		prev, ok, err := st.State(t.Context(), s.url("/news/1-1"))
		if err != nil || !ok || !prev.CheckedAt.After(prev.FetchedAt) || prev.Recheck != 2*time.Millisecond {
			t.Errorf("state after a 304: %+v, %v, %v; want CheckedAt after FetchedAt and the interval doubled to 2ms", prev, ok, err)
		}
	})
	t.Run("Off", func(t *testing.T) { // recheck -1: every run
		out, state := filepath.Join(t.TempDir(), "out"), t.TempDir()
		run(-1, state, out)
		before := len(s.hits())
		run(-1, state, out)
		if n, unconditional := articleHits(before); n != articles || len(unconditional) > 0 {
			t.Errorf("recheck off: %d article requests (%d without a validator), want %d conditional", n, len(unconditional), articles)
		}
	})
}

// TestCrawl_WriteAllListings: with output.pages: all, a link-only section
// page has no text to write; it is followed, not failed (a failed page
// makes every run exit 3).
func TestCrawl_WriteAllListings(t *testing.T) {
	s := newSite(t, 2, 3, robotsTxt)
	out, state := filepath.Join(t.TempDir(), "out"), t.TempDir()
	cfg := job(s, out)
	cfg.WriteAll = true
	stats, ev := runJob(t, cfg, state)
	for _, e := range ev.find(crawler.EventFailed, "") {
		if strings.Contains(e.Err.Error(), "no text") {
			t.Errorf("%s failed: %v, want followed", e.URL, e.Err)
		}
	}
	if len(ev.find(crawler.EventFollowed, "/")) == 0 {
		t.Errorf("the home page was not followed")
	}
	if stats.Written < int64(len(s.articles())) {
		t.Errorf("%d pages written, want at least the %d articles", stats.Written, len(s.articles()))
	}
}
