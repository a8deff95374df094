package redisstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/redisstore/robotshare"
	"github.com/winnowhq/winnow/crawler/urls"
)

// Defaults of Options.
const (
	// DefaultRetryFor is how long a call keeps retrying while Redis is
	// unreachable: long enough for a restart of Redis.
	DefaultRetryFor = 2 * time.Minute
	// DefaultLease is Options.Lease by default.
	DefaultLease = 30 * time.Second

	// group is the consumer group of the frontier stream.
	group = "crawl"
)

// Options configure a Store.
type Options struct {
	// Job names the crawl job; all its keys start with "winnow:{Job}:".
	// Workers of one crawl must use the same name. Empty means "default".
	Job string
	// Worker names this worker in the consumer group and keys its index
	// checkpoint. Give a restarted worker its old name to replay its index.
	// Empty means HOSTNAME-PID.
	Worker string
	// RetryFor caps how long one call retries while Redis is unreachable or
	// loading; default DefaultRetryFor. Negative means no retries.
	RetryFor time.Duration
	// Lease is the longest a claimed entry stays with a worker that stopped
	// renewing it (see Claim); default DefaultLease.
	Lease time.Duration
	// Logger receives a warning when Redis becomes unreachable and a note
	// when it answers again; nil discards them.
	Logger *slog.Logger
}

// Store implements frontier.Store and its optional capabilities.
var (
	_ frontier.Store       = (*Store)(nil)
	_ frontier.HostGate    = (*Store)(nil)
	_ frontier.SharedStore = (*Store)(nil)
	_ frontier.Resetter    = (*Store)(nil)
	_ frontier.Fencer      = (*Store)(nil)
	_ frontier.RobotsShare = (*Store)(nil)

	_ frontier.LeftOutCounter = (*Store)(nil)
)

// Store is a frontier.Store on Redis, safe for concurrent use by many
// goroutines and by many processes sharing one Redis.
type Store struct {
	rdb    *redis.Client
	worker string
	retry  time.Duration
	log    *slog.Logger
	stats  *statsHook
	clock  clockOffset
	leases leases
	tokens hostTokens
	lease  time.Duration
	stop   context.CancelFunc
	wg     sync.WaitGroup

	keys
	*robotshare.Share // robots.txt answers, shared by the job's workers
}

// keys are the Redis keys of one job, all in one hash slot ({job}).
type keys struct {
	kStream, kDelayed, kSeen, kState, kHosts, kMeta, kWorkers string
	kBusy                                                     string // prefix: + host
	// kSeenHosts counts the URLs of each host in the seen set (the
	// per-host limit), kept only when a job sets one.
	kSeenHosts string
	// kLeftOut holds the URLs the limits left out (frontier.LeftOut).
	kLeftOut string
}

