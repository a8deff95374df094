package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
	"go.yaml.in/yaml/v3"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/langid"
	"github.com/winnowhq/winnow/rules"
)

// jobFile is one crawl job as written in YAML (see crawler/JOBS.md). Paths are
// made absolute against the job file's directory.
type jobFile struct {
	path string

	Name      string
	Seeds     []string
	Scope     crawler.Scope
	MaxPages  int
	Articles  []*regexp.Regexp
	UserAgent string
	// RobotsSitemaps seeds the sitemaps that robots.txt names.
	RobotsSitemaps bool

	Delay         time.Duration // crawler.Config convention: 0 default, <0 none
	Parallelism   int
	Workers       int
	IgnoreRobots  bool
	MaxCrawlDelay time.Duration

	Timeout       time.Duration
	MaxBodySize   int64
	Retries       int // crawler.Config convention: 0 default, <0 none
	RetryBackoff  time.Duration
	MaxRetryAfter time.Duration
	Recheck       time.Duration // crawler.Config convention: 0 default, <0 every run
	RecheckMax    time.Duration

	RuleDirs       []string
	NoDefaultRules bool
	DisableRules   []string
	// TargetLanguages keeps only articles whose text is in one of these
	// languages (ISO 639-1); the others count as skipped.
	TargetLanguages []string

	OutputDir string
	Format    crawler.OutputFormat
	WriteAll  bool

	StateDir   string
	StateRedis string // a Redis store shared by several workers (issue 5)

	Schedule string
}

// loadJob reads and checks a job file.
func loadJob(path string) (*jobFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("job: %w", err)
	}
	return parseJob(path, data)
}

// cronParser accepts five-field expressions and @hourly-style descriptors.
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// parseSchedule is cronParser.Parse, which panics on a time zone without
// fields after it ("TZ=UTC"; robfig/cron issue 554, not fixed upstream).
func parseSchedule(spec string) (s cron.Schedule, err error) {
	defer func() {
		if recover() != nil {
			s, err = nil, fmt.Errorf("no fields after the time zone")
		}
	}()
	return cronParser.Parse(spec)
}

