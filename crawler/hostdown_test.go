package crawler_test

import (
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
)

// TestCrawl_HostDown: a host that answers its listing and then nothing but
// 5xx (it went down mid-run) gets max_host_failures fetches in a row and
// no more: its other pages fail at once (host_down), left for the next run,
// while the other host of the job is crawled whole.
func TestCrawl_HostDown(t *testing.T) {
	down := newHostile(t)
	down.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.Error(w, "down", http.StatusBadGateway)
			return
		}
		var b strings.Builder
		for i := range 40 {
			fmt.Fprintf(&b, `<a href="/p/%d">%d</a> `, i, i)
		}
		page(w, b.String())
	})
	s := newSite(t, 1, 5, "")
	var mu sync.Mutex
	reasons := map[string]int{}
	cfg := job(s, filepath.Join(t.TempDir(), "out"))
	cfg.Seeds = []string{down.url("/"), s.url("/section/0")}
	cfg.Scope.Hosts = []string{down.host(), s.host()}
	cfg.Delay, cfg.Retries, cfg.RetryBase, cfg.MaxHostFailures = -1, 1, time.Millisecond, 5
	cfg.MaxFailedShare = 1
	cfg.OnEvent = func(ev crawler.Event) {
		if ev.Kind == crawler.EventFailed {
			mu.Lock()
			reasons[ev.Reason]++
			mu.Unlock()
		}
	}
	st, err := run(t, t.Context(), cfg, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := down.count("/p/"); n != 5 {
		t.Errorf("down host: %d page requests, want max_host_failures 5", n)
	}
	if st.Written != 5 || reasons["host_down"] < 35 {
		t.Errorf("written %d (want the other host's 5), failed by reason %v (want 35 or more host_down)", st.Written, reasons)
	}
}
