package jobfile_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/jobfile"
	"github.com/winnowhq/winnow/internal/yamlpos"
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

// fullJob sets every key; badJob has one error or more on most lines. The
// fuzz test starts from them too.
const fullJob = minimalJob + `articles: ['/news/\d+']
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

const badJob = `name: example
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

func TestParse_Minimal(t *testing.T) {
	j, err := jobfile.Parse("/jobs/example.yaml", []byte(minimalJob))
	if err != nil {
		t.Fatal(err)
	}
	if j.Config.Name != "example" || j.Config.OutputDir != "/jobs/out" || j.StateDir != "/jobs/state" ||
		len(j.Config.Seeds) != 1 || j.Config.Scope.Hosts[0] != "127.0.0.1:8080" {
		t.Errorf("ParseJob = %+v", j)
	}
	cfg := j.Config
	if cfg.Delay != 0 || cfg.IgnoreRobots || cfg.Retries != 0 {
		t.Errorf("defaults not left to the crawler: %+v", cfg)
	}
}

func TestParse_Full(t *testing.T) {
	src := fullJob
	src = strings.Replace(src, "  dir: out\n", "  dir: out\n  format: jsonl\n  pages: all\n", 1)
	src = strings.Replace(src, "scope:\n", "scope:\n  max_pages_per_host: 500\n", 1)
	src += "max_host_failures: 7\n"
	j, err := jobfile.Parse("job.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cfg := j.Config
	if cfg.Delay >= 0 || cfg.Retries >= 0 || !cfg.IgnoreRobots || cfg.HostParallelism != 2 ||
		cfg.MaxBodySize != 2<<20 || cfg.Timeout != 5*time.Second || cfg.Format != crawler.OutputJSONL ||
		!cfg.WriteAll || j.Rules.Dirs[0] != "rules" || !j.Rules.NoDefaults || j.Schedule != "@hourly" || cfg.Recheck != 6*time.Hour || cfg.RecheckMax != 72*time.Hour || cfg.MaxPagesPerHost != 500 || cfg.MaxHostFailures != 7 {
		t.Errorf("config = %+v, job = %+v", cfg, j)
	}
}

func TestParse_Errors(t *testing.T) {
	src := badJob
	_, err := jobfile.Parse("job.yaml", []byte(src))
	want := `job.yaml:2:9: bad seed: canonical url "ftp://127.0.0.1/": scheme "ftp" is not http or https
job.yaml:5:13: bad regex in scope.include: missing closing ): ` + "`(`" + `
job.yaml:6:14: scope.max_depth: expected a whole number from 1 to 1048576, got "-1"
job.yaml:8:10: politeness.delay: expected a duration of at least 0s such as 500ms, 2s or 1m, got "fast"
job.yaml:9:11: politeness.robots: expected true or false, got "yes"
job.yaml:10:3: unknown key "paralelism" in politeness (want: delay, max_crawl_delay, parallelism, robots, workers)
job.yaml:13:11: unknown output.format "csv" (want files or jsonl)
job.yaml:15:10: state.redis "http://127.0.0.1:6379/0": want a redis://, rediss:// or unix:// URL
job.yaml:16:16: max_body_size: want a size such as 10MiB, 512KiB or 1048576, got "10 parsecs"
job.yaml:17:11: bad schedule "every hour": expected exactly 5 fields, found 2: [every hour]`
	if err == nil || err.Error() != want {
		t.Errorf("ParseJob error:\n%v\nwant:\n%s", err, want)
	}
}

// TestParse_Duplicate: a key given twice is an error (yaml nodes keep
// both, and a naive walker takes the last: a second "dir" would silently
// move the output).
func TestParse_Duplicate(t *testing.T) {
	src := strings.Replace(minimalJob, "  dir: out\n", "  dir: out\n  dir: elsewhere\n", 1)
	_, err := jobfile.Parse("job.yaml", []byte(src))
	if err == nil || err.Error() != `job.yaml:7:3: duplicate key "dir" in output` {
		t.Errorf("ParseJob(duplicate key) = %v", err)
	}
}

// TestParse_Safety reads the keys of issue 17.
func TestParse_Safety(t *testing.T) {
	src := minimalJob + "page_timeout: 3s\nmax_links: 500\nmax_in_flight: 64MiB\nmax_failed_share: 0.2\nallow_private: true\n"
	j, err := jobfile.Parse("job.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := j.Config
	if c.PageTimeout != 3*time.Second || c.MaxLinks != 500 || c.MaxInFlightBytes != 64<<20 || c.MaxFailedShare != 0.2 || !c.AllowPrivate {
		t.Errorf("config = %+v", c)
	}
}

func TestParse_Missing(t *testing.T) {
	_, err := jobfile.Parse("job.yaml", []byte("name: x\n"))
	want := "job.yaml:1:1: missing seeds\njob.yaml:1:1: missing output.dir\njob.yaml:1:1: missing state.dir"
	if err == nil || err.Error() != want {
		t.Errorf("ParseJob error:\n%v\nwant:\n%s", err, want)
	}
}

// TestParse_Syntax: a YAML syntax error reads like a rule file's, as
// "file:line:col: bad YAML: ...", at the character the parser stopped on.
func TestParse_Syntax(t *testing.T) {
	_, err := jobfile.Parse("job.yaml", []byte("name: x\nseeds:\n  - http://a/\n - http://b/\n"))
	var el yamlpos.ErrorList
	want := "job.yaml:4:2: bad YAML: did not find expected key (while parsing a block mapping from 1:1)" // " - http://b/", line 4
	if !errors.As(err, &el) || err.Error() != want {
		t.Errorf("ParseJob error %T:\n%v\nwant:\n%s", err, err, want)
	}
}

func TestParse_RedisState(t *testing.T) {
	src := strings.Replace(minimalJob, "  dir: state\n", "  redis: redis://127.0.0.1:6379/2\n", 1)
	j, err := jobfile.Parse("job.yaml", []byte(src))
	if err != nil || j.StateRedis != "redis://127.0.0.1:6379/2" || j.StateDir != "" {
		t.Errorf("ParseJob = %+v, %v; want the redis state", j, err)
	}
	both := strings.Replace(minimalJob, "  dir: state\n", "  dir: state\n  redis: redis://127.0.0.1:6379/2\n", 1)
	if _, err := jobfile.Parse("job.yaml", []byte(both)); err == nil || !strings.Contains(err.Error(), "job.yaml:1:1: state: give dir or redis, not both") {
		t.Errorf("jobfile.Parse(dir and redis) = %v", err)
	}
}

// TestJobsDoc checks that every YAML example in crawler/JOBS.md is a valid job.
func TestJobsDoc(t *testing.T) {
	doc, err := os.ReadFile("JOBS.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(doc), "```yaml\n")[1:]
	if len(blocks) < 2 {
		t.Fatalf("%d yaml examples in JOBS.md, want at least 2", len(blocks))
	}
	for i, b := range blocks {
		src, _, _ := strings.Cut(b, "```")
		if _, err := jobfile.Parse(fmt.Sprintf("JOBS.md example %d", i+1), []byte(src)); err != nil {
			t.Errorf("%v", err)
		}
	}
}

func TestParse_StateScalar(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ state, redis, dir string }{
		{"redis://10.0.0.5:6379/2", "redis://10.0.0.5:6379/2", ""},
		{"{redis: \"redis://10.0.0.5:6379/2\"}", "redis://10.0.0.5:6379/2", ""},
		{"st", "", filepath.Join(dir, "st")},
	} {
		src := "name: x\nseeds: [\"http://127.0.0.1:8080/\"]\noutput:\n  dir: out\nstate: " + c.state + "\n"
		j, err := jobfile.Parse(filepath.Join(dir, "x.yaml"), []byte(src))
		if err != nil {
			t.Errorf("state: %s: %v", c.state, err)
			continue
		}
		if j.StateRedis != c.redis || j.StateDir != c.dir {
			t.Errorf("state: %s: redis %q dir %q, want %q %q", c.state, j.StateRedis, j.StateDir, c.redis, c.dir)
		}
	}
}

func TestLoad_NotFound(t *testing.T) {
	_, err := jobfile.Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load = %v, want not exist", err)
	}
}
