package redisstore

import (
	"context"
	"maps"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// Stats counts the store's traffic with Redis since Open.
type Stats struct {
	// RoundTrips is the number of requests written to Redis and answered
	// (or failed): one per command, one per pipeline.
	RoundTrips int64
	// Commands is the number of Redis commands sent; a Lua script counts as
	// one, whatever it does inside Redis.
	Commands int64
	// Time is the wall time spent waiting for Redis, summed over all
	// goroutines.
	Time time.Duration
	// Dials is the number of connections opened.
	Dials int64
	// Retries is the number of attempts repeated after a transient error.
	Retries int64
	// Ops counts the store's calls by operation ("state", "reserve host",
	// "claim", "commit", ...), with their time including retries.
	Ops map[string]OpStats
}

// OpStats counts the calls of one store operation.
type OpStats struct {
	Calls int64         `json:"calls"`
	Time  time.Duration `json:"time"`
}

// Stats returns the traffic counters.
func (s *Store) Stats() Stats {
	return Stats{
		RoundTrips: s.stats.roundTrips.Load(),
		Commands:   s.stats.commands.Load(),
		Time:       time.Duration(s.stats.nanos.Load()),
		Dials:      s.stats.dials.Load(),
		Retries:    s.stats.retries.Load(),
		Ops:        s.stats.opsSnapshot(),
	}
}

// statsHook is a go-redis hook that counts commands, round trips and time;
// it also keeps the per-operation counts of the store's calls.
type statsHook struct {
	roundTrips, commands, nanos, dials, retries atomic.Int64

	mu  sync.Mutex
	ops map[string]OpStats
}

// op counts a call of the operation name that started at start.
func (h *statsHook) op(name string, start time.Time) {
	d := time.Since(start)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.ops == nil {
		h.ops = map[string]OpStats{}
	}
	o := h.ops[name]
	o.Calls++
	o.Time += d
	h.ops[name] = o
}

func (h *statsHook) opsSnapshot() map[string]OpStats {
	h.mu.Lock()
	defer h.mu.Unlock()
	return maps.Clone(h.ops)
}

var _ redis.Hook = (*statsHook)(nil)

func (h *statsHook) DialHook(next redis.DialHook) redis.DialHook {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		h.dials.Add(1)
		return next(ctx, network, addr)
	}
}

func (h *statsHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		start := time.Now()
		err := next(ctx, cmd)
		h.nanos.Add(int64(time.Since(start)))
		h.roundTrips.Add(1)
		h.commands.Add(1)
		return err
	}
}

func (h *statsHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		start := time.Now()
		err := next(ctx, cmds)
		h.nanos.Add(int64(time.Since(start)))
		h.roundTrips.Add(1)
		h.commands.Add(int64(len(cmds)))
		return err
	}
}
