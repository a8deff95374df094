// Package jobfile reads crawl job files, as JOBS.md next to this file
// documents them: a crawler.Config, and what the program that runs the job
// needs besides (cleaning rules, where the state lives, a schedule).
package jobfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
	"go.yaml.in/yaml/v4"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/urls"
	"github.com/winnowhq/winnow/internal/yamlpos"
	"github.com/winnowhq/winnow/langid"
)

// Job is a crawl job file, as JOBS.md documents it: the crawler's Config,
// and what the program that runs the job needs besides (cleaning rules,
// where the state lives, a schedule). cmd/winnow only reads the file and
// wires the parts.
type Job struct {
	// Path is the job file; relative paths in it are made absolute against
	// its directory.
	Path string
	// Config is the crawl. Its fields follow Config's conventions: zero
	// means the default; an explicit 0 in the file for delay, retries or
	// recheck becomes -1 (off).
	Config crawler.Config
	// Rules are the cleaning rules the job names. The crawler never reads
	// them (it does not import a cleaner): the Extract function's maker does.
	Rules Rules
	// StateDir (a bbolt file's dir) or StateRedis (a redis://, rediss:// or
	// unix:// URL) holds the job's state.
	StateDir, StateRedis string
	// Schedule is a cron expression in UTC for `winnow serve`; empty for none.
	Schedule string
	// TargetLanguages keeps only articles whose text is in one of these
	// languages (ISO 639-1); the others count as skipped. Like Rules, it is
	// for the Extract function's maker.
	TargetLanguages []string
}

// Rules are the rules section of a job file.
type Rules struct {
	Dirs       []string // rule directories or files, absolute
	NoDefaults bool     // leave the built-in rules out
	Disable    []string // rule ids not to apply
}

// ScheduleParser reads a job's schedule: five cron fields (minute to day of
// week) or a descriptor (@hourly, @every 30m).
var ScheduleParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseSchedule is ScheduleParser.Parse, which panics on a time zone
// without fields after it ("TZ=UTC"; robfig/cron issue 554, not fixed
// upstream).
func ParseSchedule(spec string) (s cron.Schedule, err error) {
	defer func() {
		if recover() != nil {
			s, err = nil, fmt.Errorf("no fields after the time zone")
		}
	}()
	return ScheduleParser.Parse(spec)
}

// IsRedisState reports whether a state spec names a Redis server rather
// than a directory.
func IsRedisState(spec string) bool {
	return strings.HasPrefix(spec, "redis://") || strings.HasPrefix(spec, "rediss://") || strings.HasPrefix(spec, "unix://")
}

// Load reads and parses the job file at path.
func Load(path string) (*Job, error) {
	data, err := os.ReadFile(path)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, fmt.Errorf("%s: %w", path, pe.Err) // "news.yaml: no such file or directory"
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return Parse(path, data)
}

// Parse reads a job file strictly: an unknown or duplicate key, a wrong
// type or a bad value is an error at its file:line:col, and every problem
// is reported at once (a yamlpos.ErrorList).
func Parse(path string, data []byte) (*Job, error) {
	r := yamlpos.NewReader(path)
	root := r.Parse(data)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if root == nil {
		r.ErrorfAt(yamlpos.Pos{File: path, Line: 1, Col: 1}, "empty job file")
		return nil, r.Err()
	}
	p := &jobParser{r: r, dir: filepath.Dir(path), job: &Job{Path: path}, robots: true}
	keys := r.Mapping(root, "job", p.fields())
	p.job.Config.IgnoreRobots = !p.robots
	p.required(root, keys)
	if err := r.Err(); err != nil {
		return nil, err
	}
	return p.job, nil
}

