package redisstore

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"
)

// Why StartHost orders requests instead of timing them (see the package
// doc): in the end-to-end test (three workers, 20 ms delay, a loaded
// 2-core machine) requests reached the server 1 to 10 ms after their
// reserved start, and the lateness came from every step: the dispatcher
// waking up (1-2 ms), the State lookup (up to 3 ms), colly (up to 2 ms),
// the transport's write and the server's scheduling (up to 5 ms). A check
// made just before the write would narrow the spread, not remove it; a
// request that leaves only after the previous response came back cannot
// arrive early, whatever the jitter.

// hostTokens are the requests to each host this worker started with
// StartHost and has not ended yet, and what it learnt about each host.
type hostTokens struct {
	mu     sync.Mutex
	prefix string // worker name and a random part: unique to this Store
	n      uint64
	held   map[string]heldToken // by token
	hosts  map[string]*hostMemo
}

type heldToken struct {
	host  string
	start time.Time
}

type hostMemo struct {
	// notBefore is a time before which no request to the host may start,
	// learnt from EndHost: the host's next start only ever moves forward,
	// so StartHost need not ask Redis before then.
	notBefore time.Time
	// took is the average time from StartHost to EndHost, which tells a
	// worker finding the host busy when to ask again.
	took time.Duration
	used time.Time
}

// memoTTL is how long a host's memo outlives its last use.
const memoTTL = 10 * time.Minute

func (h *hostTokens) init(worker string) {
	h.prefix = fmt.Sprintf("%s/%08x/", worker, rand.Uint32())
	h.held = map[string]heldToken{}
	h.hosts = map[string]*hostMemo{}
}

func (h *hostTokens) memo(host string, now time.Time) *hostMemo {
	m := h.hosts[host]
	if m == nil {
		m = &hostMemo{}
		h.hosts[host] = m
	}
	m.used = now
	return m
}

// prepare returns a new token and the time a request to host takes, and
// true; or false and when host may start next, if that is known to be later
// than now (no need to ask Redis).
func (h *hostTokens) prepare(host string, now time.Time) (token string, took time.Duration, notBefore time.Time, ask bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	m := h.memo(host, now)
	if now.Before(m.notBefore) {
		return "", 0, m.notBefore, false
	}
	h.n++
	return h.prefix + strconv.FormatUint(h.n, 10), m.took, time.Time{}, true
}

func (h *hostTokens) add(token, host string, start time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.held[token] = heldToken{host, start}
}

// take forgets and returns one token held for host, "" when none, and
// notes that host may not start before until.
func (h *hostTokens) take(host string, until time.Time) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	now := time.Now()
	m := h.memo(host, now)
	if until.After(m.notBefore) {
		m.notBefore = until
	}
	for t, ht := range h.held {
		if ht.host == host {
			delete(h.held, t)
			if took := now.Sub(ht.start); m.took == 0 {
				m.took = took
			} else {
				m.took += (took - m.took) / 4
			}
			return t
		}
	}
	return ""
}

func (h *hostTokens) drop(tokens []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, t := range tokens {
		delete(h.held, t)
	}
}

// snapshot returns the tokens held (token → host), and forgets the memos of
// hosts not asked about for a while.
func (h *hostTokens) snapshot() map[string]string {
	h.mu.Lock()
	defer h.mu.Unlock()
	now := time.Now()
	for host, m := range h.hosts {
		if now.Sub(m.used) > memoTTL {
			delete(h.hosts, host)
		}
	}
	out := make(map[string]string, len(h.held))
	for t, ht := range h.held {
		out[t] = ht.host
	}
	return out
}

// StartHost starts a request to host if fewer than limit requests to it are
// in flight across all workers and its next start (see ReserveHost and
// HoldHost) has passed; the start moves the next start to now + delay.
// Otherwise it returns false and when to ask again. Every started request
// must be ended by EndHost once its response is in: until then the host
// counts it as in flight. A worker that dies without ending it holds it for
// Options.Lease at most; a live worker renews it.
//
// With limit 1, two requests to one host, from any workers, reach the server
// at least delay apart (see EndHost). With a higher limit, starts are
// spaced by delay on the Redis clock, as with ReserveHost.
func (s *Store) StartHost(ctx context.Context, host string, delay time.Duration, limit int) (bool, time.Time, error) {
	token, took, notBefore, ask := s.tokens.prepare(host, time.Now())
	if !ask {
		return false, notBefore, nil
	}
	var started bool
	var at, now int64
	var sent, recv time.Time
	err := s.do(ctx, "start host", host, func(ctx context.Context) error {
		sent = time.Now()
		v, err := scriptStartHost.Run(ctx, s.rdb, []string{s.kHosts, s.kBusy + host},
			host, delay.Microseconds(), max(limit, 1), token, s.lease.Microseconds(), took.Microseconds()).StringSlice()
		recv = time.Now()
		if err != nil {
			return err
		}
		if len(v) < 2 {
			return permanent{fmt.Errorf("reply %q", v)}
		}
		started = v[0] == "1"
		at, err = strconv.ParseInt(v[1], 10, 64)
		now = at
		if err == nil && !started && len(v) == 3 {
			now, err = strconv.ParseInt(v[2], 10, 64)
		}
		if err != nil {
			return permanent{fmt.Errorf("reply %q: %w", v, err)}
		}
		return nil
	})
	if err != nil {
		return false, time.Time{}, err
	}
	off := s.clock.update(sent, recv, now)
	if started {
		s.tokens.add(token, host, recv)
		return true, recv, nil
	}
	retry := time.UnixMicro(at - off)
	if !retry.After(recv) {
		// The offset is off by more than the wait: count the wait from the
		// reply, not to ask again at once.
		retry = recv.Add(time.Duration(at-now) * time.Microsecond)
	}
	return false, retry, nil
}

// EndHost ends a request started by StartHost and makes sure no request to
// host starts before until, in one step: counting the delay from the end of
// the request, which came after its arrival at the server, the next arrival
// is at least the delay later. Without a request of this worker in flight to
// host, it is HoldHost.
func (s *Store) EndHost(ctx context.Context, host string, until time.Time) error {
	// Forgotten whatever the outcome: a token that could not be ended
	// expires after the lease rather than being renewed for ever.
	token := s.tokens.take(host, until)
	wait := max(time.Until(until), 0)
	return s.do(ctx, "end host", host, func(ctx context.Context) error {
		return scriptEndHost.Run(ctx, s.rdb, []string{s.kHosts, s.kBusy + host}, host, wait.Microseconds(), token).Err()
	})
}

// renewHosts extends the lease of the requests in flight (see StartHost).
func (s *Store) renewHosts(ctx context.Context) {
	held := s.tokens.snapshot()
	if len(held) == 0 {
		return
	}
	keys := make([]string, 0, len(held))
	args := make([]any, 0, 1+len(held))
	args = append(args, s.lease.Microseconds())
	for t, host := range held {
		keys = append(keys, s.kBusy+host)
		args = append(args, t)
	}
	if lost := s.renew(ctx, "renew hosts", scriptRenewHosts, keys, args); len(lost) > 0 {
		s.log.Info("host requests in flight outlived their lease", "requests", len(lost))
		s.tokens.drop(lost)
	}
}
