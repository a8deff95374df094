package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/winnowhq/winnow/internal/childproc"
)

// TestMainChild runs main() with the arguments in WINNOW_MAIN_ARGS; it is the
// child process of TestRunCrawl_Signal and does nothing otherwise.
func TestMainChild(t *testing.T) {
	args := childproc.Getenv(t, "WINNOW_MAIN_ARGS")
	if n, err := strconv.ParseUint(os.Getenv("WINNOW_NOFILE"), 10, 64); err == nil {
		// A small descriptor budget, as a service unit might set.
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
			t.Fatal(err)
		}
	}
	os.Args = append([]string{"winnow"}, strings.Split(args, "\x1f")...)
	main()
}

// mainCmd is `winnow args...` in a child process: this test binary running
// main (TestMainChild), with env added to the environment.
func mainCmd(args []string, env ...string) *exec.Cmd {
	return childproc.Command("TestMainChild", slices.Concat(env, []string{"WINNOW_MAIN_ARGS=" + strings.Join(args, "\x1f")})...)
}

// TestRunCrawl_Signal stops `winnow crawl` with SIGTERM and SIGINT mid-run:
// it must exit 1 saying the state is saved, and the next run must finish the
// job with every article written once.
func TestRunCrawl_Signal(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	const articles = 30
	addr, _ := newsSiteN(t, nil, articles, 50*time.Millisecond)
	dir := t.TempDir()
	job := writeMinimalJob(t, dir, addr, "politeness: {delay: 10ms}\ntimeout: 5s\n")
	index := filepath.Join(dir, "out", "index.jsonl")
	crawl := func() *exec.Cmd {
		cmd := mainCmd([]string{"crawl", "--no-progress", job})
		cmd.Stdout, cmd.Stderr = new(bytes.Buffer), new(bytes.Buffer)
		return cmd
	}
	count := func() int {
		data, _ := os.ReadFile(index)
		return bytes.Count(data, []byte("\n"))
	}
	for _, sig := range []os.Signal{syscall.SIGTERM, os.Interrupt} {
		before := count()
		cmd := crawl()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Signal once the run has written a few articles of its own.
		for deadline := time.Now().Add(20 * time.Second); count() < before+3 && time.Now().Before(deadline); {
			time.Sleep(5 * time.Millisecond)
		}
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			t.Fatalf("%v: exit %v, want 1\n%s", sig, err, cmd.Stderr)
		}
		if !strings.Contains(cmd.Stderr.(*bytes.Buffer).String(), "interrupted; state saved") {
			t.Errorf("%v: stderr lacks the interruption note:\n%s", sig, cmd.Stderr)
		}
		if n := count(); n >= articles {
			t.Fatalf("%v: the run finished (%d articles) before the signal", sig, n)
		}
	}
	cmd := crawl()
	if err := cmd.Run(); err != nil {
		t.Fatalf("final run: %v\n%s", err, cmd.Stderr)
	}
	lines := indexLines(t, index)
	seen := map[any]bool{}
	for _, l := range lines {
		if seen[l["url"]] {
			t.Errorf("%v written twice", l["url"])
		}
		seen[l["url"]] = true
	}
	if len(seen) != articles {
		t.Errorf("%d articles written, want %d", len(seen), articles)
	}
}
