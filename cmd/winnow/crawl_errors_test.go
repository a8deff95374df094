package main

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/loopback"
)

// TestRunCrawl_ErrorsNameTheirSource: what winnow crawl prints for a bad
// input reads "winnow: SOURCE: PROBLEM", SOURCE being the file or URL at
// fault (a job file with its line and column, a rule file with its own),
// and the page or robots.txt at fault named in the problem.
func TestRunCrawl_ErrorsNameTheirSource(t *testing.T) {
	dead := loopback.FreeAddr(t) // connection refused
	robots503 := loopback.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "overloaded", http.StatusServiceUnavailable)
	}))
	addr503 := strings.TrimPrefix(robots503.URL, "http://")
	for _, tc := range []struct {
		name  string
		addr  string
		extra string
		// job and files are written into the job's dir; want is a regular
		// expression of the printed line, JOB and DIR standing for the job
		// file and its dir, ADDR for addr.
		files map[string]string
		want  string
	}{
		{"bad config", dead, "politeness: {delay: fast}\n", nil,
			`^winnow: JOB:6:21: politeness.delay: expected a duration`},
		{"missing job file", dead, "", nil, `^winnow: DIR/missing.yaml: no such file or directory$`},
		{"unreachable seed", dead, "retries: 0\n", nil,
			`^winnow: JOB: job "example": run failed: every seed failed \(1\); last error: http://ADDR/: robots.txt unavailable: .*http://ADDR/robots.txt: dial tcp ADDR: connect: connection refused$`},
		{"bad robots", addr503, "retries: 0\n", nil,
			`^winnow: JOB: job "example": run failed: every seed failed \(1\); last error: http://ADDR/: robots.txt unavailable: .*: http://ADDR/robots.txt: http 503$`},
		{"bad rule file", dead, "rules: {dirs: [rules]}\n", map[string]string{"rules/bad.yaml": "rules:\n  - id: x.y\n    action: explode\n"},
			`^winnow: DIR/rules/bad.yaml:\d+:\d+: `},
		{"missing rules dir", dead, "rules: {dirs: [nowhere]}\n", nil,
			`^winnow: JOB: rules: stat DIR/nowhere: no such file or directory$`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			job := writeMinimalJob(t, dir, tc.addr, tc.extra)
			for name, body := range tc.files {
				p := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tc.name == "missing job file" {
				job = filepath.Join(dir, "missing.yaml")
			}
			e, _ := testEnv()
			err := runCrawl(t.Context(), []string{"--no-progress", job}, e)
			if err == nil {
				t.Fatal("no error")
			}
			line := strings.SplitN("winnow: "+err.Error(), "\n", 2)[0] // as main prints it
			want := strings.NewReplacer("JOB", regexp.QuoteMeta(job), "DIR", regexp.QuoteMeta(dir), "ADDR", regexp.QuoteMeta(tc.addr)).Replace(tc.want)
			if !regexp.MustCompile(want).MatchString(line) {
				t.Errorf("printed:\n%s\nwant it to match:\n%s", line, want)
			}
		})
	}
}
