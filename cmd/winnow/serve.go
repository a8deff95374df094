package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/robfig/cron/v3"
	"golang.org/x/net/netutil"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/jobfile"
)

const serveUsage = `Usage: winnow serve --jobs DIR [flags]

Runs every job file (*.yaml, *.yml) of DIR on its cron schedule, never two runs
of one job at once, and serves /healthz and Prometheus /metrics. SIGHUP reads
the job files again: when all are good they replace the running set (a run in
progress finishes first); otherwise the error is logged and nothing changes.

Flags:
`

const serveExamples = `
Examples:
  winnow serve --jobs /etc/winnow/jobs
  winnow serve --jobs jobs --addr 127.0.0.1:9464 --log-format json --run-now
  winnow serve --jobs /etc/winnow/jobs --check   # validate every job, then reload with kill -HUP
`

// runServe runs jobs on their schedules until ctx ends.
func runServe(ctx context.Context, args []string, e *env) error {
	fs := flag.NewFlagSet("winnow serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dir := fs.String("jobs", "", "directory of job files (required)")
	addr := fs.String("addr", "127.0.0.1:9464", "listen address of /healthz and /metrics")
	logFormat := fs.String("log-format", "text", "log format: text or json")
	verbose := fs.Bool("v", false, "debug logging")
	runNow := fs.Bool("run-now", false, "also run every job once at start")
	check := fs.Bool("check", false, "check every job file and its rules, print what each says, and exit")
	stateURL := fs.String("state", "", "redis:// URL of a state shared by every job (each job keeps its own keys), overriding the jobs' state")
	worker := fs.String("worker", "", "worker name on a shared Redis state (default HOSTNAME-PID); keep it across restarts")
	fs.StringVar(worker, "worker-id", "", "same as --worker")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), serveUsage)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), serveExamples)
	}
	if done, err := parseFlags(fs, args, e); done {
		return err
	}
	if *dir == "" || fs.NArg() != 0 {
		fs.Usage()
		return &usageError{"serve: want --jobs DIR and no arguments"}
	}
	if *stateURL != "" && !jobfile.IsRedisState(*stateURL) {
		return &usageError{fmt.Sprintf("serve: --state %q: want a redis://, rediss:// or unix:// URL", *stateURL)}
	}
	log, err := newLogger(e.stderr, *logFormat, *verbose)
	if err != nil {
		return &usageError{err.Error()}
	}
	sv, err := newServer(*dir, *stateURL, log)
	if err != nil {
		return err
	}
	sv.worker = *worker
	if *check {
		for _, sj := range sv.currentJobs() {
			fmt.Fprintln(e.stdout, sj.job.Describe())
		}
		return nil
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	// SIGHUP reloads the job files (never sent on Windows). One buffered
	// signal: HUPs sent during a reload make one more, not one each.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	return sv.serve(ctx, ln, *runNow, hup)
}

// The limits of the /healthz and /metrics server. Before them, idle
// keep-alive connections were never closed, and enough of them used up the
// process's file descriptors: the crawls running in it could not open a
// connection or a file. Connections past serveMaxConns wait in the
// kernel's backlog without a descriptor of ours; an idle or silent one is
// closed after its timeout.
const (
	serveMaxConns          = 64
	serveReadHeaderTimeout = 5 * time.Second
	serveReadTimeout       = 10 * time.Second
	serveWriteTimeout      = 30 * time.Second
	serveIdleTimeout       = 30 * time.Second
)

// server schedules jobs and exports their metrics.
type server struct {
	log      *slog.Logger
	dir      string // of the job files
	stateURL string // a Redis state for every job, overriding theirs
	worker   string // name on a shared Redis state (issue 5)
	reg      *prometheus.Registry
	m        *serveMetrics

	mu      sync.Mutex // guards jobs and runs
	jobs    []*scheduledJob
	runs    map[string]*jobRun // by job name, kept across reloads
	entries []cron.EntryID     // of jobs, once scheduled
}

// scheduledJob is one job as loaded from its file.
type scheduledJob struct {
	job     *jobfile.Job
	extract crawler.Extract
	*jobRun
}

// jobRun is what outlives a reload of a job's file: its run lock and status.
type jobRun struct {
	mu      sync.Mutex // held during a run: no two runs of one job at once
	stateMu sync.Mutex
	last    jobStatus
}

