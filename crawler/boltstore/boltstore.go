// Package boltstore is the default frontier.Store of a crawl job: one bbolt
// file in the job's state dir.
package boltstore

// Why bbolt and not a pure-Go SQLite: the state is a handful of key-value
// maps (frontier by sequence number, seen set and URL state by URL) that are
// never queried relationally, so a B+tree with ACID transactions is all that
// is needed. bbolt is one small dependency, pure Go, with a single-writer file
// lock that also stops two processes from running the same job at once, and a
// commit is one fsync. modernc.org/sqlite is a transpiled C library of several
// megabytes, builds slowly on a 2-core machine and brings its own WAL tuning.

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/urls"
)

var (
	bucketFrontier = []byte("frontier")
	bucketSeen     = []byte("seen")
	bucketState    = []byte("state")
	bucketMeta     = []byte("meta")
	bucketHosts    = []byte("seen-hosts") // host → URLs of the host in the seen set (per-host limit)
	keyCheckpoint  = []byte("checkpoint")
	keySeenCount   = []byte("seen-count") // size of the seen set, kept so max pages costs O(1)
	// bucketLeftOut holds the URLs the run's limits kept out of the
	// frontier (frontier.LeftOut), up to frontier.MaxLeftOut; the meta keys
	// count them by limit.
	bucketLeftOut   = []byte("left-out")
	keyLeftOutPages = []byte("left-out-pages")
	keyLeftOutHost  = []byte("left-out-host")
	keyLeftOutDepth = []byte("left-out-depth")
)

// Store is the default frontier.Store: one bbolt file in the job's state dir.
// Frontier leases and host reservations live in memory: the file lock makes
// this process the only user of the state, so a lease held by a dead process
// cannot exist, and every entry of the frontier is claimable again on open.
type Store struct {
	db *bolt.DB

	mu     sync.Mutex
	leases map[string]time.Time // entry ID → lease deadline
	hosts  map[string]time.Time // host → next free request start
}

var (
	_ frontier.Store          = (*Store)(nil)
	_ frontier.LeftOutCounter = (*Store)(nil)
)

// ErrLocked is returned by Open when another process holds the state of
// the same job.
var ErrLocked = errors.New("state is locked by another process")

// Open opens or creates the state file at path. It fails with
// ErrLocked when another process has the file open.
func Open(path string) (*Store, error) {
	db, err := bolt.Open(path, 0o644, &bolt.Options{
		Timeout:      time.Second,
		FreelistType: bolt.FreelistMapType,
	})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("open state %s: %w", path, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketFrontier, bucketSeen, bucketState, bucketMeta, bucketHosts, bucketLeftOut} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	return &Store{db: db, leases: map[string]time.Time{}, hosts: map[string]time.Time{}}, nil
}

// Close closes the state file.
func (s *Store) Close() error { return s.db.Close() }

// NewRun empties the frontier and the seen set.
func (s *Store) NewRun(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	clear(s.leases)
	s.mu.Unlock()
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketFrontier, bucketSeen, bucketHosts, bucketLeftOut} {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		for _, k := range [][]byte{keySeenCount, keyLeftOutPages, keyLeftOutHost, keyLeftOutDepth} {
			if err := meta.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
}

// Pending counts the frontier.
func (s *Store) Pending(ctx context.Context) (int, error) {
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketFrontier).Stats().KeyN
		return nil
	})
	return n, err
}

// Enqueue adds entries not yet seen.
func (s *Store) Enqueue(ctx context.Context, entries []frontier.Entry, limit frontier.Limits) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	added := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		added, err = enqueueTx(tx, entries, limit)
		return err
	})
	return added, err
}