// fields is the format's table: one entry per top-level key of a job file,
// next to the field it sets, as JOBS.md lists them. The sections are
// tables of their own (scope, politeness, rules, output, state).
func (p *jobParser) fields() yamlpos.Fields {
	r, c := p.r, &p.job.Config
	return yamlpos.Fields{
		"name":             func(n *yaml.Node) { c.Name = r.String(n, "name") },
		"seeds":            func(n *yaml.Node) { c.Seeds = p.urls(n) },
		"user_agent":       func(n *yaml.Node) { c.UserAgent = r.String(n, "user_agent") },
		"articles":         func(n *yaml.Node) { c.Articles = p.regexps(n, "articles") },
		"robots_sitemaps":  func(n *yaml.Node) { c.RobotsSitemaps = r.Bool(n, "robots_sitemaps") },
		"allow_private":    func(n *yaml.Node) { c.AllowPrivate = r.Bool(n, "allow_private") },
		"timeout":          func(n *yaml.Node) { c.Timeout = r.Duration(n, "timeout", time.Millisecond) },
		"page_timeout":     func(n *yaml.Node) { c.PageTimeout = r.Duration(n, "page_timeout", time.Millisecond) },
		"max_body_size":    func(n *yaml.Node) { c.MaxBodySize = p.size(n, "max_body_size") },
		"max_in_flight":    func(n *yaml.Node) { c.MaxInFlightBytes = p.size(n, "max_in_flight") },
		"max_links":        func(n *yaml.Node) { c.MaxLinks = r.Int(n, "max_links", 1, 1<<30) },
		"max_failed_share": func(n *yaml.Node) { c.MaxFailedShare = r.Float(n, "max_failed_share", 0.01, 1) },
		"max_host_failures": func(n *yaml.Node) {
			if c.MaxHostFailures = r.Int(n, "max_host_failures", 0, 1<<30); c.MaxHostFailures == 0 {
				c.MaxHostFailures = -1 // an explicit 0: never
			}
		},
		"retries": func(n *yaml.Node) {
			if c.Retries = r.Int(n, "retries", 0, 100); c.Retries == 0 {
				c.Retries = -1 // an explicit 0: no retry
			}
		},
		"retry_backoff":   func(n *yaml.Node) { c.RetryBase = r.Duration(n, "retry_backoff", time.Millisecond) },
		"max_retry_after": func(n *yaml.Node) { c.MaxRetryAfter = r.Duration(n, "max_retry_after", time.Millisecond) },
		"recheck": func(n *yaml.Node) {
			if c.Recheck = r.Duration(n, "recheck", 0); c.Recheck == 0 {
				c.Recheck = -1 // an explicit 0: every known article on every run
			}
		},
		"recheck_max":     func(n *yaml.Node) { c.RecheckMax = r.Duration(n, "recheck_max", time.Millisecond) },
		"schedule":        p.schedule,
		"scope":           p.scope,
		"politeness":      p.politeness,
		"rules":           p.rules,
		"target_language": p.targetLanguage,
		"output":          p.output,
		"state":           p.state,
	}
}

func (p *jobParser) schedule(n *yaml.Node) {
	j := p.job
	j.Schedule = p.r.String(n, "schedule")
	if _, err := ParseSchedule(j.Schedule); j.Schedule != "" && err != nil {
		p.r.Errorf(n, "bad schedule %q: %v", j.Schedule, err)
	}
}

func (p *jobParser) scope(n *yaml.Node) {
	r, c := p.r, &p.job.Config
	r.Mapping(n, "scope", yamlpos.Fields{
		"hosts":     func(n *yaml.Node) { c.Scope.Hosts = r.Strings(n, "scope.hosts") },
		"include":   func(n *yaml.Node) { c.Scope.Include = p.regexps(n, "scope.include") },
		"exclude":   func(n *yaml.Node) { c.Scope.Exclude = p.regexps(n, "scope.exclude") },
		"max_depth": func(n *yaml.Node) { c.Scope.MaxDepth = r.Int(n, "scope.max_depth", 1, 1<<20) },
		"max_pages": func(n *yaml.Node) { c.MaxPages = r.Int(n, "scope.max_pages", 1, 1<<40) },
		"max_pages_per_host": func(n *yaml.Node) {
			c.MaxPagesPerHost = r.Int(n, "scope.max_pages_per_host", 1, 1<<40)
		},
	})
}

func (p *jobParser) politeness(n *yaml.Node) {
	r, c := p.r, &p.job.Config
	r.Mapping(n, "politeness", yamlpos.Fields{
		"delay": func(n *yaml.Node) {
			if c.Delay = r.Duration(n, "politeness.delay", 0); c.Delay == 0 {
				c.Delay = -1 // an explicit 0 turns the delay off
			}
		},
		"parallelism":     func(n *yaml.Node) { c.HostParallelism = r.Int(n, "politeness.parallelism", 1, 1<<16) },
		"workers":         func(n *yaml.Node) { c.Workers = r.Int(n, "politeness.workers", 1, 1<<16) },
		"robots":          func(n *yaml.Node) { p.robots = r.Bool(n, "politeness.robots") },
		"max_crawl_delay": func(n *yaml.Node) { c.MaxCrawlDelay = r.Duration(n, "politeness.max_crawl_delay", time.Millisecond) },
	})
}

func (p *jobParser) rules(n *yaml.Node) {
	r, rs := p.r, &p.job.Rules
	r.Mapping(n, "rules", yamlpos.Fields{
		"dirs": func(n *yaml.Node) {
			for _, d := range r.Strings(n, "rules.dirs") {
				rs.Dirs = append(rs.Dirs, p.abs(d))
			}
		},
		"no_defaults": func(n *yaml.Node) { rs.NoDefaults = r.Bool(n, "rules.no_defaults") },
		"disable":     func(n *yaml.Node) { rs.Disable = r.Strings(n, "rules.disable") },
	})
}

// targetLanguage reads one language code, a comma-separated list or a YAML
// list.
func (p *jobParser) targetLanguage(n *yaml.Node) {
	raw := ""
	if n.Kind == yaml.ScalarNode {
		raw = p.r.String(n, "target_language")
	} else {
		raw = strings.Join(p.r.Strings(n, "target_language"), ",")
	}
	langs, err := langid.ParseTargets(raw)
	if err != nil {
		p.r.Errorf(n, "target_language: %v", err)
	}
	p.job.TargetLanguages = langs
}

