// Package schedule runs crawl jobs on their cron schedules, as "winnow
// serve" does: every job file of a directory, never two runs of one job at
// once, job files read again on demand, and an HTTP handler with
// Prometheus /metrics and a /healthz that reports each job's last run.
// RunJob runs one job once, on its state (OpenStore).
package schedule

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/robfig/cron/v3"
	"golang.org/x/net/netutil"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/jobfile"
)

// The limits of the /healthz and /metrics server. Before them, idle
// keep-alive connections were never closed, and enough of them used up the
// process's file descriptors: the crawls running in it could not open a
// connection or a file. Connections past MaxConns wait in the
// kernel's backlog without a descriptor of ours; an idle or silent one is
// closed after its timeout.
const (
	MaxConns          = 64
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 30 * time.Second
)

// Options say where a Server finds its jobs and how it runs them.
type Options struct {
	// Dir holds the job files (*.yaml, *.yml).
	Dir string
	// StateURL, when set, is a Redis state for every job, overriding theirs.
	StateURL string
	// Worker names this process on a shared Redis state (issue 5).
	Worker string
	// Extract builds the page extractor of a job (package crawler never
	// cleans pages itself: cmd/winnow wires the clean library in).
	Extract func(*jobfile.Job) (crawler.Extract, error)
	// Log may be nil.
	Log *slog.Logger
}

// Server schedules jobs and exports their metrics.
type Server struct {
	opt Options
	log *slog.Logger
	reg *prometheus.Registry
	m   *metrics

	mu      sync.Mutex // guards jobs and runs
	jobs    []*Job
	runs    map[string]*jobRun // by job name, kept across reloads
	entries []cron.EntryID     // of jobs, once scheduled
}

// Job is one job as loaded from its file.
type Job struct {
	File    *jobfile.Job
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
	// Caps are the limits that cut the last run (crawler.Cap.String).
	Caps []string `json:"last_caps,omitempty"`
}

// New loads every job of opt.Dir; any bad job stops the start.
func New(opt Options) (*Server, error) {
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	reg := prometheus.NewRegistry()
	sv := &Server{opt: opt, log: log, reg: reg, m: newMetrics(reg), runs: map[string]*jobRun{}}
	jobs, err := sv.load()
	if err != nil {
		return nil, err
	}
	sv.setJobs(jobs)
	return sv, nil
}

// setJobs makes jobs the current ones, giving each the run lock and status
// of the job of the same name before it.
func (sv *Server) setJobs(jobs []*Job) {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	for _, sj := range jobs {
		r := sv.runs[sj.File.Config.Name]
		if r == nil {
			r = &jobRun{last: jobStatus{Healthy: true}} // no run yet: nothing wrong
			sv.runs[sj.File.Config.Name] = r
		}
		sj.jobRun = r
	}
	sv.jobs = jobs
}

// Jobs returns the current jobs, in file name order.
func (sv *Server) Jobs() []*Job {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return sv.jobs
}

// load reads and checks every job file of the server's dir.
func (sv *Server) load() ([]*Job, error) {
	dir := sv.opt.Dir
	if st, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("serve: jobs dir: %w", err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("serve: jobs dir %s: not a directory", dir)
	}
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
	var jobs []*Job
	for _, p := range paths {
		j, err := jobfile.Load(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if sv.opt.StateURL != "" {
			j.StateDir, j.StateRedis = "", sv.opt.StateURL
		}
		if j.Schedule == "" {
			errs = append(errs, fmt.Errorf("%s: serve needs a schedule (such as schedule: \"7 * * * *\" or \"@hourly\")", p))
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
		x, err := sv.opt.Extract(j)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		jobs = append(jobs, &Job{File: j, extract: x})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return jobs, nil
}

// schedule replaces the cron entries of the previous jobs with the current
// jobs' entries.
func (sv *Server) schedule(ctx context.Context, c *cron.Cron) error {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	for _, id := range sv.entries {
		c.Remove(id)
	}
	sv.entries = sv.entries[:0]
	for _, sj := range sv.jobs {
		id, err := c.AddFunc(sj.File.Schedule, func() { sv.Run(ctx, sj) })
		if err != nil {
			return fmt.Errorf("%s: schedule: %w", sj.File.Path, err)
		}
		sv.entries = append(sv.entries, id)
		sv.log.Info("job scheduled", "job", sj.File.Config.Name, "schedule", sj.File.Schedule, "file", sj.File.Path)
	}
	return nil
}

// reload reads the job files again. When they are all good they replace
// the current jobs (a run going on finishes with the old file; the next run
// of a job never overlaps it); otherwise the error is logged and the current
// jobs stay.
func (sv *Server) reload(ctx context.Context, c *cron.Cron) {
	jobs, err := sv.load()
	if err != nil {
		sv.log.Error("reload failed: the current jobs stay", "dir", sv.opt.Dir, "err", err)
		return
	}
	sv.setJobs(jobs)
	if err := sv.schedule(ctx, c); err != nil { // checked by load: not expected
		sv.log.Error("reload failed", "err", err)
		return
	}
	sv.log.Info("jobs reloaded", "dir", sv.opt.Dir, "jobs", len(jobs))
}

// Serve runs the scheduler and the HTTP endpoints (Handler) on ln until
// ctx ends, then lets running crawls save their state. runNow also runs
// every job once at start; each value on reload reads the job files again.
func (sv *Server) Serve(ctx context.Context, ln net.Listener, runNow bool, reload <-chan os.Signal) error {
	c := cron.New(cron.WithParser(jobfile.ScheduleParser), cron.WithLocation(time.UTC))
	if err := sv.schedule(ctx, c); err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           sv.Handler(),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- hs.Serve(netutil.LimitListener(ln, MaxConns)) }()
	sv.log.Info("serving", "addr", ln.Addr().String(), "jobs", len(sv.Jobs()))
	c.Start()
	if runNow {
		for _, sj := range sv.Jobs() {
			go sv.Run(ctx, sj)
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

// Run runs one crawl of sj unless one is already going.
func (sv *Server) Run(ctx context.Context, sj *Job) {
	name := sj.File.Config.Name
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
	st, err := RunJob(ctx, sj.File, sj.extract, sv.log, RunOptions{OnEvent: onEvent, OnStart: onStart, Worker: sv.opt.Worker})
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
		s.Caps = nil
		for _, cp := range st.Caps {
			s.Caps = append(s.Caps, cp.String())
		}
		s.LastError, s.Healthy = "", err == nil
		if err != nil {
			s.LastError = err.Error()
		} else if result == "ok" {
			s.LastSuccess = time.Now()
		}
	})
}

func (sj *Job) setStatus(f func(*jobStatus)) {
	sj.stateMu.Lock()
	f(&sj.last)
	sj.stateMu.Unlock()
}

// Handler serves GET /metrics (Prometheus) and GET /healthz.
func (sv *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(sv.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", sv.healthz)
	return mux
}

// healthz answers with each job's last status: 200 and "ok" while every
// job's last run (if any) succeeded; 503 and "unhealthy" when one failed,
// that job showing healthy false and its last error.
func (sv *Server) healthz(w http.ResponseWriter, r *http.Request) {
	out := map[string]jobStatus{}
	status, code := "ok", http.StatusOK
	for _, sj := range sv.Jobs() {
		sj.stateMu.Lock()
		out[sj.File.Config.Name] = sj.last
		sj.stateMu.Unlock()
		if !out[sj.File.Config.Name].Healthy {
			status, code = "unhealthy", http.StatusServiceUnavailable
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]any{"status": status, "jobs": out})
}
