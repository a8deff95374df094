package redisstore_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler/output"
	"github.com/winnowhq/winnow/crawler/redisstore/redistest"
)

// TestDistributedCrawl_SharedOutput: three worker processes write into ONE
// output dir, and one is killed with SIGKILL mid-run and restarted under its
// name (issue 17: two writers of one index.jsonl lost 1,271 of 3,000 lines
// with exit code 0). Each worker appends whole lines to its own segment,
// index-WORKER.jsonl, so no line is torn or interleaved; the merged index
// (output.ReadIndex) names every article exactly once, and every file it
// names exists. A second process with the name of a live worker is refused.
func TestDistributedCrawl_SharedOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end crawl with worker processes")
	}
	srv := redistest.Start(t)
	const hosts, sections, perSec = 6, 10, 30
	site := newNewsSite(t, hosts, sections, perSec, 0)
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	cfg := func(name string) workerConfig {
		return workerConfig{
			Redis: srv.URL() + "?lease=2s", Job: "shared", Worker: name,
			Seeds: site.seeds(), Hosts: site.hostNames(), Out: out, Delay: -1, Workers: 4,
			Summary: filepath.Join(dir, name+".json"),
		}
	}
	lines := func() int {
		n := 0
		segs, _ := filepath.Glob(filepath.Join(out, "index-*.jsonl"))
		for _, s := range segs {
			b, _ := os.ReadFile(s)
			n += bytes.Count(b, []byte("\n"))
		}
		return n
	}
	workers := map[string]*worker{}
	for _, n := range []string{"w0", "w1", "w2"} {
		workers[n] = startWorker(t, cfg(n), dir)
	}
	total := hosts * sections * perSec
	for deadline := time.Now().Add(60 * time.Second); lines() < total/4; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("only %d articles written after 60s", lines())
		}
	}
	// A second process named w2 while w2 runs: refused, naming the holder.
	dup := startWorker(t, cfg("w2"), dir)
	select {
	case err := <-dup.done:
		log, _ := os.ReadFile(dup.log)
		if err == nil || !strings.Contains(string(log), output.ErrLocked.Error()) || !strings.Contains(string(log), `worker "w2"`) {
			t.Errorf("second w2: %v, want refused with the lock's holder:\n%s", err, log)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("second w2 still running")
	}
	if err := workers["w1"].cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-workers["w1"].done
	workers["w1"] = startWorker(t, cfg("w1"), dir)
	for _, w := range workers {
		w.wait(t, 80*time.Second)
	}

	// Every segment holds whole JSON lines only.
	segs, _ := filepath.Glob(filepath.Join(out, "index-*.jsonl"))
	if len(segs) != 3 {
		t.Errorf("segments %v, want one per worker", segs)
	}
	for _, s := range segs {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) > 0 && b[len(b)-1] != '\n' {
			t.Errorf("%s ends in a torn line", s)
		}
		for i, l := range bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n")) {
			var il output.IndexLine
			if err := json.Unmarshal(l, &il); err != nil || il.URL == "" {
				t.Errorf("%s:%d: not one whole record: %q", s, i+1, l)
			}
		}
	}
	idx, err := output.ReadIndex(out)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, l := range idx {
		seen[l.URL]++
		if _, err := os.Stat(filepath.Join(out, l.File)); err != nil {
			t.Errorf("index names %s: %v", l.File, err)
		}
	}
	var missing, twice []string
	for _, u := range site.articles() {
		switch seen[u] {
		case 0:
			missing = append(missing, u)
		case 1:
		default:
			twice = append(twice, u)
		}
	}
	if len(missing) > 0 || len(twice) > 0 {
		t.Errorf("%d articles missing (e.g. %v), %d written twice (e.g. %v)", len(missing), missing[:min(3, len(missing))], len(twice), twice[:min(3, len(twice))])
	}
	if len(idx) != total {
		t.Errorf("%d index lines, want %d", len(idx), total)
	}
}
