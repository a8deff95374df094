package crawler_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/internal/yamlpos"
)

// FuzzParseJob checks that any bytes give either a job or an error, never a
// panic. A job has what ParseJob requires of it; an error is a yamlpos.ErrorList
// whose every position lies inside the input, or a YAML syntax error whose
// line does.
func FuzzParseJob(f *testing.F) {
	for _, s := range []string{ // the job files of job_test.go
		minimalJob,
		minimalJob + `articles: ['/news/\d+']
user_agent: "mybot/2 (+https://example.com/bot)"
politeness: {delay: 0, parallelism: 2, workers: 4, robots: false, max_crawl_delay: 10s}
timeout: 5s
max_body_size: 2MiB
retries: 0
retry_backoff: 250ms
max_retry_after: 1m
recheck: 6h
recheck_max: 72h
rules: {dirs: [rules], no_defaults: true, disable: [spam.x]}
schedule: "@hourly"
`,
		`name: example
seeds: ["ftp://127.0.0.1/"]
scope:
  hosts: ["127.0.0.1:8080"]
  include: ["("]
  max_depth: -1
politeness:
  delay: fast
  robots: "yes"
  paralelism: 2
output:
  dir: out
  format: csv
state:
  redis: "http://127.0.0.1:6379/0"
max_body_size: 10 parsecs
schedule: "every hour"
`,
		"name: x\n",
		strings.Replace(minimalJob, "  dir: state\n", "  dir: state\n  redis: redis://127.0.0.1:6379/2\n", 1),
		"state: redis://127.0.0.1:6379/2\nschedule: '*/5 * * * *'\n",
		"name: &a x\nseeds: *a\n",
		"- a\n- b\n",
		"",
	} {
		f.Add([]byte(s))
	}
	if doc, err := os.ReadFile("JOBS.md"); err == nil { // the documented examples
		for _, b := range strings.Split(string(doc), "```yaml\n")[1:] {
			src, _, _ := strings.Cut(b, "```")
			f.Add([]byte(src))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		j, err := crawler.ParseJob("fuzz.yaml", data)
		if err == nil {
			switch {
			case j == nil:
				t.Fatalf("crawler.ParseJob(%q) = nil, nil", data)
			case j.Config.Name == "", j.Config.OutputDir == "", (j.StateDir == "") == (j.StateRedis == ""):
				t.Fatalf("crawler.ParseJob(%q) = %+v: no name, no output.dir, or not exactly one state", data, j)
			}
			_ = j.Config
			return
		}
		if j != nil {
			t.Fatalf("crawler.ParseJob(%q) = %+v and error %v", data, j, err)
		}
		lines := yamlLines(data)
		var el yamlpos.ErrorList
		if !errors.As(err, &el) {
			t.Fatalf("crawler.ParseJob(%q) error is %T, want a yamlpos.ErrorList: %v", data, err, err)
		}
		if len(el) == 0 {
			t.Fatalf("crawler.ParseJob(%q) error is an empty ErrorList", data)
		}
		for _, e := range el {
			if e.Pos.File != "fuzz.yaml" {
				t.Fatalf("crawler.ParseJob(%q): error %v names another file", data, e)
			}
			if strings.HasPrefix(e.Msg, "bad YAML: ") {
				// A syntax error: the yaml package gives a line, sometimes
				// none, and no column.
				if e.Pos.Line < 0 || e.Pos.Line > lines+1 {
					t.Fatalf("crawler.ParseJob(%q): line %d outside the input (%d lines): %v", data, e.Pos.Line, lines, e)
				}
				continue
			}
			// yaml places an empty document ("---") on the line after the input.
			if e.Pos.Line < 1 || e.Pos.Line > lines+1 || e.Pos.Col < 1 {
				t.Fatalf("crawler.ParseJob(%q): error position %v outside the input (%d lines): %v", data, e.Pos, lines, e)
			}
		}
	})
}

// yamlLines counts lines as YAML does: \r\n, \r, \n, NEL, LS and PS all break.
func yamlLines(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	n := 1
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}
