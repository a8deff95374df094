package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/jobfile"
	"github.com/winnowhq/winnow/crawler/redisstore"
	"github.com/winnowhq/winnow/crawler/schedule"
	"github.com/winnowhq/winnow/langid"
	"github.com/winnowhq/winnow/rules"
)

const crawlUsage = `Usage: winnow crawl [flags] JOB.yaml

Runs one crawl of the job: fetches new and changed articles politely, writes
their clean text to the job's output dir, and keeps state in its state dir.
A run that was interrupted (Ctrl-C, kill, crash) resumes where it stopped.
The job file format is documented in crawler/jobfile/JOBS.md.

Flags:
`

const crawlExamples = `
Exit codes: 0 the run finished and every page was fetched and read; 1 the
run failed (every seed failed, more than max_failed_share of the fetches
failed, the state or output failed, the output dir is in use) or was
interrupted; 2 bad flags or a bad job or rules file; 3 the run finished
but some pages failed (a cap that failed pages, such as max_body_size,
counts). A cap that left URLs unvisited (max_pages, max_pages_per_host,
max_links) does not change the exit code: the job asked for it, and a job
that meets max_pages every hour is working. The summary's "cut by" lines
and /healthz's last_caps say which cap and how many URLs it left.

Examples:
  winnow crawl news.yaml
  winnow crawl --log-format json news.yaml 2>crawl.log
  winnow crawl --restart news.yaml      # drop an interrupted run's frontier
  winnow crawl --check news.yaml        # validate the job and its rules, no network
`

// crawlFlags are the flags of winnow crawl.
type crawlFlags struct {
	stateSpec, worker, logFormat        string
	restart, verbose, noProgress, check bool
}

func (f *crawlFlags) flagSet(e *env) *flag.FlagSet {
	fs := flag.NewFlagSet("winnow crawl", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&f.stateSpec, "state", "", "state dir or redis:// URL, overriding the job's state")
	fs.StringVar(&f.worker, "worker", "", "worker name on a shared Redis state (default HOSTNAME-PID); keep it across restarts")
	fs.StringVar(&f.worker, "worker-id", "", "same as --worker")
	fs.BoolVar(&f.restart, "restart", false, "start a new run even if the last one was interrupted")
	fs.StringVar(&f.logFormat, "log-format", "text", "log format: text or json")
	fs.BoolVar(&f.verbose, "v", false, "log every page")
	fs.BoolVar(&f.noProgress, "no-progress", false, "no progress line, even on a terminal")
	fs.BoolVar(&f.check, "check", false, "check the job file and its rules, print what it says, and exit without crawling")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), crawlUsage)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), crawlExamples)
	}
	return fs
}