// Open connects to the Redis server named by rawURL
// (redis://[user:password@]host:port/db, or rediss:// for TLS) and prepares
// the job's keys. It waits up to Options.RetryFor for Redis to answer.
//
// Besides go-redis's own query parameters (dial_timeout, pool_size, ...),
// the URL may set "lease" and "retry_for" (Go durations), which override
// Options.Lease and Options.RetryFor: redis://host:6379/0?lease=10s.
func Open(ctx context.Context, rawURL string, opts Options) (*Store, error) {
	clientURL, err := takeParams(rawURL, &opts)
	if err != nil {
		return nil, fmt.Errorf("redis state %q: %w", redactURL(rawURL), err)
	}
	ro, err := redis.ParseURL(clientURL)
	if err != nil {
		return nil, fmt.Errorf("redis state %q: %w", redactURL(rawURL), err)
	}
	// The store retries whole calls itself (see do), so that a script is
	// never half-retried and every attempt is counted.
	ro.MaxRetries = -1
	ro.DialerRetries = 1
	if opts.Job == "" {
		opts.Job = "default"
	}
	if opts.Worker == "" {
		host, _ := os.Hostname()
		if host == "" {
			host = "worker"
		}
		opts.Worker = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	switch {
	case opts.RetryFor == 0:
		opts.RetryFor = DefaultRetryFor
	case opts.RetryFor < 0:
		opts.RetryFor = 0
	}
	if opts.Lease <= 0 {
		opts.Lease = DefaultLease
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	p := "winnow:{" + opts.Job + "}:"
	s := &Store{
		rdb:    redis.NewClient(ro),
		worker: opts.Worker,
		retry:  opts.RetryFor,
		log:    opts.Logger.With("redis", ro.Addr, "worker", opts.Worker),
		stats:  &statsHook{},
		keys: keys{
			kStream:    p + "frontier",
			kDelayed:   p + "delayed",
			kSeen:      p + "seen",
			kState:     p + "state",
			kHosts:     p + "hosts",
			kMeta:      p + "meta",
			kWorkers:   p + "workers",
			kBusy:      p + "busy:",
			kSeenHosts: p + "seen-hosts",
			kLeftOut:   p + "left-out",
		},
		leases: leases{held: map[string]heldEntry{}, states: map[string]string{}, lease: opts.Lease, shorter: make(chan struct{}, 1)},
		lease:  opts.Lease,
	}
	s.tokens.init(opts.Worker)
	s.Share = robotshare.New(s.rdb, p, opts.Worker, s.do)
	s.rdb.AddHook(s.stats)
	err = s.do(ctx, "open", "", func(ctx context.Context) error {
		err := s.rdb.XGroupCreateMkStream(ctx, s.kStream, group, "0").Err()
		if err != nil && strings.HasPrefix(err.Error(), "BUSYGROUP") {
			return nil
		}
		return err
	})
	if err == nil {
		err = s.calibrate(ctx)
	}
	if err != nil {
		s.rdb.Close()
		return nil, fmt.Errorf("redis state %s: %w", ro.Addr, err)
	}
	renewCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	s.stop = stop
	s.wg.Go(func() { s.renewLoop(renewCtx) })
	return s, nil
}

// calibrate takes a few samples of the Redis clock for clockOffset.
func (s *Store) calibrate(ctx context.Context) error {
	for range 5 {
		err := s.do(ctx, "time", "", func(ctx context.Context) error {
			sent := time.Now()
			t, err := s.rdb.Time(ctx).Result()
			if err != nil {
				return err
			}
			s.clock.update(sent, time.Now(), t.UnixMicro())
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// takeParams moves the store's own query parameters from raw into opts and
// returns the URL without them.
func takeParams(raw string, opts *Options) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", err
	}
	q := u.Query()
	for name, dst := range map[string]*time.Duration{"lease": &opts.Lease, "retry_for": &opts.RetryFor} {
		v := q.Get(name)
		if v == "" {
			continue
		}
		d, err := time.ParseDuration(v)
		if err != nil {
			return "", fmt.Errorf("%s=%q: %w", name, v, err)
		}
		*dst = d
		q.Del(name)
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// redactURL hides the password of a Redis URL in error messages.
func redactURL(raw string) string {
	at := strings.LastIndex(raw, "@")
	scheme := strings.Index(raw, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return raw
	}
	return raw[:scheme+3] + "xxx" + raw[at:]
}

// Shared reports that the store is shared by several worker processes,
// each with its own output dir: the crawler must not take an article file
// missing from its own dir for one removed by hand.
func (s *Store) Shared() bool { return true }

// Worker returns the worker name used as the consumer name.
func (s *Store) Worker() string { return s.worker }

// Close stops renewing leases and closes the connections to Redis.
// Everything committed is in Redis; entries claimed and not committed or
// released go to other workers once their lease expires.
func (s *Store) Close() error {
	s.stop()
	s.wg.Wait()
	if err := s.rdb.Close(); err != nil {
		return fmt.Errorf("close redis state: %w", err)
	}
	return nil
}

// NewRun starts a new run when the frontier is empty: it empties the seen set
// and recreates the frontier. When the frontier is not empty, another worker
// has just started the run (or one is still going on), and NewRun leaves it
// alone, so that workers started together join one run. Use Reset to drop a
// run that is still going on.
func (s *Store) NewRun(ctx context.Context) error {
	return s.newRun(ctx, "new run", "0")
}

// Reset drops the current run whatever its state: the frontier, the seen set
// and every lease. URL states and host reservations stay.
func (s *Store) Reset(ctx context.Context) error {
	return s.newRun(ctx, "reset run", "1")
}

func (s *Store) newRun(ctx context.Context, op, force string) error {
	return s.do(ctx, op, "", func(ctx context.Context) error {
		return scriptNewRun.Run(ctx, s.rdb,
			[]string{s.kStream, s.kDelayed, s.kSeen, s.kMeta, s.kSeenHosts, s.kLeftOut}, group, force).Err()
	})
}

// Pending returns the number of entries in the frontier: in the stream
// (claimed or not) and waiting for their NotBefore.
func (s *Store) Pending(ctx context.Context) (int, error) {
	var n int64
	err := s.do(ctx, "pending", "", func(ctx context.Context) error {
		var xlen, zcard *redis.IntCmd
		_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
			xlen = p.XLen(ctx, s.kStream)
			zcard = p.ZCard(ctx, s.kDelayed)
			return nil
		})
		if err != nil {
			return err
		}
		n = xlen.Val() + zcard.Val()
		return nil
	})
	return int(n), err
}

// Enqueue adds entries whose URL is not in the seen set, atomically with the
// seen set, and stops once the seen set holds limit URLs (limit > 0).
func (s *Store) Enqueue(ctx context.Context, entries []frontier.Entry, limit frontier.Limits) (int, error) {
	if len(entries) == 0 {
		return 0, ctx.Err()
	}
	args := make([]any, 0, 3+4*len(entries))
	args, err := appendEnqueue(args, entries, limit)
	if err != nil {
		return 0, err
	}
	var added int64
	err = s.do(ctx, "enqueue", "", func(ctx context.Context) error {
		var err error
		added, err = scriptEnqueue.Run(ctx, s.rdb, []string{s.kStream, s.kDelayed, s.kSeen, s.kSeenHosts, s.kLeftOut, s.kMeta}, args...).Int64()
		return err
	})
	return int(added), err
}

// appendEnqueue appends the enqueue arguments of the scripts.
func appendEnqueue(args []any, entries []frontier.Entry, limit frontier.Limits) ([]any, error) {
	args = append(args, limit.Pages, limit.PerHost, len(entries))
	for _, e := range entries {
		p, err := payload(e)
		if err != nil {
			return nil, err
		}
		host := ""
		if limit.PerHost > 0 {
			host = urls.Host(e.URL)
		}
		if limit.Depth > 0 && e.Depth > limit.Depth {
			p = "" // too deep: only counted (lua/prelude.lua)
		}
		args = append(args, e.URL, host, waitMillis(e.NotBefore), p)
	}
	return args, nil
}

// payload is an entry as stored in the stream and in delayed.
func payload(e frontier.Entry) (string, error) {
	e.ID = ""
	b, err := json.Marshal(e)
	if err != nil {
		return "", fmt.Errorf("encode entry %s: %w", e.URL, err)
	}
	return string(b), nil
}

// waitMillis turns an absolute NotBefore of this machine's clock into a wait
// from now, which the scripts add to the Redis clock.
func waitMillis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	d := time.Until(t)
	if d <= 0 {
		return 0
	}
	return (d + time.Millisecond - 1).Milliseconds()
}

// Claim leases up to max ready entries: first those whose lease expired in
// another worker (XAUTOCLAIM), then new ones (XREADGROUP).
//
// The lease is the shorter of lease and Options.Lease, and the store renews
// it while this worker lives, until the entry is committed or released: so
// it is the time after which the entries of a dead worker go to others, not
// a cap on how long a live worker may hold them. Workers of one crawl should
// use the same Options.Lease.
func (s *Store) Claim(ctx context.Context, max int, lease time.Duration) ([]frontier.Entry, error) {
	if max <= 0 {
		return nil, ctx.Err()
	}
	if lease <= 0 || lease > s.lease {
		lease = s.lease
	}
	var raw []any
	sent := time.Now()
	err := s.do(ctx, "claim", "", func(ctx context.Context) error {
		var err error
		raw, err = scriptClaim.Run(ctx, s.rdb, []string{s.kStream, s.kDelayed, s.kMeta, s.kState, s.kWorkers},
			group, s.worker, max, lease.Milliseconds(), s.leases.count()).Slice()
		if errors.Is(err, redis.Nil) {
			raw, err = nil, nil
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]frontier.Entry, 0, len(raw)/3)
	for i := 0; i+2 < len(raw); i += 3 {
		id, _ := raw[i].(string)
		p, _ := raw[i+1].(string)
		// The state: nil when the URL has none, "" when not read.
		st, _ := raw[i+2].(string)
		prefetched := raw[i+2] == nil
		var e frontier.Entry
		if err := json.Unmarshal([]byte(p), &e); err != nil {
			return out, fmt.Errorf("claim: frontier entry %s: %w", id, err)
		}
		if s.leases.has(id) {
			// Taken back from ourselves after renewals failed: it is
			// still being worked on here.
			continue
		}
		e.ID = id
		out = append(out, e)
		if prefetched || st != "" {
			s.leases.prefetched(e.URL, st)
		}
	}
	s.leases.add(out, lease, sent)
	return out, nil
}

// Release puts claimed entries back at the end of the frontier, at once
// claimable by any worker.
func (s *Store) Release(ctx context.Context, entries []frontier.Entry) error {
	if len(entries) == 0 {
		return nil
	}
	args := make([]any, 0, 2+2*len(entries))
	args = append(args, group, len(entries))
	for _, e := range entries {
		p, err := payload(e)
		if err != nil {
			return err
		}
		args = append(args, e.ID, p)
	}
	err := s.do(ctx, "release", "", func(ctx context.Context) error {
		return scriptRelease.Run(ctx, s.rdb, []string{s.kStream}, args...).Err()
	})
	if err == nil {
		s.leases.drop(entryIDs(entries))
	}
	return err
}

// Commit applies a batch in one Lua script: atomic, and safe to retry.
func (s *Store) Commit(ctx context.Context, b *frontier.Batch) error {
	if b == nil {
		return nil
	}
	args := make([]any, 0, 9+len(b.Done)+3*len(b.Retry)+2*len(b.States)+4*len(b.Enqueue))
	args = append(args, group, "checkpoint:"+s.worker, b.Checkpoint, len(b.Done))
	for _, e := range b.Done {
		args = append(args, e.ID)
	}
	args = append(args, len(b.Retry))
	for _, e := range b.Retry {
		p, err := payload(e)
		if err != nil {
			return fmt.Errorf("commit: %w", err)
		}
		args = append(args, e.ID, waitMillis(e.NotBefore), p)
	}
	args = append(args, len(b.States))
	for u, st := range b.States {
		v, err := json.Marshal(st)
		if err != nil {
			return fmt.Errorf("commit: encode state of %s: %w", u, err)
		}
		args = append(args, u, string(v))
	}
	args, err := appendEnqueue(args, b.Enqueue, b.Limit)
	if err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	keys := []string{s.kStream, s.kDelayed, s.kSeen, s.kState, s.kMeta, s.kSeenHosts, s.kLeftOut}
	err = s.do(ctx, "commit", "", func(ctx context.Context) error {
		return scriptCommit.Run(ctx, s.rdb, keys, args...).Err()
	})
	if err == nil {
		s.leases.drop(entryIDs(b.Done))
		s.leases.drop(entryIDs(b.Retry))
	}
	return err
}

func entryIDs(es []frontier.Entry) []string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return ids
}

// ReserveHost reserves the next request start for host on the Redis clock,
// shared by every worker, and returns it on this machine's clock (see
// clockOffset).
func (s *Store) ReserveHost(ctx context.Context, host string, delay time.Duration) (time.Time, error) {
	var at, now int64
	var sent, recv time.Time
	err := s.do(ctx, "reserve host", host, func(ctx context.Context) error {
		sent = time.Now()
		v, err := scriptReserveHost.Run(ctx, s.rdb, []string{s.kHosts}, host, delay.Microseconds()).StringSlice()
		recv = time.Now()
		if err != nil {
			return err
		}
		if len(v) != 2 {
			return permanent{fmt.Errorf("reply %q", v)}
		}
		at, err = strconv.ParseInt(v[0], 10, 64)
		if err == nil {
			now, err = strconv.ParseInt(v[1], 10, 64)
		}
		if err != nil {
			return permanent{fmt.Errorf("reply %q: %w", v, err)}
		}
		return nil
	})
	if err != nil {
		return time.Time{}, err
	}
	off := s.clock.update(sent, recv, now)
	return time.UnixMicro(at - off), nil
}

// HoldHost makes sure no worker starts a request to host before until.
func (s *Store) HoldHost(ctx context.Context, host string, until time.Time) error {
	wait := time.Until(until)
	if wait <= 0 {
		return ctx.Err()
	}
	return s.do(ctx, "hold host", host, func(ctx context.Context) error {
		return scriptHoldHost.Run(ctx, s.rdb, []string{s.kHosts}, host, wait.Microseconds()).Err()
	})
}

// State returns the stored state of a canonical URL. For a URL this worker
// has just claimed, it is the state Claim read along with the entry, and
// costs no round trip: while this worker holds the entry, no other worker
// writes the URL's state.
func (s *Store) State(ctx context.Context, url string) (frontier.State, bool, error) {
	v, found, ok := s.leases.claimedState(url)
	if ok {
		return decodeState(url, v, found)
	}
	err := s.do(ctx, "state", url, func(ctx context.Context) error {
		var err error
		v, err = s.rdb.HGet(ctx, s.kState, url).Result()
		if errors.Is(err, redis.Nil) {
			return nil
		}
		found = err == nil
		return err
	})
	if err != nil {
		return frontier.State{}, false, err
	}
	return decodeState(url, v, found)
}

func decodeState(url, v string, found bool) (frontier.State, bool, error) {
	if !found {
		return frontier.State{}, false, nil
	}
	var st frontier.State
	if err := json.Unmarshal([]byte(v), &st); err != nil {
		return frontier.State{}, false, fmt.Errorf("state of %s: %w", url, err)
	}
	return st, true, nil
}

// LeftOut returns what the run's limits left out, over all workers.
func (s *Store) LeftOut(ctx context.Context) (frontier.LeftOut, error) {
	var v []any
	err := s.do(ctx, "left out", "", func(ctx context.Context) (err error) {
		v, err = s.rdb.HMGet(ctx, s.kMeta, "left:pages", "left:host", "left:depth").Result()
		return err
	})
	n := func(x any) int { i, _ := strconv.Atoi(fmt.Sprint(x)); return i }
	if err != nil || len(v) != 3 {
		return frontier.LeftOut{}, err
	}
	return frontier.LeftOut{Pages: n(v[0]), PerHost: n(v[1]), Depth: n(v[2])}, nil
}

// Checkpoint returns the index offset this worker committed last.
func (s *Store) Checkpoint(ctx context.Context) (int64, error) {
	var off int64
	err := s.do(ctx, "checkpoint", "", func(ctx context.Context) error {
		v, err := s.rdb.HGet(ctx, s.kMeta, "checkpoint:"+s.worker).Result()
		if errors.Is(err, redis.Nil) {
			return nil
		}
		if err != nil {
			return err
		}
		off, err = strconv.ParseInt(v, 10, 64)
		if err != nil {
			return permanent{fmt.Errorf("bad checkpoint %q: %w", v, err)}
		}
		return nil
	})
	return off, err
}
