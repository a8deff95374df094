package crawler

import (
	"fmt"
	"regexp"
	"time"

	"github.com/winnowhq/winnow/crawler/urls"
	"github.com/winnowhq/winnow/crawler/visit"
)

// Defaults of Config. The zero value of every field means its default, so a
// zero Config is polite: robots.txt respected, one request per host at a time,
// a second between two requests to one host.
const (
	DefaultUserAgent     = "winnow/1 (+https://github.com/winnowhq/winnow)"
	DefaultDelay         = time.Second
	DefaultRecheck       = time.Hour
	DefaultRecheckMax    = 7 * 24 * time.Hour
	DefaultWorkers       = 8
	DefaultTimeout       = 30 * time.Second
	DefaultMaxBodySize   = 10 << 20
	DefaultRetries       = 3
	DefaultRetryBase     = time.Second
	DefaultMaxRetryAfter = 10 * time.Minute
	DefaultMaxCrawlDelay = time.Minute
	// DefaultMaxDepth and DefaultMaxPages bound a job that names no limit:
	// a site that makes up URLs (calendars, faceted search, a hostile
	// generator) cannot keep a crawl going for ever. A job raises them.
	DefaultMaxDepth = 16
	DefaultMaxPages = 100_000
	// DefaultPageTimeout caps the work on one fetched page (link reading
	// and cleaning), apart from the request's own Timeout.
	DefaultPageTimeout = 10 * time.Second
	// DefaultMaxLinks caps the links read from one HTML page; a sitemap or
	// feed is read up to MaxSitemapLinks, the sitemap protocol's limit.
	DefaultMaxLinks = 10_000
	MaxSitemapLinks = visit.MaxSitemapLinks
	// DefaultMaxInFlightBytes bounds the bytes of pages being read and
	// cleaned at once by all workers (at least MaxBodySize, so every page
	// can pass).
	DefaultMaxInFlightBytes = 32 << 20
	// DefaultMaxFailedShare is the share of finished fetches that may fail
	// before the run counts as failed.
	DefaultMaxFailedShare = 0.5
	// DefaultMaxHostFailures is how many fetches of a host may fail in a
	// row before its remaining pages fail at once: with the default 3
	// retries, some five pages answered by nothing but timeouts or 5xx.
	DefaultMaxHostFailures = 20
)

// OutputFormat says how articles are written.
type OutputFormat int

const (
	// OutputFiles writes one .txt file per article plus index.jsonl.
	OutputFiles OutputFormat = iota
	// OutputJSONL writes only index.jsonl, each line carrying the text.
	OutputJSONL
)

// Config is one crawl job, in library terms (package crawler/jobfile reads
// it from YAML). Its knobs are grouped by concern in embedded structs, so
// that cfg.Delay reads as before and a new knob finds its group.
type Config struct {
	// Name names the job in logs and metrics.
	Name string
	// Seeds are page URLs, sitemaps or RSS/Atom feeds (told apart by content).
	Seeds []string
	// Scope limits the URLs fetched; Scope.Hosts defaults to the seeds' hosts.
	Scope urls.Scope
	// MaxPages caps the URLs admitted to the frontier per run; 0 means
	// DefaultMaxPages.
	MaxPages int
	// Articles, when not empty, decides which pages are articles by URL alone;
	// otherwise markup decides (og:type article, schema.org Article, a single
	// <article> element) and every URL listed by a sitemap or feed is one.
	Articles []*regexp.Regexp
	// WriteAll writes every HTML page, listing pages included.
	WriteAll bool
	// RobotsSitemaps adds the sitemaps named by each host's robots.txt to
	// the frontier, in scope and at depth 0.
	RobotsSitemaps bool

	Politeness
	Limits
	Retry
	Revisit
	Output

	// OnEvent, when set, is called for every fetch outcome, from several
	// goroutines at once.
	OnEvent func(Event)
}

// Politeness is how the crawl treats the sites it asks.
type Politeness struct {
	// UserAgent is sent with every request; its first word is the robots.txt
	// agent name.
	UserAgent string
	// Delay is the least time between two request starts to one host.
	// Zero means DefaultDelay; a negative value turns the delay off.
	Delay time.Duration
	// HostParallelism caps concurrent requests to one host; default 1.
	HostParallelism int
	// Workers caps concurrent requests overall; default DefaultWorkers.
	Workers int
	// IgnoreRobots skips robots.txt. Crawl-delay is honoured otherwise,
	// capped at MaxCrawlDelay.
	IgnoreRobots  bool
	MaxCrawlDelay time.Duration
}

