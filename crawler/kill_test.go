package crawler_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/output"
	"github.com/winnowhq/winnow/crawler/urls"
	"github.com/winnowhq/winnow/internal/childproc"
)

// TestKillChild is the crawl run by TestCrawl_KillResume in a child process
// (this test binary again); it does nothing in a normal test run.
func TestKillChild(t *testing.T) {
	srv := childproc.Getenv(t, "WINNOW_KILL_SERVER")
	host := strings.TrimPrefix(srv, "http://")
	cfg := crawler.Config{
		Name:       "kill",
		Seeds:      []string{srv + "/", srv + "/sitemap.xml"},
		Scope:      urls.Scope{Hosts: []string{host}},
		Politeness: crawler.Politeness{Delay: -1, Workers: 4},
		Limits:     crawler.Limits{Timeout: 300 * time.Millisecond, MaxBodySize: 1 << 20},
		Retry:      crawler.Retry{Retries: 2, RetryBase: 20 * time.Millisecond},
		Output:     crawler.Output{OutputDir: os.Getenv("WINNOW_KILL_OUT")},
	}
	if _, err := run(t, t.Context(), cfg, os.Getenv("WINNOW_KILL_STATE"), nil); err != nil {
		t.Fatal(err)
	}
}

// TestCrawl_KillResume kills a crawl with SIGKILL several times at different
// points, resumes it, and checks that every article is written exactly once
// and no file is torn.
func TestCrawl_KillResume(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	s := newSite(t, 5, 40, "User-agent: *\nCrawl-delay: 0.004\n")
	out, state := filepath.Join(t.TempDir(), "out"), t.TempDir()
	child := func() *exec.Cmd {
		cmd := childproc.Command("TestKillChild", "WINNOW_KILL_SERVER="+s.srv.URL, "WINNOW_KILL_OUT="+out, "WINNOW_KILL_STATE="+state)
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stderr, &stderr
		return cmd
	}
	lines := func() int {
		data, _ := os.ReadFile(filepath.Join(out, output.IndexFile))
		return bytes.Count(data, []byte("\n"))
	}
	for _, at := range []int{1, 40, 90, 150} {
		cmd := child()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(20 * time.Second)
		for lines() < at && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		// Let it run a few more milliseconds so the kill lands mid-batch.
		time.Sleep(time.Duration(at%7) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		t.Logf("killed at %d index lines (wanted %d), %d requests so far", lines(), at, len(s.hits()))
	}
	cmd := child()
	if err := cmd.Run(); err != nil {
		t.Fatalf("final run: %v\n%s", err, cmd.Stdout)
	}
	checkOutput(t, s, out)
	if n := lines(); n != len(s.articles()) {
		t.Errorf("index holds %d lines, want %d", n, len(s.articles()))
	}
	// Each killed run may repeat the few requests in flight or uncommitted,
	// nothing more.
	articles := 0
	for _, h := range s.hits() {
		if strings.HasPrefix(h.path, "/news/") && !strings.Contains(h.path, "amp") && h.status == 200 {
			articles++
		}
	}
	if articles > 200+4*200/2 {
		t.Errorf("%d full article fetches for 200 articles over 4 kills: resume refetches too much", articles)
	}
	t.Logf("%d full article fetches for 200 articles over 4 kills; %s", articles, strconv.Itoa(len(s.hits())))
}
