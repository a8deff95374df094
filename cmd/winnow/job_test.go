package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/rules"
)

const minimalJob = `name: example
seeds: ["http://127.0.0.1:8080/"]
scope:
  hosts: ["127.0.0.1:8080"]
output:
  dir: out
state:
  dir: state
`

func TestParseJob_Minimal(t *testing.T) {
	j, err := parseJob("/jobs/example.yaml", []byte(minimalJob))
	if err != nil {
		t.Fatal(err)
	}
	if j.Name != "example" || j.OutputDir != "/jobs/out" || j.StateDir != "/jobs/state" ||
		len(j.Seeds) != 1 || j.Scope.Hosts[0] != "127.0.0.1:8080" {
		t.Errorf("parseJob = %+v", j)
	}
	cfg := j.config()
	if cfg.Delay != 0 || cfg.IgnoreRobots || cfg.Retries != 0 {
		t.Errorf("defaults not left to the crawler: %+v", cfg)
	}
}

func TestParseJob_Full(t *testing.T) {
	src := minimalJob + `articles: ['/news/\d+']
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
`
	src = strings.Replace(src, "  dir: out\n", "  dir: out\n  format: jsonl\n  pages: all\n", 1)
	j, err := parseJob("job.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cfg := j.config()
	if cfg.Delay >= 0 || cfg.Retries >= 0 || !cfg.IgnoreRobots || cfg.HostParallelism != 2 ||
		cfg.MaxBodySize != 2<<20 || cfg.Timeout != 5*time.Second || cfg.Format != crawler.OutputJSONL ||
		!cfg.WriteAll || j.RuleDirs[0] != "rules" || !j.NoDefaultRules || j.Schedule != "@hourly" || cfg.Recheck != 6*time.Hour || cfg.RecheckMax != 72*time.Hour {
		t.Errorf("config = %+v, job = %+v", cfg, j)
	}
}

func TestParseJob_Errors(t *testing.T) {
	src := `name: example
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
`
	_, err := parseJob("job.yaml", []byte(src))
	want := `job.yaml:2:9: bad seed: canonical url "ftp://127.0.0.1/": scheme "ftp" is not http or https
job.yaml:5:13: bad regular expression: error parsing regexp: missing closing ): ` + "`(`" + `
job.yaml:6:14: want a whole number ≥ 0, got "-1"
job.yaml:8:10: want a duration such as 500ms, 2s or 1m, got "fast"
job.yaml:9:11: want true or false, got "yes"
job.yaml:10:3: unknown key "paralelism" in politeness
job.yaml:13:11: output.format "csv": want files or jsonl
job.yaml:15:10: state.redis "http://127.0.0.1:6379/0": want a redis://, rediss:// or unix:// URL
job.yaml:16:16: want a size such as 10MiB, 512KiB or 1048576, got "10 parsecs"
job.yaml:17:11: bad schedule "every hour": expected exactly 5 fields, found 2: [every hour]`
	if err == nil || err.Error() != want {
		t.Errorf("parseJob error:\n%v\nwant:\n%s", err, want)
	}
}

func TestParseJob_Missing(t *testing.T) {
	_, err := parseJob("job.yaml", []byte("name: x\n"))
	want := "job.yaml:1:1: missing seeds\njob.yaml:1:1: missing output.dir\njob.yaml:1:1: missing state.dir"
	if err == nil || err.Error() != want {
		t.Errorf("parseJob error:\n%v\nwant:\n%s", err, want)
	}
}

// TestParseJob_Syntax: a YAML syntax error reads like a rule file's, as
// "file:line: bad YAML: ..." (the yaml package gives no column for these).
func TestParseJob_Syntax(t *testing.T) {
	_, err := parseJob("job.yaml", []byte("name: x\nseeds:\n  - http://a/\n - http://b/\n"))
	var el rules.ErrorList
	want := "job.yaml:3: bad YAML: did not find expected key"
	if !errors.As(err, &el) || err.Error() != want {
		t.Errorf("parseJob error %T:\n%v\nwant:\n%s", err, err, want)
	}
}

func TestLoadJob_NotFound(t *testing.T) {
	_, err := loadJob(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil || !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("loadJob = %v, want not exist", err)
	}
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok || u.Unwrap() == nil {
			return err
		}
		err = u.Unwrap()
	}
}

func TestParseJob_RedisState(t *testing.T) {
	src := strings.Replace(minimalJob, "  dir: state\n", "  redis: redis://127.0.0.1:6379/2\n", 1)
	j, err := parseJob("job.yaml", []byte(src))
	if err != nil || j.StateRedis != "redis://127.0.0.1:6379/2" || j.StateDir != "" {
		t.Errorf("parseJob = %+v, %v; want the redis state", j, err)
	}
	both := strings.Replace(minimalJob, "  dir: state\n", "  dir: state\n  redis: redis://127.0.0.1:6379/2\n", 1)
	if _, err := parseJob("job.yaml", []byte(both)); err == nil || !strings.Contains(err.Error(), "job.yaml:1:1: state: give dir or redis, not both") {
		t.Errorf("parseJob(dir and redis) = %v", err)
	}
}

// TestJobsDoc checks that every YAML example in crawler/JOBS.md is a valid job.
func TestJobsDoc(t *testing.T) {
	doc, err := os.ReadFile("../../crawler/JOBS.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(doc), "```yaml\n")[1:]
	if len(blocks) < 2 {
		t.Fatalf("%d yaml examples in JOBS.md, want at least 2", len(blocks))
	}
	for i, b := range blocks {
		src, _, _ := strings.Cut(b, "```")
		if _, err := parseJob(fmt.Sprintf("JOBS.md example %d", i+1), []byte(src)); err != nil {
			t.Errorf("%v", err)
		}
	}
}
