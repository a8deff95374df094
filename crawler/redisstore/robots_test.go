package redisstore_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/redisstore"
	"github.com/winnowhq/winnow/crawler/redisstore/redistest"
	"github.com/winnowhq/winnow/crawler/urls"
	"github.com/winnowhq/winnow/internal/loopback"
)

// robotsSite is a host serving robots.txt with a given status and body,
// and articles /a/N, counting requests.
type robotsSite struct {
	status int
	body   string

	mu     sync.Mutex
	robots int            // robots.txt requests
	pages  map[string]int // page requests by worker (User-Agent)
}

func (s *robotsSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if r.URL.Path == "/robots.txt" {
		s.robots++
	} else {
		s.pages[r.UserAgent()]++
	}
	s.mu.Unlock()
	if r.URL.Path == "/robots.txt" {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(s.status)
		fmt.Fprint(w, s.body)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<html><head><title>%s</title><meta property="og:type" content="article"></head>
<body><article><p>Text of %s.</p></article><a href="/private/x">private</a></body></html>`, r.URL.Path, r.URL.Path)
}

func (s *robotsSite) counts() (robots int, pages map[string]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	pages = map[string]int{}
	for k, v := range s.pages {
		pages[k] = v
	}
	return s.robots, pages
}

// TestDistributedCrawl_RobotsOncePerHost: three workers crawl two hosts
// through one Redis, each worker fetching pages of both hosts. robots.txt
// is read by one worker per host and its answer shared: one request per
// host whatever the number of workers, with RFC 9309's semantics for all
// of them (rules obeyed, a 4xx allows all, a 5xx disallows the host after
// the retries, which are shared too: Retries+1 requests in all).
func TestDistributedCrawl_RobotsOncePerHost(t *testing.T) {
	srv := redistest.Start(t)
	const perHost, nWorkers = 150, 3
	for _, tc := range []struct {
		name     string
		status   int
		body     string
		requests int // robots.txt requests per host
		pages    int // pages fetched per host, all workers together
	}{
		{"200", 200, "User-agent: *\nDisallow: /private/\n", 1, perHost},
		{"404", 404, "no such file", 1, perHost + 1},
		{"503", 503, "overloaded", 2, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sites := []*robotsSite{{status: tc.status, body: tc.body, pages: map[string]int{}}, {status: tc.status, body: tc.body, pages: map[string]int{}}}
			var seeds, hosts []string
			for _, s := range sites {
				h := loopback.Serve(t, s)
				hosts = append(hosts, strings.TrimPrefix(h.URL, "http://"))
				for i := range perHost {
					seeds = append(seeds, fmt.Sprintf("%s/a/%d", h.URL, i))
				}
			}
			job := "robots-" + tc.name
			var wg sync.WaitGroup
			errs := make([]error, nWorkers)
			for w := range nWorkers {
				st, err := redisstore.Open(t.Context(), srv.URL(), redisstore.Options{Job: job, Worker: fmt.Sprint("w", w)})
				if err != nil {
					t.Fatal(err)
				}
				defer st.Close()
				cr, err := crawler.New(crawler.Config{
					Name: job, Seeds: seeds, Scope: urls.Scope{Hosts: hosts},
					Politeness: crawler.Politeness{UserAgent: fmt.Sprint("winnow-test/w", w), Delay: 5 * time.Millisecond, Workers: 2},
					Limits:     crawler.Limits{Timeout: 5 * time.Second},
					Retry:      crawler.Retry{Retries: 1, RetryBase: 100 * time.Millisecond},
					Output:     crawler.Output{OutputDir: filepath.Join(t.TempDir(), "out")},
				}, st, func(_ context.Context, p *crawler.Page) (string, string, error) {
					return "T", "text of " + p.URL, nil
				}, nil)
				if err != nil {
					t.Fatal(err)
				}
				wg.Go(func() {
					ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
					defer cancel()
					_, errs[w] = cr.Run(ctx)
				})
			}
			wg.Wait()
			for w, err := range errs {
				if err != nil && !(tc.status == 503 && errors.Is(err, crawler.ErrRunFailed)) {
					t.Errorf("worker %d: %v", w, err)
				}
			}
			for i, s := range sites {
				robots, pages := s.counts()
				n := 0
				for _, c := range pages {
					n += c
				}
				if robots != tc.requests || n != tc.pages {
					t.Errorf("host %d: %d robots.txt requests, %d pages (by worker: %v); want %d and %d",
						i, robots, n, pages, tc.requests, tc.pages)
				}
				if tc.pages > 0 && len(pages) < 2 {
					t.Errorf("host %d: pages fetched by %v only; the test wants several workers on each host", i, pages)
				}
			}
		})
	}
}
