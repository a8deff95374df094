package crawler_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// TestCrawl_TwoHosts checks that politeness is per host: each host keeps its
// own Crawl-delay while the two are crawled side by side.
func TestCrawl_TwoHosts(t *testing.T) {
	const delay = 30 * time.Millisecond
	a := newSite(t, 1, 10, "User-agent: *\nCrawl-delay: 0.03\n")
	b := newSite(t, 1, 10, "User-agent: *\nCrawl-delay: 0.03\n")
	cfg := job(a, filepath.Join(t.TempDir(), "out"))
	cfg.Seeds = []string{a.url("/section/0"), b.url("/section/0")}
	cfg.Scope.Hosts = []string{a.host(), b.host()}
	stats, _ := runJob(t, cfg, t.TempDir())
	if stats.Written != 20 {
		t.Errorf("written %d, want 20", stats.Written)
	}
	for _, s := range []*site{a, b} {
		hits := s.hits()
		for i := 1; i < len(hits); i++ {
			if gap := hits[i].at.Sub(hits[i-1].at); gap < delay {
				t.Errorf("%s: %s then %s after %v, want at least %v", s.host(), hits[i-1].path, hits[i].path, gap, delay)
			}
		}
	}
	// Per host, not global: requests to a and b come closer to each other
	// than the delay, which a single global delay would never allow.
	near := 0
	for _, x := range a.hits() {
		for _, y := range b.hits() {
			if d := x.at.Sub(y.at).Abs(); d < delay/2 {
				near++
			}
		}
	}
	if near < 5 {
		t.Errorf("%d pairs of requests to a and b closer than %v, want at least 5: hosts not crawled side by side", near, delay/2)
	}
}

// TestCrawl_SlowHostFirst puts a slow host's 150 articles at the head of the
// frontier: a second host further down must still be crawled side by side,
// not after the first.
func TestCrawl_SlowHostFirst(t *testing.T) {
	a := newSite(t, 1, 150, "User-agent: *\nCrawl-delay: 0.02\n")
	b := newSite(t, 1, 10, "")
	a.plain, b.plain = true, true
	cfg := job(a, filepath.Join(t.TempDir(), "out"))
	cfg.Delay = -1
	cfg.Scope.Hosts = []string{a.host(), b.host()}
	cfg.Seeds = nil
	for j := range 150 {
		cfg.Seeds = append(cfg.Seeds, a.url(fmt.Sprintf("/news/0-%d", j)))
	}
	cfg.Seeds = append(cfg.Seeds, b.url("/section/0"))
	runJob(t, cfg, t.TempDir())
	ha, hb := a.hits(), b.hits()
	if last, mid := hb[len(hb)-1].at, ha[len(ha)/2].at; !last.Before(mid) {
		t.Errorf("fast host finished %v after the slow host's midpoint: crawled after it, not beside it",
			last.Sub(mid).Round(time.Millisecond))
	}
}
