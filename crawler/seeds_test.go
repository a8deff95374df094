package crawler_test

import (
	"errors"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/internal/loopback"
)

// TestCrawl_SeedRedirectsOutOfScope: a job whose every seed redirects out
// of its scope (the site moved to https or www., the job names the old
// address) crawls nothing: the run fails, naming the redirect, instead of
// succeeding hour after hour with nothing done. A seed that redirects out of
// scope beside one that works is skipped, and the run succeeds.
func TestCrawl_SeedRedirectsOutOfScope(t *testing.T) {
	h := newHostile(t)
	elsewhere := loopback.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page(w, `<article><p>The site's new home.</p></article>`)
	}))
	h.mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere.URL+"/", http.StatusMovedPermanently)
	})
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<article><p>A story told at some length.</p></article>`)
	})
	for name, tc := range map[string]struct {
		seeds  []string
		failed bool
	}{
		"every-seed": {[]string{"/old"}, true},
		"one-of-two": {[]string{"/old", "/"}, false},
	} {
		t.Run(name, func(t *testing.T) {
			cfg := hostileJob(h, filepath.Join(t.TempDir(), "out"), tc.seeds...)
			cfg.Delay, cfg.Retries, cfg.Timeout = -1, -1, 5*time.Second
			st, err := run(t, t.Context(), cfg, t.TempDir(), nil)
			if !tc.failed {
				if err != nil || st.Skipped != 1 || st.Written != 1 {
					t.Errorf("run = %+v, %v; want the redirect skipped and the page written", st.Outcomes, err)
				}
				return
			}
			if !errors.Is(err, crawler.ErrRunFailed) || !strings.Contains(err.Error(), `/old redirects to "`+elsewhere.URL+`/": out of the job's scope`) {
				t.Errorf("run = %+v, %v; want ErrRunFailed naming the redirect", st.Outcomes, err)
			}
		})
	}
}
