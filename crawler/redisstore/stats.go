package redisstore

import (
	"context"
	"net"
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
}

// Stats returns the traffic counters.
func (s *Store) Stats() Stats {
	return Stats{
		RoundTrips: s.stats.roundTrips.Load(),
		Commands:   s.stats.commands.Load(),
		Time:       time.Duration(s.stats.nanos.Load()),
		Dials:      s.stats.dials.Load(),
		Retries:    s.stats.retries.Load(),
	}
}

// statsHook is a go-redis hook that counts commands, round trips and time.
type statsHook struct {
	roundTrips, commands, nanos, dials, retries atomic.Int64
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
