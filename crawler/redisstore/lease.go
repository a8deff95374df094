package redisstore

import (
	"context"
	"sync"
	"time"

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
	held map[string]heldEntry // by entry ID
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

// heldEntry is one entry held: its URL, and when its lease last started
// (claim or renewal), as sent: the lease runs at least that long from then.
type heldEntry struct {
	url   string
	since time.Time
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

// add holds es, claimed with a request sent at since.
func (l *leases) add(es []frontier.Entry, lease time.Duration, since time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range es {
		l.held[e.ID] = heldEntry{url: e.URL, since: since}
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
		if h, ok := l.held[id]; ok {
			delete(l.states, h.url)
			delete(l.held, id)
		}
	}
}

// renewed records that the leases on ids still held were renewed by a
// request sent at since.
func (l *leases) renewed(ids []string, since time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, id := range ids {
		if h, ok := l.held[id]; ok && since.After(h.since) {
			h.since = since
			l.held[id] = h
		}
	}
}

// recent reports whether every id is held and its last claim or renewal is
// less than three quarters of a lease old, without letting any go.
func (l *leases) recent(ids []string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, id := range ids {
		h, ok := l.held[id]
		if !ok || now.Sub(h.since) >= l.lease-l.lease/4 {
			return false
		}
	}
	return true
}

// fresh reports whether the lease on id surely still holds: it is held and
// its last claim or renewal is less than three quarters of a lease old. A
// held entry that is not fresh is let go (no more renewals): the process
// stalled past its renewals (a long pause, a suspended VM), another worker
// may have it, and if none does its lease lapses and it is claimed again.
func (l *leases) fresh(id string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	h, ok := l.held[id]
	if !ok {
		return false
	}
	if now.Sub(h.since) < l.lease-l.lease/4 {
		return true
	}
	delete(l.states, h.url)
	delete(l.held, id)
	return false
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
		ids, _ := s.leases.snapshot()
		if len(ids) == 0 {
			continue
		}
		// No retries: a renewal that fails is replaced by the next one.
		if _, err := s.renew(ctx, ids); err != nil && ctx.Err() == nil {
			s.log.Debug("renew leases", "err", err)
		}
	}
}

// renew resets the idle time of the leases on ids that this worker still
// holds, and returns and forgets the others.
func (s *Store) renew(ctx context.Context, ids []string) ([]string, error) {
	args := make([]any, 0, 2+len(ids))
	args = append(args, group, s.worker)
	for _, id := range ids {
		args = append(args, id)
	}
	sent := time.Now()
	lost, err := scriptRenew.Run(ctx, s.rdb, []string{s.kStream}, args...).StringSlice()
	if err != nil {
		return nil, err
	}
	if len(lost) > 0 {
		s.log.Info("leases lost to other workers", "entries", len(lost))
		s.leases.drop(lost)
	}
	s.leases.renewed(ids, sent)
	return lost, nil
}

// Fresh reports, without asking Redis, whether this worker surely still
// holds the lease on id, and lets go of it if not (frontier.Fencer).
func (s *Store) Fresh(id string) bool { return s.leases.fresh(id, time.Now()) }

// Hold renews the leases on ids and returns those another worker took
// after they lapsed, or that are finished (frontier.Fencer). The committer
// calls it before it writes a batch; the renewal gives the write a whole
// lease of time.
func (s *Store) Hold(ctx context.Context, ids []string) ([]string, error) {
	// Leases claimed or renewed well within a lease cannot have lapsed
	// (Redis counts idle time from a request sent no earlier): no round
	// trip then, only after a stall or a slow batch.
	if len(ids) == 0 || s.leases.recent(ids, time.Now()) {
		return nil, nil
	}
	var lost []string
	err := s.do(ctx, "hold", "", func(ctx context.Context) error {
		var err error
		lost, err = s.renew(ctx, ids)
		return err
	})
	return lost, err
}