// enqueueTx adds the entries not seen yet, in their order, to the frontier.
//
// bbolt splits a node only when its transaction commits, so within one
// transaction every Put into a node shifts the node's later keys: the seen
// set written in discovery order (URLs in page order are random in key
// order) made one page of 150,000 new links take 68 s, quadratic. Frontier
// keys are sequence numbers, each put after the last; seen keys are put
// once sorted, so each lands after the one before and a node's shifting is
// bounded by what it held before the transaction: O(n log n) in all.
func enqueueTx(tx *bolt.Tx, entries []frontier.Entry, limit frontier.Limits) (int, error) {
	if len(entries) == 0 {
		return 0, nil
	}
	seen, fr, meta := tx.Bucket(bucketSeen), tx.Bucket(bucketFrontier), tx.Bucket(bucketMeta)
	n := 0
	if v := meta.Get(keySeenCount); len(v) == 8 {
		n = int(binary.BigEndian.Uint64(v))
	}
	hosts := hostCounts{b: tx.Bucket(bucketHosts), n: map[string]int{}}
	left := newLeftOut(tx)
	batch := make(map[string]bool, len(entries))
	var keys [][]byte
	for _, e := range entries {
		if batch[e.URL] {
			continue
		}
		k := []byte(e.URL)
		if seen.Get(k) != nil {
			continue
		}
		if limit.Depth > 0 && e.Depth > limit.Depth {
			left.add(deepKey(e.URL), &left.depth) // not batch: the URL may come again shallower
			continue
		}
		batch[e.URL] = true
		if limit.Pages > 0 && n >= limit.Pages {
			left.add(k, &left.pages)
			continue
		}
		host := ""
		if limit.PerHost > 0 {
			host = urls.Host(e.URL)
			if hosts.get(host) >= limit.PerHost {
				left.add(k, &left.host)
				continue
			}
			hosts.n[host]++
		}
		if err := left.admit(e.URL); err != nil {
			return 0, err
		}
		seq, err := fr.NextSequence()
		if err != nil {
			return 0, err
		}
		v, err := json.Marshal(e)
		if err != nil {
			return 0, err
		}
		if err := fr.Put(seqKey(seq), v); err != nil {
			return 0, err
		}
		keys = append(keys, k)
		n++
	}
	if err := left.put(); err != nil {
		return 0, err
	}
	if len(keys) == 0 {
		return 0, nil
	}
	slices.SortFunc(keys, bytes.Compare)
	for _, k := range keys {
		if err := seen.Put(k, []byte{}); err != nil {
			return 0, err
		}
	}
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], uint64(n))
	if err := meta.Put(keySeenCount, v[:]); err != nil {
		return 0, err
	}
	return len(keys), hosts.put()
}

// leftOut records the URLs one enqueue leaves out for a limit, once each
// per run and up to frontier.MaxLeftOut, and counts them by limit. A URL
// left out for depth is recorded under deepKey, apart: it alone may be
// admitted later in the run (found again shallower), and is then uncounted.
type leftOut struct {
	b, meta            *bolt.Bucket
	pages, host, depth int // counts, read at the start
	keys               map[string]bool
	changed            bool
}

func newLeftOut(tx *bolt.Tx) *leftOut {
	l := &leftOut{b: tx.Bucket(bucketLeftOut), meta: tx.Bucket(bucketMeta), keys: map[string]bool{}}
	l.pages, l.host = getCount(l.meta, keyLeftOutPages), getCount(l.meta, keyLeftOutHost)
	l.depth = getCount(l.meta, keyLeftOutDepth)
	return l
}

// deepKey is the left-out key of a URL left out for depth.
func deepKey(u string) []byte { return []byte("depth " + u) }

// add records k (not seen, not yet in this enqueue) as left out, counted
// in *n, unless it was before or the record is full.
func (l *leftOut) add(k []byte, n *int) {
	if l.pages+l.host+l.depth >= frontier.MaxLeftOut || l.keys[string(k)] || l.b.Get(k) != nil {
		return
	}
	l.keys[string(k)] = true
	l.changed = true
	*n++
}

// admit uncounts u, admitted now, if it was left out for depth before.
func (l *leftOut) admit(u string) error {
	k := deepKey(u)
	if l.keys[string(k)] {
		delete(l.keys, string(k))
		l.depth--
		return nil
	}
	if l.b.Get(k) == nil {
		return nil
	}
	l.depth--
	l.changed = true
	return l.b.Delete(k)
}

// put writes the URLs in key order (see enqueueTx) and the counts.
func (l *leftOut) put() error {
	if !l.changed {
		return nil
	}
	keys := make([][]byte, 0, len(l.keys))
	for k := range l.keys {
		keys = append(keys, []byte(k))
	}
	slices.SortFunc(keys, bytes.Compare)
	for _, k := range keys {
		if err := l.b.Put(k, []byte{}); err != nil {
			return err
		}
	}
	for k, n := range map[string]int{string(keyLeftOutPages): l.pages, string(keyLeftOutHost): l.host, string(keyLeftOutDepth): l.depth} {
		if err := putCount(l.meta, []byte(k), n); err != nil {
			return err
		}
	}
	return nil
}

func getCount(b *bolt.Bucket, k []byte) int {
	if v := b.Get(k); len(v) == 8 {
		return int(binary.BigEndian.Uint64(v))
	}
	return 0
}

func putCount(b *bolt.Bucket, k []byte, n int) error {
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], uint64(n))
	return b.Put(k, v[:])
}

// LeftOut returns what the run's limits left out (frontier.LeftOutCounter).
func (s *Store) LeftOut(ctx context.Context) (frontier.LeftOut, error) {
	var l frontier.LeftOut
	err := s.db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		l.Pages, l.PerHost = getCount(meta, keyLeftOutPages), getCount(meta, keyLeftOutHost)
		l.Depth = getCount(meta, keyLeftOutDepth)
		return nil
	})
	return l, err
}