// runCrawl runs one crawl job.
func runCrawl(ctx context.Context, args []string, e *env) error {
	var f crawlFlags
	fs := f.flagSet(e)
	if done, err := parseFlags(fs, args, e); done {
		return err
	}
	if err := argCount(fs, 1, "job file"); err != nil {
		return err
	}
	// The live progress line and the log share stderr from two goroutines:
	// one lock keeps their writes whole (env.stderr need not be safe for
	// concurrent use; the race detector caught a test's buffer torn).
	progress := e.stderrTTY && !f.noProgress
	stderr := e.stderr
	if progress {
		stderr = &serialWriter{w: e.stderr}
	}
	log, err := newLogger(stderr, f.logFormat, f.verbose)
	if err != nil {
		return argError(fs, err.Error())
	}
	redisstore.LibraryLog(log) // go-redis's own lines, in the log's format
	j, err := jobfile.Load(fs.Arg(0))
	if err != nil {
		return &configError{err}
	}
	if f.stateSpec != "" {
		j.StateDir, j.StateRedis = f.stateSpec, ""
		if jobfile.IsRedisState(f.stateSpec) {
			j.StateDir, j.StateRedis = "", f.stateSpec
		}
	}
	extract, err := newExtract(j)
	if err != nil {
		return &configError{err}
	}
	if f.check {
		fmt.Fprintln(e.stdout, j.Describe())
		return nil
	}
	var onStart func(*crawler.Crawler)
	progCtx, stopProgress := context.WithCancel(ctx)
	var drawing sync.WaitGroup
	if progress {
		onStart = func(cr *crawler.Crawler) {
			drawing.Go(func() { drawCrawlProgress(progCtx, stderr, j.Config.Name, cr) })
		}
	}
	st, err := schedule.RunJob(ctx, j, extract, log, schedule.RunOptions{Restart: f.restart, Worker: f.worker, OnStart: onStart})
	stopProgress()
	drawing.Wait()
	if onStart != nil {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	if err != nil {
		return err
	}
	return crawlSummary(e, j.Config.Name, st)
}

// crawlSummary prints a run's counts and says how the command exits.
func crawlSummary(e *env, name string, st crawler.Stats) error {
	fmt.Fprintf(e.stderr, "%s: %d written (%d new, %d changed), %d unchanged, %d skipped (%d not in the target language), %d spam, %d failed, %d fetched in %s\n",
		name, st.Written, st.New, st.Changed, st.Unchanged, st.Skipped, st.Unwanted, st.Spam, st.Failed, st.Fetched, st.Elapsed.Round(time.Millisecond))
	for _, cp := range st.Caps {
		fmt.Fprintf(e.stderr, "%s: cut by %s\n", name, cp)
	}
	if st.Panics > 0 {
		// A bug (in a parser, the cleaner, a store) met on some pages:
		// each failed alone and the crawl went on; the log has the stacks.
		fmt.Fprintf(e.stderr, "%s: %d panics recovered, each failing one page or callback (see the log)\n", name, st.Panics)
	}
	if st.Interrupted {
		fmt.Fprintf(e.stderr, "%s: interrupted; state saved, run again to resume\n", name)
		return errSilent
	}
	if st.Failed > 0 || st.Panics > 0 {
		return errPartial
	}
	return nil
}

// newLogger builds the slog logger of crawl and serve.
func newLogger(w io.Writer, format string, verbose bool) (*slog.Logger, error) {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if verbose {
		opts.Level = slog.LevelDebug
	}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", format)
}

// newExtract wires the crawler to the clean library: the crawl→clean loop
// lives here so that package crawler never imports clean.
func newExtract(j *jobfile.Job) (crawler.Extract, error) {
	rs, err := loadRules(j.Rules.Dirs, j.Rules.NoDefaults, j.Rules.Disable)
	var el rules.ErrorList
	if errors.As(err, &el) {
		return nil, err // each error names its rule file, line and column
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", j.Path, err) // "news.yaml: rules: stat ...: no such file or directory"
	}
	// The job's page_timeout bounds the cleaning too (the crawler's context
	// for the page ends then as well).
	cl, err := clean.New(clean.Options{Rules: rs, MaxBytes: j.Config.MaxBodySize, PageTimeout: j.Config.PageTimeout})
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, p *crawler.Page) (string, string, error) {
		res, err := cl.Clean(ctx, clean.Input{
			Source: p.URL, URL: p.URL, ContentType: p.ContentType, Kind: clean.InputHTML,
			Data: p.Body,
		})
		if errors.Is(err, clean.ErrEmpty) {
			// No text: the crawler tells a link-only listing (followed
			// under pages: all) from an article that lost its text (failed).
			return "", "", nil
		}
		if err != nil {
			return "", "", err
		}
		if res.Spam {
			return res.Title, "", &crawler.SpamError{Score: res.Verdict.Score}
		}
		if !langid.Wanted(res.Language, j.TargetLanguages) {
			return "", "", fmt.Errorf("%w: text in %s, not %s", crawler.ErrUnwanted, res.Language, strings.Join(j.TargetLanguages, ","))
		}
		p.Metadata = res.Metadata
		// The text without the title: the crawler writes the title above it.
		return res.Title, res.Body, nil
	}, nil
}

// serialWriter makes the writes of several goroutines to one writer whole
// and one at a time.
type serialWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *serialWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// drawCrawlProgress redraws one status line until ctx ends.
func drawCrawlProgress(ctx context.Context, w io.Writer, name string, cr *crawler.Crawler) {
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s := cr.Stats()
		done := s.Written + s.Unchanged + s.Followed + s.Skipped + s.Spam + s.Failed
		rate := float64(done) / max(s.Elapsed.Seconds(), 1e-3)
		fmt.Fprintf(w, "\r\033[K%s: %d done, %d queued, %d in flight, %.1f pages/s, %d written, %d errors",
			name, done, s.Queued, s.InFlight, rate, s.Written, s.Failed)
	}
}
