package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/winnowhq/winnow/crawler/boltstore"
	"github.com/winnowhq/winnow/crawler/output"
	"github.com/winnowhq/winnow/crawler/redisstore"
	"github.com/winnowhq/winnow/crawler/redisstore/redistest"
	"github.com/winnowhq/winnow/crawler/schedule"
)

func TestOpenStore(t *testing.T) {
	srv := redistest.Start(t)
	st, err := schedule.OpenStore(t.Context(), srv.URL(), "job", "w1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if rs, ok := st.(*redisstore.Store); !ok || rs.Worker() != "w1" {
		t.Errorf("%s opened %T, want a *redisstore.Store for worker w1", srv.URL(), st)
	}
	st.Close()
	dir := filepath.Join(t.TempDir(), "state")
	st, err = schedule.OpenStore(t.Context(), dir, "job", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st.(*boltstore.Store); !ok {
		t.Errorf("%s opened %T, want a *boltstore.Store", dir, st)
	}
	st.Close()
}

// TestRunCrawl_RedisState: two `winnow crawl` workers with their own job
// files and output dirs share one crawl through state.redis; every article
// is written once over both, and a re-run writes nothing.
func TestRunCrawl_RedisState(t *testing.T) {
	srv := redistest.Start(t)
	addr, _ := newsSiteN(t, nil, 30, 0)
	dir := t.TempDir()
	workers := []string{"a", "b"}
	jobs := map[string]string{}
	for _, w := range workers {
		// Both workers share one output dir: each writes its own index
		// segment (output.IndexSegment), which output.ReadIndex merges.
		src := fmt.Sprintf("name: shared\nseeds: [\"http://%s/\"]\npoliteness:\n  delay: 10ms\noutput:\n  dir: out\nstate:\n  redis: %s\n", addr, srv.URL())
		p := filepath.Join(dir, "job-"+w+".yaml")
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		jobs[w] = p
	}
	crawl := func() {
		var wg sync.WaitGroup
		for _, w := range workers {
			wg.Go(func() {
				e, stderr := testEnv()
				flag := "--worker"
				if w == "b" {
					flag = "--worker-id" // the name in issue 5
				}
				if err := runCrawl(t.Context(), []string{flag, w, "--no-progress", jobs[w]}, e); err != nil {
					t.Errorf("worker %s: %v\n%s", w, err, stderr)
				}
			})
		}
		wg.Wait()
	}
	count := func() map[string]int {
		n := map[string]int{}
		lines, err := output.ReadIndex(filepath.Join(dir, "out"))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range lines {
			n[l.URL]++
		}
		return n
	}
	crawl()
	got := count()
	if len(got) != 30 {
		t.Errorf("%d articles written, want 30", len(got))
	}
	for u, n := range got {
		if n != 1 {
			t.Errorf("%s written %d times", u, n)
		}
	}
	crawl()
	total := 0
	for _, n := range count() {
		total += n
	}
	if total != 30 {
		t.Errorf("after a re-run: %d index lines, want still 30", total)
	}
}

func TestRunServe_StateFlag(t *testing.T) {
	e, _ := testEnv()
	err := runServe(t.Context(), []string{"--jobs", t.TempDir(), "--state", "some/dir"}, e)
	var ue *usageError
	if !errors.As(err, &ue) {
		t.Fatalf("serve --state with a dir: %v, want a usage error", err)
	}
}