type jobStatus struct {
	Running bool `json:"running"`
	// Healthy is false after a run that failed (ErrRunFailed: every seed
	// failed, too many fetches failed; or the state or output failed).
	Healthy     bool      `json:"healthy"`
	LastStart   time.Time `json:"last_start,omitzero"`
	LastSuccess time.Time `json:"last_success,omitzero"`
	LastError   string    `json:"last_error,omitempty"`
	Written     int64     `json:"last_written"`
	Failed      int64     `json:"last_failed"`
}

type serveMetrics struct {
	fetchErrors *prometheus.CounterVec
	robots      *prometheus.CounterVec
	queue       *prometheus.GaugeVec
	fetched     *prometheus.CounterVec
	cleaned     *prometheus.CounterVec
	pages       *prometheus.CounterVec
	bytes       *prometheus.CounterVec
	fetch       *prometheus.HistogramVec
	runs        *prometheus.CounterVec
	runDuration *prometheus.HistogramVec
	lastSuccess *prometheus.GaugeVec
	running     *prometheus.GaugeVec
}

func newServeMetrics(reg *prometheus.Registry) *serveMetrics {
	m := &serveMetrics{
		fetchErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_fetch_errors_total",
			Help: "Failed and retried fetches by reason: timeout, network, http_4xx, http_5xx, too_large, not_html, robots_unavailable, blocked_address, page_timeout, other."}, []string{"job", "reason"}),
		robots: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_robots_blocked_total",
			Help: "URLs not fetched because robots.txt disallows them."}, []string{"job"}),
		queue: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "winnow_queue_length",
			Help: "Frontier entries not yet done in the running crawl (approximate)."}, []string{"job"}),
		fetched: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_pages_fetched_total",
			Help: "Responses received (any status), robots.txt excluded."}, []string{"job"}),
		cleaned: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_pages_cleaned_total",
			Help: "Article pages cleaned, whether their text was new, changed or unchanged."}, []string{"job"}),
		pages: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_pages_total",
			Help: "Fetch outcomes: written (cleaned, new or changed), unchanged, followed, skipped, retry, failed, spam (a page judged spam from top to bottom: not written)."}, []string{"job", "outcome"}),
		bytes: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_fetched_bytes_total",
			Help: "Response body bytes received."}, []string{"job"}),
		fetch: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "winnow_fetch_duration_seconds",
			Help: "Request durations.", Buckets: prometheus.ExponentialBuckets(0.01, 2.5, 10)}, []string{"job"}),
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_runs_total",
			Help: "Runs by result: ok, interrupted, failed, skipped (previous run still going)."}, []string{"job", "result"}),
		runDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "winnow_run_duration_seconds",
			Help: "Run durations.", Buckets: prometheus.ExponentialBuckets(1, 3, 10)}, []string{"job"}),
		lastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "winnow_last_success_timestamp_seconds",
			Help: "Unix time of the end of the last successful run."}, []string{"job"}),
		running: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "winnow_run_in_progress",
			Help: "1 while a run of the job is going."}, []string{"job"}),
	}
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	reg.MustRegister(m.fetchErrors, m.robots, m.queue, m.fetched, m.cleaned, m.pages, m.bytes, m.fetch, m.runs, m.runDuration, m.lastSuccess, m.running)
	return m
}

// newServer loads every job of dir; any bad job stops the start. A non-empty
// stateURL puts every job's state on that Redis.
func newServer(dir, stateURL string, log *slog.Logger) (*server, error) {
	reg := prometheus.NewRegistry()
	sv := &server{log: log, dir: dir, stateURL: stateURL, reg: reg, m: newServeMetrics(reg), runs: map[string]*jobRun{}}
	jobs, err := sv.load()
	if err != nil {
		return nil, err
	}
	sv.setJobs(jobs)
	return sv, nil
}

// setJobs makes jobs the current ones, giving each the run lock and status
// of the job of the same name before it.
func (sv *server) setJobs(jobs []*scheduledJob) {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	for _, sj := range jobs {
		r := sv.runs[sj.job.Config.Name]
		if r == nil {
			r = &jobRun{last: jobStatus{Healthy: true}} // no run yet: nothing wrong
			sv.runs[sj.job.Config.Name] = r
		}
		sj.jobRun = r
	}
	sv.jobs = jobs
}

