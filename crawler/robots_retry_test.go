package crawler_test

import (
	"errors"
	"net/http"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/internal/loopback"
)

// TestRobots_AskedAgain: a robots.txt that cannot be read for a while (a
// 429 with Retry-After, 5xx) is asked again after a backoff within the run,
// not taken as disallow-all for the rest of it; only when it stays
// unreadable through Config.Retries, or asks for more than
// Config.MaxRetryAfter, is the host given up (ErrRobotsUnavailable).
func TestRobots_AskedAgain(t *testing.T) {
	const ok = 0 // answer robots.txt with its rules
	for _, tc := range []struct {
		name    string
		answers []int  // robots.txt's statuses, in turn; the last repeats
		after   string // Retry-After of a failing answer
		retries int
		asked   int  // robots.txt requests
		crawled bool // the pages were fetched
	}{
		{"429-then-ok", []int{429, ok}, "1", 3, 2, true},
		{"503-twice-then-ok", []int{503, 503, ok}, "", 3, 3, true},
		{"429-ever", []int{429}, "", 2, 3, false},
		{"no-retries", []int{503, ok}, "", -1, 1, false},
		{"retry-after-over-limit", []int{429, ok}, "3600", 3, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			var asked []time.Time
			pages := 0
			srv := loopback.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				defer mu.Unlock()
				if r.URL.Path != "/robots.txt" {
					pages++
					page(w, `<article><p>A story worth reading, told at length.</p></article>`)
					return
				}
				n := len(asked)
				asked = append(asked, time.Now())
				st := tc.answers[min(n, len(tc.answers)-1)]
				if st == ok {
					w.Write([]byte("User-agent: *\nAllow: /\n"))
					return
				}
				if tc.after != "" {
					w.Header().Set("Retry-After", tc.after)
				}
				http.Error(w, "busy", st)
			}))
			cfg := crawler.Config{Seeds: []string{srv.URL + "/", srv.URL + "/a"}}
			cfg.Name, cfg.Delay, cfg.Timeout, cfg.OutputDir = "robots-again", -1, 5*time.Second, filepath.Join(t.TempDir(), "out")
			cfg.Retries, cfg.RetryBase, cfg.MaxRetryAfter = tc.retries, 20*time.Millisecond, 10*time.Second
			st, err := run(t, t.Context(), cfg, t.TempDir(), nil)
			mu.Lock()
			defer mu.Unlock()
			if len(asked) != tc.asked {
				t.Errorf("robots.txt asked %d times, want %d", len(asked), tc.asked)
			}
			if tc.after == "1" && len(asked) >= 2 && asked[1].Sub(asked[0]) < 900*time.Millisecond {
				t.Errorf("robots.txt asked again after %v, before its Retry-After of 1s", asked[1].Sub(asked[0]))
			}
			if tc.crawled {
				if err != nil || st.Written != 2 || pages != 2 {
					t.Errorf("run = %+v, %v, %d pages requested; want both pages written", st.Outcomes, err, pages)
				}
				return
			}
			if !errors.Is(err, crawler.ErrRunFailed) || pages != 0 {
				t.Errorf("run = %+v, %v, %d pages requested; want none and ErrRunFailed", st.Outcomes, err, pages)
			}
		})
	}
}