func (p *jobParser) output(n *yaml.Node) {
	r, c := p.r, &p.job.Config
	r.Mapping(n, "output", yamlpos.Fields{
		"dir": func(n *yaml.Node) { c.OutputDir = p.abs(r.String(n, "output.dir")) },
		"format": func(n *yaml.Node) {
			if i := r.Enum(n, "output.format", "files", "jsonl"); i >= 0 {
				c.Format = crawler.OutputFormat(i)
			}
		},
		"pages": func(n *yaml.Node) { c.WriteAll = r.Enum(n, "output.pages", "articles", "all") == 1 },
	})
}

// state reads a state section, or a scalar naming a Redis URL or a
// directory.
func (p *jobParser) state(n *yaml.Node) {
	r, j := p.r, p.job
	if n.Kind == yaml.ScalarNode { // state: redis://host:port/db, or a dir
		if v := r.String(n, "state"); IsRedisState(v) {
			j.StateRedis = v
		} else {
			j.StateDir = p.abs(v)
		}
		return
	}
	r.Mapping(n, "state", yamlpos.Fields{
		"dir": func(n *yaml.Node) { j.StateDir = p.abs(r.String(n, "state.dir")) },
		"redis": func(n *yaml.Node) {
			if j.StateRedis = r.String(n, "state.redis"); !IsRedisState(j.StateRedis) {
				r.Errorf(n, "state.redis %q: want a redis://, rediss:// or unix:// URL", j.StateRedis)
			}
		},
	})
}

// required reports the keys a job cannot do without, and state given twice.
// keys are the top-level keys the file has.
func (p *jobParser) required(root *yaml.Node, keys map[string]bool) {
	r, j := p.r, p.job
	if j.Config.Name == "" {
		r.Errorf(root, "missing name")
	}
	if len(j.Config.Seeds) == 0 && !keys["seeds"] {
		r.Errorf(root, "missing seeds")
	}
	if j.Config.OutputDir == "" {
		r.Errorf(root, "missing output.dir")
	}
	if j.StateDir == "" && j.StateRedis == "" {
		r.Errorf(root, "missing state.dir")
	}
	if j.StateDir != "" && j.StateRedis != "" {
		r.Errorf(root, "state: give dir or redis, not both")
	}
}

// Describe is the one-line summary of a checked job (winnow crawl --check).
func (j *Job) Describe() string {
	state := j.StateDir
	if j.StateRedis != "" {
		state = j.StateRedis
	}
	format := "files"
	if j.Config.Format == crawler.OutputJSONL {
		format = "jsonl"
	}
	schedule := "none"
	if j.Schedule != "" {
		schedule = strconv.Quote(j.Schedule)
	}
	return fmt.Sprintf("%s: ok: job %q, %d seeds, hosts %v, output %s (%s), state %s, schedule %s",
		j.Path, j.Config.Name, len(j.Config.Seeds), j.Config.Scope.Hosts, j.Config.OutputDir, format, state, schedule)
}

// jobParser is one Parse call: the Reader, and the job being filled in.
type jobParser struct {
	r      *yamlpos.Reader
	dir    string // of the job file
	job    *Job
	robots bool // politeness.robots, true unless the file says otherwise
}

func (p *jobParser) abs(s string) string {
	if s == "" || filepath.IsAbs(s) {
		return s
	}
	return filepath.Join(p.dir, s)
}

func (p *jobParser) urls(n *yaml.Node) []string {
	var out []string
	for _, c := range p.r.List(n, "seeds") {
		s := p.r.String(c, "seeds")
		if _, err := urls.Canonical(s); err != nil {
			p.r.Errorf(c, "bad seed: %v", err)
			continue
		}
		out = append(out, s)
	}
	return out
}

func (p *jobParser) regexps(n *yaml.Node, what string) []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, c := range p.r.List(n, what) {
		if re := p.r.Regexp(c, what); re != nil {
			out = append(out, re)
		}
	}
	return out
}

var sizeRE = regexp.MustCompile(`^(\d+)\s*([KMG]i?B|B)?$`)

// size reads a byte count: 1048576, 512KiB, 10MiB, 1GB.
func (p *jobParser) size(n *yaml.Node, what string) int64 {
	s := p.r.String(n, what)
	m := sizeRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		if n.Kind == yaml.ScalarNode {
			p.r.Errorf(n, "%s: want a size such as 10MiB, 512KiB or 1048576, got %q", what, s)
		}
		return 0
	}
	v, err := strconv.ParseInt(m[1], 10, 64)
	mult := map[string]int64{"": 1, "B": 1, "KB": 1e3, "KiB": 1 << 10, "MB": 1e6, "MiB": 1 << 20, "GB": 1e9, "GiB": 1 << 30}[m[2]]
	if err != nil || v <= 0 || v > (1<<50)/mult {
		p.r.Errorf(n, "%s: want a size above zero, got %q", what, s)
		return 0
	}
	return v * mult
}
