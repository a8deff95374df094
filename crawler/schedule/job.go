package schedule

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/winnowhq/winnow/crawler"

	"github.com/winnowhq/winnow/crawler/boltstore"
	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/jobfile"
	"github.com/winnowhq/winnow/crawler/redisstore"
)

// The crawl state of a job, from the job file (state.dir, state.redis, or
// state: redis://...) or from --state, is opened here, so that crawl and
// serve choose between the embedded store and the shared Redis store alike.

// OpenStore opens the state of job: a redis://, rediss:// or unix:// URL
// opens the Redis store shared by every worker of the job (worker names
// this worker; empty means HOSTNAME-PID); anything else is a state dir,
// created if needed, holding the embedded bbolt file crawl.db.
//
// Workers sharing a Redis state should each have their own output dir: each
// keeps its own index.jsonl, and the store keeps each worker's index
// checkpoint under its worker name. Restart a killed worker with the same
// worker name and output dir, so that it replays its index.
func OpenStore(ctx context.Context, spec, job, worker string, log *slog.Logger) (frontier.Store, error) {
	if spec == "" {
		return nil, fmt.Errorf("job %q: no state dir or redis URL", job)
	}
	if jobfile.IsRedisState(spec) {
		st, err := redisstore.Open(ctx, spec, redisstore.Options{Job: job, Worker: worker, Logger: log})
		if err != nil {
			return nil, fmt.Errorf("job %q: %w", job, err)
		}
		return st, nil
	}
	if err := os.MkdirAll(spec, 0o755); err != nil {
		return nil, fmt.Errorf("job %q: state dir: %w", job, err)
	}
	st, err := boltstore.Open(filepath.Join(spec, "crawl.db"))
	if err != nil {
		return nil, fmt.Errorf("job %q: %w", job, err)
	}
	return st, nil
}

// RestartRun drops the current run of st for --restart. On Redis, NewRun
// leaves a run that is going on alone (other workers may have started it),
// so a restart asks for Reset.
func RestartRun(ctx context.Context, st frontier.Store) error {
	if r, ok := st.(frontier.Resetter); ok {
		return r.Reset(ctx)
	}
	return st.NewRun(ctx)
}

// RunOptions are the choices of one run of a job.
type RunOptions struct {
	// Restart drops an interrupted run's frontier first.
	Restart bool
	// Worker names this process on a shared Redis state.
	Worker string
	// OnEvent becomes the crawler's Config.OnEvent.
	OnEvent func(crawler.Event)
	// OnStart is called with the crawler before it runs.
	OnStart func(*crawler.Crawler)
}

// RunJob runs one crawl of j on its state: the state dir's bbolt file, or a
// Redis store shared with other workers (OpenStore, issue 5).
func RunJob(ctx context.Context, j *jobfile.Job, extract crawler.Extract, log *slog.Logger, o RunOptions) (crawler.Stats, error) {
	spec := j.StateDir
	if j.StateRedis != "" {
		spec = j.StateRedis
	}
	st, err := OpenStore(ctx, spec, j.Config.Name, o.Worker, log)
	if err != nil {
		return crawler.Stats{}, fmt.Errorf("%s: %w", j.Path, err)
	}
	defer st.Close()
	if o.Restart {
		if err := RestartRun(ctx, st); err != nil {
			return crawler.Stats{}, fmt.Errorf("%s: %w", j.Path, err)
		}
	}
	cfg := j.Config
	cfg.OnEvent = o.OnEvent
	cr, err := crawler.New(cfg, st, extract, log)
	if err != nil {
		return crawler.Stats{}, fmt.Errorf("%s: %w", j.Path, err)
	}
	if o.OnStart != nil {
		o.OnStart(cr)
	}
	stats, err := cr.Run(ctx)
	if err != nil {
		// The job file is the source of every error of a run, as of those
		// opening it: "news.yaml: job "news": run failed: ...".
		err = fmt.Errorf("%s: %w", j.Path, err)
	}
	return stats, err
}
