package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/winnowhq/winnow/crawler/jobfile"
	"github.com/winnowhq/winnow/crawler/redisstore"
	"github.com/winnowhq/winnow/crawler/schedule"
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
	if *dir == "" {
		return argError(fs, "no --jobs DIR given")
	}
	if err := argCount(fs, 0, ""); err != nil {
		return err
	}
	if *stateURL != "" && !jobfile.IsRedisState(*stateURL) {
		return &usageError{fmt.Sprintf("serve: --state %q: want a redis://, rediss:// or unix:// URL", *stateURL)}
	}
	log, err := newLogger(e.stderr, *logFormat, *verbose)
	if err != nil {
		return argError(fs, err.Error())
	}
	redisstore.LibraryLog(log) // go-redis's own lines, in the log's format
	sv, err := newServer(*dir, *stateURL, *worker, log)
	if err != nil {
		return &configError{err} // the jobs dir or a job in it: exit 2, as for crawl
	}
	if *check {
		for _, sj := range sv.Jobs() {
			fmt.Fprintln(e.stdout, sj.File.Describe())
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
	return sv.Serve(ctx, ln, *runNow, hup)
}

// newServer loads the jobs of dir, cleaning their pages with the clean
// library (newExtract).
func newServer(dir, stateURL, worker string, log *slog.Logger) (*schedule.Server, error) {
	return schedule.New(schedule.Options{Dir: dir, StateURL: stateURL, Worker: worker, Extract: newExtract, Log: log})
}