// Limits bound the work, the memory and the failures of a run.
type Limits struct {
	// Timeout caps one request, body included.
	Timeout time.Duration
	// MaxBodySize caps a response body; a larger page fails with ErrTooLarge.
	MaxBodySize int64
	// MaxInFlightBytes bounds the bytes of pages read and cleaned at once
	// across workers (a page waits, once its body is in, until it fits);
	// default DefaultMaxInFlightBytes, never below MaxBodySize.
	MaxInFlightBytes int64
	// PageTimeout caps the work on one page after its response (links,
	// Extract); default DefaultPageTimeout. Extract's context ends then.
	PageTimeout time.Duration
	// MaxLinks caps the links read from one HTML page; default
	// DefaultMaxLinks.
	MaxLinks int
	// MaxHostFailures is how many fetches of one host may fail in a row
	// (no response, a timeout, a 5xx; retries count) before the host's
	// remaining pages fail at once for the run (ErrHostDown), rather than
	// each waiting out its timeout and retries; default
	// DefaultMaxHostFailures, negative for never.
	MaxHostFailures int
	// MaxPagesPerHost caps the URLs of one host admitted to the frontier
	// per run, beside MaxPages for all of them: a trap on one host (an
	// endless calendar, faceted search) then cannot take the pages of the
	// others. Zero means no cap but MaxPages.
	MaxPagesPerHost int
	// MaxFailedShare is the share of finished fetches (written, unchanged,
	// followed, failed) above which a run fails with ErrRunFailed; default
	// DefaultMaxFailedShare. A run in which every seed failed fails too.
	MaxFailedShare float64
	// AllowPrivate lets the crawl connect to loopback, private and
	// link-local addresses anywhere; otherwise only to those its seeds
	// resolve to (see package internal/netguard).
	AllowPrivate bool
}

// Retry says when a failed fetch is tried again (package crawler/visit
// keeps it, as it decides retries).
type Retry = visit.Retry

// Revisit spares known articles a request for a while (adaptive
// revisiting); see visit.Revisit.
type Revisit = visit.Revisit

// Output says where and how articles are written.
type Output struct {
	// OutputDir receives the articles and index.jsonl.
	OutputDir string
	// Format is OutputFiles or OutputJSONL.
	Format OutputFormat
}

// withDefaults returns c with every unset field at its default, in the
// order of the fields' doc comments, and the scope's hosts taken from the
// seeds when none are given.
func (c *Config) withDefaults() (Config, error) {
	d := *c
	if len(d.Seeds) == 0 {
		return d, fmt.Errorf("job %q: no seeds", d.Name)
	}
	if d.OutputDir == "" {
		return d, fmt.Errorf("job %q: no output dir", d.Name)
	}
	if d.UserAgent == "" {
		d.UserAgent = DefaultUserAgent
	}
	defaultOrOff(&d.Delay, DefaultDelay)
	defaultOrOff(&d.Recheck, DefaultRecheck) // off: every run
	orDefault(&d.RecheckMax, DefaultRecheckMax)
	d.RecheckMax = max(d.RecheckMax, d.Recheck)
	orDefault(&d.HostParallelism, 1)
	orDefault(&d.Workers, DefaultWorkers)
	orDefault(&d.MaxCrawlDelay, DefaultMaxCrawlDelay)
	orDefault(&d.Timeout, DefaultTimeout)
	orDefault(&d.MaxBodySize, DefaultMaxBodySize)
	orDefault(&d.MaxInFlightBytes, DefaultMaxInFlightBytes)
	d.MaxInFlightBytes = max(d.MaxInFlightBytes, d.MaxBodySize)
	orDefault(&d.PageTimeout, DefaultPageTimeout)
	orDefault(&d.MaxLinks, DefaultMaxLinks)
	defaultOrOff(&d.MaxHostFailures, DefaultMaxHostFailures)
	if d.MaxFailedShare <= 0 || d.MaxFailedShare > 1 {
		d.MaxFailedShare = DefaultMaxFailedShare
	}
	orDefault(&d.MaxPages, DefaultMaxPages)
	orDefault(&d.Scope.MaxDepth, DefaultMaxDepth)
	defaultOrOff(&d.Retries, DefaultRetries)
	orDefault(&d.RetryBase, DefaultRetryBase)
	orDefault(&d.MaxRetryAfter, DefaultMaxRetryAfter)
	if len(d.Scope.Hosts) == 0 {
		for _, s := range d.Seeds {
			u, err := urls.Canonical(s)
			if err != nil {
				return d, fmt.Errorf("job %q: seed: %w", d.Name, err)
			}
			d.Scope.Hosts = append(d.Scope.Hosts, urls.Host(u))
		}
	}
	return d, nil
}

// number is what a Config default applies to (time.Duration among them).
type number interface {
	~int | ~int64 | ~float64
}

// orDefault sets *v to def unless it is above zero.
func orDefault[T number](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// defaultOrOff sets a field where zero means def and a negative value turns
// the feature off (0).
func defaultOrOff[T number](v *T, def T) {
	switch {
	case *v == 0:
		*v = def
	case *v < 0:
		*v = 0
	}
}

// EventKind classifies a fetch outcome.
type EventKind = visit.EventKind

// Event kinds; see visit.EventKind.
const (
	EventWritten   = visit.EventWritten
	EventUnchanged = visit.EventUnchanged
	EventFollowed  = visit.EventFollowed
	EventSkipped   = visit.EventSkipped
	EventRetry     = visit.EventRetry
	EventFailed    = visit.EventFailed
	EventSpam      = visit.EventSpam
)

// Event is the outcome of one fetch.
type Event = visit.Event