// hostCounts are the per-host counts of the seen set that one enqueue reads
// and updates (only under a per-host limit).
type hostCounts struct {
	b *bolt.Bucket
	n map[string]int // host → count, once read
}

// get returns host's count, reading it from the bucket the first time.
func (h hostCounts) get(host string) int {
	if c, ok := h.n[host]; ok {
		return c
	}
	c := 0
	if v := h.b.Get([]byte(host)); len(v) == 8 {
		c = int(binary.BigEndian.Uint64(v))
	}
	h.n[host] = c
	return c
}

// put writes the counts back.
func (h hostCounts) put() error {
	for host, c := range h.n {
		var v [8]byte
		binary.BigEndian.PutUint64(v[:], uint64(c))
		if err := h.b.Put([]byte(host), v[:]); err != nil {
			return err
		}
	}
	return nil
}

func seqKey(seq uint64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], seq)
	return k[:]
}

func entryID(k []byte) string { return strconv.FormatUint(binary.BigEndian.Uint64(k), 10) }

func idKey(id string) ([]byte, error) {
	seq, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("bad entry id %q", id)
	}
	return seqKey(seq), nil
}

// Claim leases ready entries in sequence order.
func (s *Store) Claim(ctx context.Context, max int, lease time.Duration) ([]frontier.Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	now := time.Now()
	var out []frontier.Entry
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketFrontier).Cursor()
		for k, v := c.First(); k != nil && len(out) < max; k, v = c.Next() {
			id := entryID(k)
			if d, ok := s.leases[id]; ok && now.Before(d) {
				continue
			}
			var e frontier.Entry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("frontier entry %s: %w", id, err)
			}
			if e.NotBefore.After(now) {
				continue
			}
			e.ID = id
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, e := range out {
		s.leases[e.ID] = now.Add(lease)
	}
	return out, nil
}

// Release drops the leases of entries.
func (s *Store) Release(ctx context.Context, entries []frontier.Entry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range entries {
		delete(s.leases, e.ID)
	}
	return nil
}

// Commit applies a batch in one transaction (one fsync).
func (s *Store) Commit(ctx context.Context, b *frontier.Batch) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		fr, st := tx.Bucket(bucketFrontier), tx.Bucket(bucketState)
		for _, e := range b.Done {
			k, err := idKey(e.ID)
			if err != nil {
				return err
			}
			if err := fr.Delete(k); err != nil {
				return err
			}
		}
		for _, e := range b.Retry {
			k, err := idKey(e.ID)
			if err != nil {
				return err
			}
			v, err := json.Marshal(e)
			if err != nil {
				return err
			}
			if err := fr.Put(k, v); err != nil {
				return err
			}
		}
		for u, state := range b.States {
			v, err := json.Marshal(state)
			if err != nil {
				return err
			}
			if err := st.Put([]byte(u), v); err != nil {
				return err
			}
		}
		if _, err := enqueueTx(tx, b.Enqueue, b.Limit); err != nil {
			return err
		}
		if b.Checkpoint > 0 {
			var v [8]byte
			binary.BigEndian.PutUint64(v[:], uint64(b.Checkpoint))
			if err := tx.Bucket(bucketMeta).Put(keyCheckpoint, v[:]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("commit state: %w", err)
	}
	s.mu.Lock()
	for _, e := range b.Done {
		delete(s.leases, e.ID)
	}
	for _, e := range b.Retry {
		delete(s.leases, e.ID)
	}
	s.mu.Unlock()
	return nil
}

// ReserveHost hands out the next start time for host.
func (s *Store) ReserveHost(ctx context.Context, host string, delay time.Duration) (time.Time, error) {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	at := s.hosts[host]
	if at.Before(now) {
		at = now
	}
	s.hosts[host] = at.Add(delay)
	return at, nil
}

// HoldHost pushes host's next start to at least until.
func (s *Store) HoldHost(ctx context.Context, host string, until time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hosts[host].Before(until) {
		s.hosts[host] = until
	}
	return nil
}

// State reads the state of one URL.
func (s *Store) State(ctx context.Context, u string) (frontier.State, bool, error) {
	var st frontier.State
	ok := false
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketState).Get([]byte(u))
		if v == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(v, &st)
	})
	if err != nil {
		return frontier.State{}, false, fmt.Errorf("state of %s: %w", u, err)
	}
	return st, ok, nil
}

// Checkpoint returns the committed index offset.
func (s *Store) Checkpoint(ctx context.Context) (int64, error) {
	var off int64
	err := s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keyCheckpoint); len(v) == 8 {
			off = int64(binary.BigEndian.Uint64(v))
		}
		return nil
	})
	return off, err
}