// parseJob decodes a job strictly: unknown keys, wrong types and bad values
// are errors with their position, all reported together.
func parseJob(path string, data []byte) (*jobFile, error) {
	p := &jobParser{file: path}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, rules.YAMLError(path, err)
	}
	j := &jobFile{path: path}
	if len(doc.Content) == 0 {
		return nil, rules.ErrorList{{Pos: rules.Pos{File: path, Line: 1, Col: 1}, Msg: "empty job file"}}
	}
	dir := filepath.Dir(path)
	abs := func(s string) string {
		if s == "" || filepath.IsAbs(s) {
			return s
		}
		return filepath.Join(dir, s)
	}
	robots := true
	p.mapping(doc.Content[0], "job", map[string]func(*yaml.Node){
		"name":            func(n *yaml.Node) { j.Name = p.str(n) },
		"seeds":           func(n *yaml.Node) { j.Seeds = p.urls(n) },
		"user_agent":      func(n *yaml.Node) { j.UserAgent = p.str(n) },
		"articles":        func(n *yaml.Node) { j.Articles = p.regexps(n) },
		"robots_sitemaps": func(n *yaml.Node) { j.RobotsSitemaps = p.boolean(n) },
		"schedule": func(n *yaml.Node) {
			j.Schedule = p.str(n)
			if _, err := parseSchedule(j.Schedule); j.Schedule != "" && err != nil {
				p.errf(n, "bad schedule %q: %v", j.Schedule, err)
			}
		},
		"scope": func(n *yaml.Node) {
			p.mapping(n, "scope", map[string]func(*yaml.Node){
				"hosts":     func(n *yaml.Node) { j.Scope.Hosts = p.strs(n) },
				"include":   func(n *yaml.Node) { j.Scope.Include = p.regexps(n) },
				"exclude":   func(n *yaml.Node) { j.Scope.Exclude = p.regexps(n) },
				"max_depth": func(n *yaml.Node) { j.Scope.MaxDepth = p.count(n) },
				"max_pages": func(n *yaml.Node) { j.MaxPages = p.count(n) },
			})
		},
		"politeness": func(n *yaml.Node) {
			p.mapping(n, "politeness", map[string]func(*yaml.Node){
				"delay": func(n *yaml.Node) {
					if j.Delay = p.duration(n); j.Delay == 0 {
						j.Delay = -1 // an explicit 0 turns the delay off
					}
				},
				"parallelism":     func(n *yaml.Node) { j.Parallelism = p.positive(n) },
				"workers":         func(n *yaml.Node) { j.Workers = p.positive(n) },
				"robots":          func(n *yaml.Node) { robots = p.boolean(n) },
				"max_crawl_delay": func(n *yaml.Node) { j.MaxCrawlDelay = p.duration(n) },
			})
		},
		"timeout":       func(n *yaml.Node) { j.Timeout = p.positiveDuration(n) },
		"max_body_size": func(n *yaml.Node) { j.MaxBodySize = p.size(n) },
		"retries": func(n *yaml.Node) {
			if j.Retries = p.count(n); j.Retries == 0 {
				j.Retries = -1
			}
		},
		"retry_backoff":   func(n *yaml.Node) { j.RetryBackoff = p.positiveDuration(n) },
		"max_retry_after": func(n *yaml.Node) { j.MaxRetryAfter = p.positiveDuration(n) },
		"recheck": func(n *yaml.Node) {
			if j.Recheck = p.duration(n); j.Recheck == 0 {
				j.Recheck = -1 // an explicit 0: every known article on every run
			}
		},
		"recheck_max": func(n *yaml.Node) { j.RecheckMax = p.positiveDuration(n) },
		"rules": func(n *yaml.Node) {
			p.mapping(n, "rules", map[string]func(*yaml.Node){
				"dirs": func(n *yaml.Node) {
					for _, d := range p.strs(n) {
						j.RuleDirs = append(j.RuleDirs, abs(d))
					}
				},
				"no_defaults": func(n *yaml.Node) { j.NoDefaultRules = p.boolean(n) },
				"disable":     func(n *yaml.Node) { j.DisableRules = p.strs(n) },
			})
		},
		"target_language": func(n *yaml.Node) {
			raw := ""
			if n.Kind == yaml.ScalarNode {
				raw = p.str(n)
			} else {
				raw = strings.Join(p.strs(n), ",")
			}
			langs, err := langid.ParseTargets(raw)
			if err != nil {
				p.errf(n, "target_language: %v", err)
			}
			j.TargetLanguages = langs
		},
		"output": func(n *yaml.Node) {
			p.mapping(n, "output", map[string]func(*yaml.Node){
				"dir": func(n *yaml.Node) { j.OutputDir = abs(p.str(n)) },
				"format": func(n *yaml.Node) {
					switch s := p.str(n); s {
					case "files":
						j.Format = crawler.OutputFiles
					case "jsonl":
						j.Format = crawler.OutputJSONL
					default:
						p.errf(n, "output.format %q: want files or jsonl", s)
					}
				},
				"pages": func(n *yaml.Node) {
					switch s := p.str(n); s {
					case "articles":
					case "all":
						j.WriteAll = true
					default:
						p.errf(n, "output.pages %q: want articles or all", s)
					}
				},
			})
		},
		"state": func(n *yaml.Node) {
			if n.Kind == yaml.ScalarNode { // state: redis://host:port/db, or a dir
				if v := p.str(n); isRedisState(v) {
					j.StateRedis = v
				} else {
					j.StateDir = abs(v)
				}
				return
			}
			p.mapping(n, "state", map[string]func(*yaml.Node){
				"dir": func(n *yaml.Node) { j.StateDir = abs(p.str(n)) },
				"redis": func(n *yaml.Node) {
					if j.StateRedis = p.str(n); !isRedisState(j.StateRedis) {
						p.errf(n, "state.redis %q: want a redis://, rediss:// or unix:// URL", j.StateRedis)
					}
				},
			})
		},
	})
	j.IgnoreRobots = !robots
	root := doc.Content[0]
	if j.Name == "" {
		p.errf(root, "missing name")
	}
	if len(j.Seeds) == 0 && !hasKey(root, "seeds") {
		p.errf(root, "missing seeds")
	}
	if j.OutputDir == "" {
		p.errf(root, "missing output.dir")
	}
	if j.StateDir == "" && j.StateRedis == "" {
		p.errf(root, "missing state.dir")
	}
	if j.StateDir != "" && j.StateRedis != "" {
		p.errf(root, "state: give dir or redis, not both")
	}
	if err := p.errs.Err(); err != nil {
		return nil, err
	}
	return j, nil
}

// config converts the job to the crawler's terms.
func (j *jobFile) config() crawler.Config {
	return crawler.Config{
		Name: j.Name, Seeds: j.Seeds, Scope: j.Scope, MaxPages: j.MaxPages,
		Articles: j.Articles, WriteAll: j.WriteAll, RobotsSitemaps: j.RobotsSitemaps, UserAgent: j.UserAgent,
		Delay: j.Delay, HostParallelism: j.Parallelism, Workers: j.Workers,
		IgnoreRobots: j.IgnoreRobots, MaxCrawlDelay: j.MaxCrawlDelay,
		Timeout: j.Timeout, MaxBodySize: j.MaxBodySize, Retries: j.Retries,
		RetryBase: j.RetryBackoff, MaxRetryAfter: j.MaxRetryAfter, Recheck: j.Recheck, RecheckMax: j.RecheckMax,
		OutputDir: j.OutputDir, Format: j.Format,
	}
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// jobParser walks a yaml.Node tree, collecting errors with positions.
type jobParser struct {
	file string
	errs rules.ErrorList // the file:line:col errors of rule files serve job files too
}

func (p *jobParser) errf(n *yaml.Node, format string, args ...any) {
	p.errs.Add(rules.Pos{File: p.file, Line: n.Line, Col: n.Column}, format, args...)
}

func (p *jobParser) mapping(n *yaml.Node, what string, keys map[string]func(*yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.errf(n, "%s: want a mapping", what)
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		f, ok := keys[k.Value]
		switch {
		case !ok:
			p.errf(k, "unknown key %q in %s", k.Value, what)
		case seen[k.Value]:
			p.errf(k, "duplicate key %q in %s", k.Value, what)
		default:
			seen[k.Value] = true
			f(v)
		}
	}
}

func (p *jobParser) scalar(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		p.errf(n, "want a single value")
		return "", false
	}
	return n.Value, true
}

