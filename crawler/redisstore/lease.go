package redisstore

import (
	"context"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/winnowhq/winnow/crawler/frontier"
)

// leases are the entries this worker has claimed and not yet committed or
// released. A goroutine renews them every third of the lease, so a lease
// expires only when its worker stops renewing: it died, hung or lost Redis
// for longer than the lease. The lease can thus be short (a killed worker's
// entries come back quickly) without taking entries from a live worker
// whose entries wait long for their host's turn.
type leases struct {
	mu   sync.Mutex
	held map[string]string // entry ID → URL
	// states are the URL states read by Claim, kept until the entry's commit
	// or release: URL → JSON, "" when the URL has none. While this worker
	// holds the entry no other worker writes the URL's state, so the
	// crawler's several reads of it (revisit check, fetch) cost no round
	// trip.
	states map[string]string
	lease  time.Duration // shortest lease in use
	// shorter wakes the renewal loop when the lease got shorter.
	shorter chan struct{}
}

// has reports whether this worker holds the entry already.
func (l *leases) has(id string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	_, ok := l.held[id]
	return ok
}

// count returns the number of entries held.
func (l *leases) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.held)
}

// prefetched keeps the state Claim read for url ("" for none).
func (l *leases) prefetched(url, state string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.states[url] = state
}

// claimedState returns the state Claim read for url; ok is false when
// there is none.
func (l *leases) claimedState(url string) (state string, found, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	state, ok = l.states[url]
	return state, ok && state != "", ok
}

func (l *leases) add(es []frontier.Entry, lease time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range es {
		l.held[e.ID] = e.URL
	}
	if lease < l.lease {
		l.lease = lease
		select {
		case l.shorter <- struct{}{}:
		default:
		}
	}
}

func (l *leases) drop(ids []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, id := range ids {
		if u, ok := l.held[id]; ok {
			delete(l.states, u)
			delete(l.held, id)
		}
	}
}

func (l *leases) snapshot() ([]string, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	ids := make([]string, 0, len(l.held))
	for id := range l.held {
		ids = append(ids, id)
	}
	return ids, l.lease
}

// renewLoop renews the held leases, and those of the requests in flight
// (StartHost), until ctx ends.
func (s *Store) renewLoop(ctx context.Context) {
	for {
		_, lease := s.leases.snapshot()
		t := time.NewTimer(max(lease/3, 10*time.Millisecond))
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-s.leases.shorter:
			t.Stop()
			continue
		case <-t.C:
		}
		s.renewHosts(ctx)
		s.renewLeases(ctx)
	}
}

// renewLeases extends the leases of the entries this worker holds.
func (s *Store) renewLeases(ctx context.Context) {
	ids, _ := s.leases.snapshot()
	if len(ids) == 0 {
		return
	}
	args := make([]any, 0, 2+len(ids))
	args = append(args, group, s.worker)
	for _, id := range ids {
		args = append(args, id)
	}
	if lost := s.renew(ctx, "renew leases", scriptRenew, []string{s.kStream}, args); len(lost) > 0 {
		s.log.Info("leases lost to other workers", "entries", len(lost))
		s.leases.drop(lost)
	}
}

// renew runs a renewal script and returns what it reports lost. There are
// no retries: a renewal that fails is replaced by the next one, and the
// failure is only logged (at debug level, as what, unless ctx ended).
func (s *Store) renew(ctx context.Context, what string, script *redis.Script, keys []string, args []any) []string {
	lost, err := script.Run(ctx, s.rdb, keys, args...).StringSlice()
	if err != nil {
		if ctx.Err() == nil {
			s.log.Debug(what, "err", err)
		}
		return nil
	}
	return lost
}
