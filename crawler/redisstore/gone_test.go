package redisstore_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/redisstore"
	"github.com/winnowhq/winnow/crawler/redisstore/redistest"
	"github.com/winnowhq/winnow/crawler/urls"
	"github.com/winnowhq/winnow/internal/loopback"
)

// TestCrawl_RedisGone: Redis stops for good in the middle of a crawl. The
// run ends on its own, soon after the store's RetryFor, with an error that
// names Redis and what failed; no panic, no hang.
func TestCrawl_RedisGone(t *testing.T) {
	srv := redistest.Start(t)
	site := newNewsSite(t, 1, 4, 40, 5*time.Millisecond)
	st, err := redisstore.Open(t.Context(), srv.URL()+"?retry_for=500ms", redisstore.Options{Job: "gone", Worker: "w"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var pages atomic.Int64
	stopped := make(chan struct{})
	cr, err := crawler.New(crawler.Config{
		Name: "gone", Seeds: site.seeds(), Scope: urls.Scope{Hosts: site.hostNames()},
		Politeness: crawler.Politeness{Delay: -1, Workers: 2},
		Limits:     crawler.Limits{Timeout: 5 * time.Second},
		Output:     crawler.Output{OutputDir: filepath.Join(t.TempDir(), "out")},
		OnEvent: func(crawler.Event) {
			if pages.Add(1) == 20 {
				go func() { srv.Stop(); close(stopped) }()
			}
		},
	}, st, func(_ context.Context, p *crawler.Page) (string, string, error) {
		return "T", "text of " + p.URL, nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	start := time.Now()
	_, err = cr.Run(ctx)
	<-stopped
	if ctx.Err() != nil {
		t.Fatalf("Run still going after %v with Redis gone", time.Since(start))
	}
	if err == nil || !strings.Contains(err.Error(), `job "gone": `) || !strings.Contains(err.Error(), "redis") {
		t.Errorf("Run = %v, want an error naming the job and Redis", err)
	}
	t.Logf("Run ended after %v: %v", time.Since(start).Round(time.Millisecond), err)
}

// TestLibraryLog: go-redis's own lines (a failed dial) go to the program's
// logger, at debug level and in its format, not to stderr as plain text.
func TestLibraryLog(t *testing.T) {
	// A file: the pool's goroutines may still write while the test reads.
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	redisstore.LibraryLog(slog.New(slog.NewJSONHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug})))
	defer redisstore.LibraryLog(slog.New(slog.DiscardHandler))
	_, err = redisstore.Open(t.Context(), "redis://"+loopback.FreeAddr(t)+"/0?retry_for=100ms", redisstore.Options{Job: "log", Worker: "w"})
	if err == nil {
		t.Fatal("Open of a closed port succeeded")
	}
	b, _ := os.ReadFile(f.Name())
	if out := string(b); !strings.Contains(out, `"level":"DEBUG","msg":"connection pool: failed to dial`) || !strings.Contains(out, `"from":"go-redis"`) {
		t.Errorf("go-redis logged %q, want its dial failures as JSON debug records", out)
	}
}