func (p *jobParser) str(n *yaml.Node) string {
	s, ok := p.scalar(n)
	if ok && n.Tag != "!!str" && n.Tag != "!!int" && n.Tag != "!!float" {
		p.errf(n, "want a string, got %s", strings.TrimPrefix(n.Tag, "!!"))
		return ""
	}
	return s
}

func (p *jobParser) strs(n *yaml.Node) []string {
	if n.Kind == yaml.ScalarNode {
		return []string{p.str(n)}
	}
	if n.Kind != yaml.SequenceNode {
		p.errf(n, "want a list")
		return nil
	}
	var out []string
	for _, c := range n.Content {
		out = append(out, p.str(c))
	}
	return out
}

func (p *jobParser) urls(n *yaml.Node) []string {
	var out []string
	nodes := n.Content
	if n.Kind == yaml.ScalarNode {
		nodes = []*yaml.Node{n}
	}
	for _, c := range nodes {
		s := p.str(c)
		if _, err := crawler.Canonical(s); err != nil {
			p.errf(c, "bad seed: %v", err)
			continue
		}
		out = append(out, s)
	}
	if n.Kind != yaml.ScalarNode && n.Kind != yaml.SequenceNode {
		p.errf(n, "want a list of URLs")
	}
	return out
}

func (p *jobParser) regexps(n *yaml.Node) []*regexp.Regexp {
	var out []*regexp.Regexp
	nodes := n.Content
	if n.Kind == yaml.ScalarNode {
		nodes = []*yaml.Node{n}
	} else if n.Kind != yaml.SequenceNode {
		p.errf(n, "want a list of regular expressions")
		return nil
	}
	for _, c := range nodes {
		re, err := regexp.Compile(p.str(c))
		if err != nil {
			p.errf(c, "bad regular expression: %v", err)
			continue
		}
		out = append(out, re)
	}
	return out
}

func (p *jobParser) boolean(n *yaml.Node) bool {
	s, ok := p.scalar(n)
	if !ok {
		return false
	}
	if n.Tag != "!!bool" {
		p.errf(n, "want true or false, got %q", s)
		return false
	}
	return s == "true" || s == "True" || s == "TRUE"
}

func (p *jobParser) count(n *yaml.Node) int {
	s, ok := p.scalar(n)
	if !ok {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		p.errf(n, "want a whole number ≥ 0, got %q", s)
		return 0
	}
	return v
}

func (p *jobParser) positive(n *yaml.Node) int {
	s, ok := p.scalar(n)
	if !ok {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 1 {
		p.errf(n, "want a whole number ≥ 1, got %q", s)
		return 0
	}
	return v
}

func (p *jobParser) duration(n *yaml.Node) time.Duration {
	s, ok := p.scalar(n)
	if !ok {
		return 0
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		p.errf(n, "want a duration such as 500ms, 2s or 1m, got %q", s)
		return 0
	}
	return d
}

func (p *jobParser) positiveDuration(n *yaml.Node) time.Duration {
	d := p.duration(n)
	if d == 0 && n.Kind == yaml.ScalarNode && n.Value != "" {
		if _, err := time.ParseDuration(n.Value); err == nil {
			p.errf(n, "want a duration above zero")
		}
	}
	return d
}

var sizeRE = regexp.MustCompile(`^(\d+)\s*([KMG]i?B|B)?$`)

// size reads a byte count: 1048576, 512KiB, 10MiB, 1GB.
func (p *jobParser) size(n *yaml.Node) int64 {
	s, ok := p.scalar(n)
	if !ok {
		return 0
	}
	m := sizeRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		p.errf(n, "want a size such as 10MiB, 512KiB or 1048576, got %q", s)
		return 0
	}
	v, err := strconv.ParseInt(m[1], 10, 64)
	mult := map[string]int64{"": 1, "B": 1, "KB": 1e3, "KiB": 1 << 10, "MB": 1e6, "MiB": 1 << 20, "GB": 1e9, "GiB": 1 << 30}[m[2]]
	if err != nil || v <= 0 {
		p.errf(n, "want a size above zero, got %q", s)
		return 0
	}
	return v * mult
}
