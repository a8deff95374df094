package main

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/internal/loopback"
)

// TestRunCrawl_ExitCodes: a bad job, a failed run (every seed dead) and a
// run with some failed pages exit with distinct codes; a good run with 0.
func TestRunCrawl_ExitCodes(t *testing.T) {
	dead := loopback.FreeAddr(t) // connection refused
	good, _ := newsSiteN(t, nil, 3, 0)
	partial := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			w.Write([]byte(`<html><body><a href="/a">a</a> <a href="/b">b</a> <a href="/gone">gone</a></body></html>`))
		case "/gone":
			http.NotFound(w, r)
		default:
			w.Write([]byte(`<html><head><title>T</title></head><body><article><p>A story long enough to be an article, about the harbour and its ferries in winter.</p></article></body></html>`))
		}
	}))
	defer partial.Close()
	// deep is a chain of pages, /d/0 linking to /d/1 and so on.
	deep := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/d/"), "%d", &n)
		fmt.Fprintf(w, `<html><body><a href="/d/%d">next</a></body></html>`, n+1)
	}))
	defer deep.Close()
	// capped: the job's cap, and the summary line it must print.
	capped := map[string][2]string{
		"capped":       {"max_pages: 2", `example: cut by max_pages \(2\): [1-9]\d* URLs left unvisited\n`},
		"capped-depth": {"max_depth: 2", `example: cut by max_depth \(2\): 1 links left unvisited\n`},
	}
	for _, c := range []struct {
		name  string
		addr  string
		extra string
		code  int
	}{
		{"ok", good, "", 0},
		{"bad-config", good, "bogus: 1\n", exitConfig},
		{"bad-rules", good, "rules:\n  dirs: [/nonexistent-dir]\n", exitConfig},
		{"dead-seed", dead, "", exitFailed},
		{"some-failed", strings.TrimPrefix(partial.URL, "http://"), "", exitPartial},
		{"capped", good, "", 0}, // the job asked for the cap: reported, not a failure
		{"capped-depth", strings.TrimPrefix(deep.URL, "http://"), "", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			job := writeMinimalJob(t, dir, c.addr, "politeness: {delay: 1ms}\nretries: 0\ntimeout: 2s\n"+c.extra)
			if cp, ok := capped[c.name]; ok {
				b, _ := os.ReadFile(job)
				b = []byte(strings.Replace(string(b), "]}", "], "+cp[0]+"}", 1))
				if err := os.WriteFile(job, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			e, stderr := testEnv()
			err := runCrawl(t.Context(), []string{"--no-progress", job}, e)
			if got := exitCodeOf(err); got != c.code {
				t.Errorf("exit %d (%v), want %d\n%s", got, err, c.code, stderr)
			}
			if c.name == "bad-rules" && (err == nil || strings.Count(err.Error(), "rules:") != 1) {
				t.Errorf("bad rules dir: %v, want the job file and \"rules:\" once", err)
			}
			if cp, ok := capped[c.name]; ok && !regexp.MustCompile(cp[1]).MatchString(stderr.String()) {
				t.Errorf("capped run's summary does not name the cap and what it left:\n%s", stderr)
			}
			if c.name == "dead-seed" && !errors.Is(err, crawler.ErrRunFailed) {
				t.Errorf("dead seed: %v, want crawler.ErrRunFailed", err)
			}
		})
	}
	// --check of a bad job: exit 2 as well.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("name: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e, _ := testEnv()
	if got := exitCodeOf(runCrawl(t.Context(), []string{"--check", filepath.Join(dir, "bad.yaml")}, e)); got != exitConfig {
		t.Errorf("--check of a bad job: exit %d, want %d", got, exitConfig)
	}
}

// TestServe_CheckExitCodes: serve --check of a jobs dir that is missing,
// is a file, or holds a job without a schedule is a configuration mistake
// (exit 2, as for crawl --check), said with its cause.
func TestServe_CheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	writeMinimalJob(t, dir, "127.0.0.1:9", "")
	file := filepath.Join(dir, "plain")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for arg, want := range map[string]string{
		filepath.Join(dir, "missing"): "no such file or directory",
		file:                          "not a directory",
		dir:                           "serve needs a schedule",
	} {
		e, _ := testEnv()
		err := runServe(t.Context(), []string{"--jobs", arg, "--check"}, e)
		if got := exitCodeOf(err); got != exitConfig || !strings.Contains(err.Error(), want) {
			t.Errorf("serve --jobs %s --check: exit %d (%v), want %d and %q", arg, got, err, exitConfig, want)
		}
	}
}

func exitCodeOf(err error) int {
	if err == nil {
		return 0
	}
	return exitCode(err)
}

// TestServe_FailedRun: a scheduled run whose every seed is dead counts as
// failed in winnow_runs_total, and /healthz reports the job unhealthy with
// its last error (issue 17: exit 0, result ok and healthy before).
func TestServe_FailedRun(t *testing.T) {
	dead := loopback.FreeAddr(t)
	dir := t.TempDir()
	writeMinimalJob(t, dir, dead, "schedule: \"@hourly\"\nretries: 0\ntimeout: 2s\n")
	log, _ := newLogger(&lockedBuffer{}, "text", false)
	sv, err := newServer(dir, "", "", log)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	sv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"healthy":true`) {
		t.Errorf("healthz before any run: %d %s", rec.Code, rec.Body)
	}
	sv.Run(t.Context(), sv.Jobs()[0])
	rec = httptest.NewRecorder()
	sv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(body, `"status":"unhealthy"`) ||
		!strings.Contains(body, `"healthy":false`) || !strings.Contains(body, "every seed failed") {
		t.Errorf("healthz after a dead run: %d %s", rec.Code, body)
	}
	mrec := httptest.NewRecorder()
	sv.Handler().ServeHTTP(mrec, httptest.NewRequest("GET", "/metrics", nil))
	m := mrec.Body.String()
	for _, want := range []string{
		`winnow_runs_total{job="example",result="failed"} 1`,
		`winnow_fetch_errors_total{job="example",reason="network"}`,
		`winnow_queue_length{job="example"} 0`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

// TestServe_CappedRun: /healthz names the caps that cut a job's last run,
// with what they left unvisited; the run is still healthy.
func TestServe_CappedRun(t *testing.T) {
	good, _ := newsSiteN(t, nil, 3, 0)
	dir := t.TempDir()
	job := writeMinimalJob(t, dir, good, "schedule: \"@hourly\"\npoliteness: {delay: 1ms}\n")
	b, _ := os.ReadFile(job)
	if err := os.WriteFile(job, []byte(strings.Replace(string(b), "]}", "], max_pages: 2}", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	log, _ := newLogger(&lockedBuffer{}, "text", false)
	sv, err := newServer(dir, "", "", log)
	if err != nil {
		t.Fatal(err)
	}
	sv.Run(t.Context(), sv.Jobs()[0])
	rec := httptest.NewRecorder()
	sv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusOK || !regexp.MustCompile(`"last_caps":\["max_pages \(2\): [1-9]\d* URLs left unvisited"\]`).MatchString(body) {
		t.Errorf("healthz after a capped run: %d %s", rec.Code, body)
	}
}