func (sv *server) currentJobs() []*scheduledJob {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return sv.jobs
}

// load reads and checks every job file of the server's dir.
func (sv *server) load() ([]*scheduledJob, error) {
	dir := sv.dir
	var paths []string
	for _, pat := range []string{"*.yaml", "*.yml"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		if err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
		paths = append(paths, m...)
	}
	sort.Strings(paths)
	if len(paths) == 0 {
		return nil, fmt.Errorf("serve: no job files (*.yaml) in %s", dir)
	}
	names, dirs := map[string]string{}, map[string]string{}
	var errs []error
	var jobs []*scheduledJob
	for _, p := range paths {
		j, err := jobfile.Load(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if sv.stateURL != "" {
			j.StateDir, j.StateRedis = "", sv.stateURL
		}
		if j.Schedule == "" {
			errs = append(errs, fmt.Errorf("%s: serve needs a schedule", p))
			continue
		}
		if other, dup := names[j.Config.Name]; dup {
			errs = append(errs, fmt.Errorf("%s: job name %q already used by %s", p, j.Config.Name, other))
			continue
		}
		names[j.Config.Name] = p
		dup := false
		for _, d := range []string{j.StateDir, j.Config.OutputDir} {
			if other, ok := dirs[d]; ok && d != "" && other != p {
				errs = append(errs, fmt.Errorf("%s: %s is also used by %s: each job needs its own state and output dirs", p, d, other))
				dup = true
			}
			dirs[d] = p
		}
		if dup {
			continue
		}
		x, err := newExtract(j)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		jobs = append(jobs, &scheduledJob{job: j, extract: x})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return jobs, nil
}

// schedule replaces the cron entries of the previous jobs with the current
// jobs' entries.
func (sv *server) schedule(ctx context.Context, c *cron.Cron) error {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	for _, id := range sv.entries {
		c.Remove(id)
	}
	sv.entries = sv.entries[:0]
	for _, sj := range sv.jobs {
		id, err := c.AddFunc(sj.job.Schedule, func() { sv.run(ctx, sj) })
		if err != nil {
			return fmt.Errorf("%s: schedule: %w", sj.job.Path, err)
		}
		sv.entries = append(sv.entries, id)
		sv.log.Info("job scheduled", "job", sj.job.Config.Name, "schedule", sj.job.Schedule, "file", sj.job.Path)
	}
	return nil
}

// reload reads the job files again. When they are all good they replace
// the current jobs (a run going on finishes with the old file; the next run
// of a job never overlaps it); otherwise the error is logged and the current
// jobs stay.
func (sv *server) reload(ctx context.Context, c *cron.Cron) {
	jobs, err := sv.load()
	if err != nil {
		sv.log.Error("reload failed: the current jobs stay", "dir", sv.dir, "err", err)
		return
	}
	sv.setJobs(jobs)
	if err := sv.schedule(ctx, c); err != nil { // checked by load: not expected
		sv.log.Error("reload failed", "err", err)
		return
	}
	sv.log.Info("jobs reloaded", "dir", sv.dir, "jobs", len(jobs))
}

// serve runs the scheduler and the HTTP endpoints until ctx ends, then lets
// running crawls save their state.
func (sv *server) serve(ctx context.Context, ln net.Listener, runNow bool, reload <-chan os.Signal) error {
	c := cron.New(cron.WithParser(jobfile.ScheduleParser), cron.WithLocation(time.UTC))
	if err := sv.schedule(ctx, c); err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(sv.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", sv.healthz)
	hs := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: serveReadHeaderTimeout,
		ReadTimeout:       serveReadTimeout,
		WriteTimeout:      serveWriteTimeout,
		IdleTimeout:       serveIdleTimeout,
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- hs.Serve(netutil.LimitListener(ln, serveMaxConns)) }()
	sv.log.Info("serving", "addr", ln.Addr().String(), "jobs", len(sv.currentJobs()))
	c.Start()
	if runNow {
		for _, sj := range sv.currentJobs() {
			go sv.run(ctx, sj)
		}
	}
	var err error
wait:
	for {
		select {
		case <-ctx.Done():
			break wait
		case err = <-serveErr:
			break wait
		case <-reload:
			sv.reload(ctx, c)
		}
	}
	sv.log.Info("stopping: waiting for running crawls to save their state")
	<-c.Stop().Done()
	sv.mu.Lock()
	runs := slices.Collect(maps.Values(sv.runs)) // jobs dropped by a reload included
	sv.mu.Unlock()
	for _, r := range runs { // a --run-now run is not tracked by cron
		r.mu.Lock() // waits for the run to end
		r.mu.Unlock()
	}
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	hs.Shutdown(shutCtx)
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// run runs one crawl of sj unless one is already going.
func (sv *server) run(ctx context.Context, sj *scheduledJob) {
	name := sj.job.Config.Name
	if ctx.Err() != nil {
		return
	}
	if !sj.mu.TryLock() {
		sv.m.runs.WithLabelValues(name, "skipped").Inc()
		sv.log.Warn("previous run still going: this one skipped", "job", name)
		return
	}
	defer sj.mu.Unlock()
	start := time.Now()
	sj.setStatus(func(s *jobStatus) { s.Running, s.LastStart = true, start })
	sv.m.running.WithLabelValues(name).Set(1)
	defer sv.m.running.WithLabelValues(name).Set(0)
	sv.log.Info("run start", "job", name)
	onEvent := func(ev crawler.Event) {
		sv.m.pages.WithLabelValues(name, ev.Kind.String()).Inc()
		switch {
		case errors.Is(ev.Err, crawler.ErrDisallowed):
			sv.m.robots.WithLabelValues(name).Inc()
		case ev.Kind == crawler.EventFailed || ev.Kind == crawler.EventRetry:
			sv.m.fetchErrors.WithLabelValues(name, ev.Reason).Inc()
		}
		if ev.Cleaned {
			sv.m.cleaned.WithLabelValues(name).Inc()
		}
		if ev.Status != 0 {
			sv.m.fetched.WithLabelValues(name).Inc()
			sv.m.bytes.WithLabelValues(name).Add(float64(ev.Bytes))
			sv.m.fetch.WithLabelValues(name).Observe(ev.Duration.Seconds())
		}
	}
	var queueing sync.WaitGroup
	queueCtx, stopQueue := context.WithCancel(ctx)
	onStart := func(cr *crawler.Crawler) {
		queueing.Go(func() {
			t := time.NewTicker(time.Second)
			defer t.Stop()
			for {
				sv.m.queue.WithLabelValues(name).Set(float64(cr.Stats().Queued))
				select {
				case <-queueCtx.Done():
					return
				case <-t.C:
				}
			}
		})
	}
	st, err := runJob(ctx, sj.job, sj.extract, sv.log, runOptions{onEvent: onEvent, onStart: onStart, worker: sv.worker})
	stopQueue()
	queueing.Wait()
	sv.m.queue.WithLabelValues(name).Set(float64(st.Queued))
	sv.m.runDuration.WithLabelValues(name).Observe(time.Since(start).Seconds())
	result := "ok"
	switch {
	case err != nil:
		result = "failed"
		sv.log.Error("run failed", "job", name, "err", err)
	case st.Interrupted:
		result = "interrupted"
	default:
		sv.m.lastSuccess.WithLabelValues(name).SetToCurrentTime()
	}
	sv.m.runs.WithLabelValues(name, result).Inc()
	sj.setStatus(func(s *jobStatus) {
		s.Running, s.Written, s.Failed = false, st.Written, st.Failed
		s.LastError, s.Healthy = "", err == nil
		if err != nil {
			s.LastError = err.Error()
		} else if result == "ok" {
			s.LastSuccess = time.Now()
		}
	})
}

func (sj *scheduledJob) setStatus(f func(*jobStatus)) {
	sj.stateMu.Lock()
	f(&sj.last)
	sj.stateMu.Unlock()
}

// healthz answers with each job's last status: 200 and "ok" while every
// job's last run (if any) succeeded; 503 and "unhealthy" when one failed,
// that job showing healthy false and its last error.
func (sv *server) healthz(w http.ResponseWriter, r *http.Request) {
	out := map[string]jobStatus{}
	status, code := "ok", http.StatusOK
	for _, sj := range sv.currentJobs() {
		sj.stateMu.Lock()
		out[sj.job.Config.Name] = sj.last
		sj.stateMu.Unlock()
		if !out[sj.job.Config.Name].Healthy {
			status, code = "unhealthy", http.StatusServiceUnavailable
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]any{"status": status, "jobs": out})
}
