package redisstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// Backoff between two attempts of a call while Redis is unreachable: it
// starts at minBackoff and doubles up to maxBackoff, with jitter, so that
// the workers of a crawl do not all reconnect in the same millisecond.
const (
	minBackoff = 25 * time.Millisecond
	maxBackoff = 2 * time.Second
)

// permanent marks an error that no retry can fix.
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// do runs fn, retrying with backoff while the error is transient (Redis
// unreachable, restarting, loading its data) for up to s.retry. It counts
// the call and its time under op in Stats.Ops; errors are wrapped with op
// and subject (a URL, a host; may be empty).
func (s *Store) do(ctx context.Context, op, subject string, fn func(context.Context) error) error {
	start := time.Now()
	defer s.stats.op(op, start)
	if subject != "" {
		op += " " + subject
	}
	var first time.Time
	backoff := minBackoff
	for attempt := 1; ; attempt++ {
		err := fn(ctx)
		if err == nil {
			if attempt > 1 {
				s.log.Info("redis answers again", "op", op, "attempts", attempt, "after", time.Since(first).Round(time.Millisecond))
			}
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("redis %s: %w", op, ctx.Err())
		}
		if !transient(err) {
			return fmt.Errorf("redis %s: %w", op, err)
		}
		if attempt == 1 {
			first = time.Now()
			s.log.Warn("redis unreachable, retrying", "op", op, "err", err)
		}
		if time.Since(first) >= s.retry {
			return fmt.Errorf("redis %s: gave up after %d attempts in %s: %w",
				op, attempt, time.Since(first).Round(time.Millisecond), err)
		}
		s.stats.retries.Add(1)
		sleep := backoff/2 + rand.N(backoff/2+1)
		backoff = min(2*backoff, maxBackoff)
		t := time.NewTimer(sleep)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("redis %s: %w (last error: %w)", op, ctx.Err(), err)
		case <-t.C:
		}
	}
}

// transient reports whether err may go away by itself: the connection failed
// or Redis answered that it is loading, failing over or busy.
func transient(err error) bool {
	var p permanent
	switch {
	case errors.As(err, &p):
		return false
	case errors.Is(err, redis.ErrClosed), errors.Is(err, context.Canceled):
		return false
	}
	var rerr redis.Error
	if errors.As(err, &rerr) {
		msg := rerr.Error()
		for _, prefix := range []string{"LOADING", "BUSY ", "TRYAGAIN", "MASTERDOWN", "READONLY", "CLUSTERDOWN"} {
			if strings.HasPrefix(msg, prefix) {
				return true
			}
		}
		return false
	}
	// Dial errors, resets, EOFs, timeouts and pool timeouts.
	return true
}

// LibraryLog sends the messages go-redis writes itself (a connection pool
// that failed to dial, one line per attempt) to log at debug level, instead
// of the plain lines it prints on stderr by default, which break a log read
// as JSON (--log-format json). The store reports an unreachable Redis
// itself, once per call and in the log's format ("redis unreachable,
// retrying", "redis answers again"). go-redis keeps one logger per process,
// so the program calls this once, with its own logger.
func LibraryLog(log *slog.Logger) {
	redis.SetLogger(libraryLog{log})
}

// libraryLog is go-redis's logging interface on a slog.Logger.
type libraryLog struct{ log *slog.Logger }

func (l libraryLog) Printf(ctx context.Context, format string, v ...any) {
	l.log.DebugContext(ctx, strings.TrimPrefix(fmt.Sprintf(format, v...), "redis: "), "from", "go-redis")
}
