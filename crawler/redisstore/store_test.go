package redisstore_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/redisstore"
	"github.com/winnowhq/winnow/crawler/redisstore/redistest"
)

func openStore(t testing.TB, srv *redistest.Server, job, worker string) *redisstore.Store {
	t.Helper()
	st, err := redisstore.Open(t.Context(), srv.URL(), redisstore.Options{Job: job, Worker: worker})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// twoWorkers opens workers a and b of one job on a new Redis server.
func twoWorkers(t testing.TB, job string) (a, b *redisstore.Store) {
	t.Helper()
	srv := redistest.Start(t)
	return openStore(t, srv, job, "a"), openStore(t, srv, job, "b")
}

// leaseWorkers opens, on a new Redis server, worker a of job with 300 ms
// leases, which the test closes itself to let them lapse, and worker b.
func leaseWorkers(t *testing.T, job string) (srv *redistest.Server, a, b *redisstore.Store) {
	t.Helper()
	srv = redistest.Start(t)
	a, err := redisstore.Open(t.Context(), srv.URL()+"?lease=300ms", redisstore.Options{Job: job, Worker: "a"})
	if err != nil {
		t.Fatal(err)
	}
	return srv, a, openStore(t, srv, job, "b")
}

func entries(prefix string, n int) []frontier.Entry {
	out := make([]frontier.Entry, n)
	for i := range out {
		out[i] = frontier.Entry{URL: fmt.Sprintf("http://%s/%d", prefix, i), Depth: 1}
	}
	return out
}

func urlsOf(es []frontier.Entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.URL
	}
	slices.Sort(out)
	return out
}

func mustEnqueue(t *testing.T, st frontier.Store, es []frontier.Entry, limit int) int {
	t.Helper()
	n, err := st.Enqueue(t.Context(), es, frontier.Limits{Pages: limit})
	if err != nil {
		t.Fatalf("enqueue: %v", err)
	}
	return n
}

func mustClaim(t *testing.T, st frontier.Store, max int, lease time.Duration) []frontier.Entry {
	t.Helper()
	es, err := st.Claim(t.Context(), max, lease)
	if err != nil {
		t.Fatalf("claim: %v", err)
	}
	return es
}

func mustPending(t *testing.T, st frontier.Store, want int) {
	t.Helper()
	n, err := st.Pending(t.Context())
	if err != nil {
		t.Fatalf("pending: %v", err)
	}
	if n != want {
		t.Fatalf("pending = %d, want %d", n, want)
	}
}

func TestStore_ClaimAck(t *testing.T) {
	srv := redistest.Start(t)
	st := openStore(t, srv, "claim", "w1")
	ctx := t.Context()
	if n := mustEnqueue(t, st, entries("a", 5), 0); n != 5 {
		t.Fatalf("added %d, want 5", n)
	}
	first := mustClaim(t, st, 3, time.Minute)
	second := mustClaim(t, st, 3, time.Minute)
	if len(first) != 3 || len(second) != 2 {
		t.Fatalf("claimed %d then %d, want 3 then 2", len(first), len(second))
	}
	if got := urlsOf(append(first, second...)); !slices.Equal(got, urlsOf(entries("a", 5))) {
		t.Fatalf("claimed %v", got)
	}
	if first[0].URL != "http://a/0" || first[0].Depth != 1 || first[0].ID == "" {
		t.Fatalf("first entry %+v: want http://a/0, depth 1 and an ID (FIFO)", first[0])
	}
	if es := mustClaim(t, st, 3, time.Minute); len(es) != 0 {
		t.Fatalf("claimed %d held entries", len(es))
	}
	mustPending(t, st, 5)
	if err := st.Commit(ctx, &frontier.Batch{Done: append(first, second...)}); err != nil {
		t.Fatal(err)
	}
	mustPending(t, st, 0)
	// A Commit retried after a lost reply changes nothing.
	if err := st.Commit(ctx, &frontier.Batch{Done: first, Retry: second}); err != nil {
		t.Fatal(err)
	}
	mustPending(t, st, 0)
}

func TestStore_LeaseExpiry(t *testing.T) {
	srv, a, b := leaseWorkers(t, "lease")
	ctx := t.Context()
	mustEnqueue(t, a, entries("h", 4), 0)
	held := mustClaim(t, a, 2, time.Hour)
	if len(held) != 2 {
		t.Fatalf("a claimed %d, want 2", len(held))
	}
	// b sees only the two free entries: a is alive and renews its leases
	// well past their 300 ms.
	free := mustClaim(t, b, 10, 300*time.Millisecond)
	if len(free) != 2 {
		t.Fatalf("b claimed %d, want 2", len(free))
	}
	for range 4 {
		time.Sleep(250 * time.Millisecond)
		if es := mustClaim(t, b, 10, 300*time.Millisecond); len(es) != 0 {
			t.Fatalf("b took %v from a live worker", urlsOf(es))
		}
	}
	// a dies: after the lease its entries go to b.
	a.Close()
	time.Sleep(400 * time.Millisecond)
	got := mustClaim(t, b, 10, 300*time.Millisecond)
	if !slices.Equal(urlsOf(got), urlsOf(held)) {
		t.Fatalf("b reclaimed %v, want %v", urlsOf(got), urlsOf(held))
	}
	if err := b.Commit(ctx, &frontier.Batch{Done: append(got, free...)}); err != nil {
		t.Fatal(err)
	}
	// a comes back under its old name and asks to retry an entry b
	// finished: it stays finished.
	a2 := openStore(t, srv, "lease", "a")
	late := held[0]
	late.Attempts = 1
	if err := a2.Commit(ctx, &frontier.Batch{Retry: []frontier.Entry{late}}); err != nil {
		t.Fatal(err)
	}
	mustPending(t, a2, 0)
	if es := mustClaim(t, a2, 10, time.Minute); len(es) != 0 {
		t.Fatalf("a claimed %d entries from an empty frontier", len(es))
	}
}

// Hold is the fence a committer checks before it writes: it keeps the
// leases this worker still holds and reports those another worker took
// after they lapsed (a worker stalled past its lease, e.g. by a long GC or
// a suspended VM), so that the page is written once.
func TestStore_HoldFencesLapsedLeases(t *testing.T) {
	srv, a, b := leaseWorkers(t, "fence")
	ctx := t.Context()
	mustEnqueue(t, a, entries("h", 2), 0)
	held := mustClaim(t, a, 2, 300*time.Millisecond)
	ids := make([]string, len(held))
	for i, e := range held {
		ids[i] = e.ID
	}
	if lost, err := a.Hold(ctx, ids); err != nil || len(lost) != 0 {
		t.Fatalf("Hold of live leases = %v, %v; want none lost", lost, err)
	}
	// Leases claimed just now cannot have lapsed: no round trip for them.
	if n := a.Stats().Ops["hold"].Calls; n != 0 {
		t.Errorf("Hold of leases claimed just now asked Redis %d times, want 0", n)
	}
	// a stalls: the same worker, its renewals stopped (a fresh store
	// under its name renews nothing it did not claim itself).
	a.Close()
	stalled := openStore(t, srv, "fence", "a")
	time.Sleep(400 * time.Millisecond)
	got := mustClaim(t, b, 10, 300*time.Millisecond)
	if !slices.Equal(urlsOf(got), urlsOf(held)) {
		t.Fatalf("b reclaimed %v, want %v", urlsOf(got), urlsOf(held))
	}
	lost, err := stalled.Hold(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(lost)
	slices.Sort(ids)
	if !slices.Equal(lost, ids) {
		t.Fatalf("Hold after b took the entries = %v, want all lost %v", lost, ids)
	}
}

func TestStore_ReleaseAndRetry(t *testing.T) {
	a, b := twoWorkers(t, "release")
	ctx := t.Context()
	mustEnqueue(t, a, entries("r", 3), 0)
	es := mustClaim(t, a, 3, time.Hour)
	if err := a.Release(ctx, es[:1]); err != nil {
		t.Fatal(err)
	}
	got := mustClaim(t, b, 10, time.Hour)
	if len(got) != 1 || got[0].URL != es[0].URL {
		t.Fatalf("b claimed %v after release of %s", urlsOf(got), es[0].URL)
	}
	// A retry with a NotBefore waits in the delayed set, then comes back
	// with its attempts.
	r := es[1]
	r.Attempts = 2
	r.NotBefore = time.Now().Add(300 * time.Millisecond)
	if err := a.Commit(ctx, &frontier.Batch{Retry: []frontier.Entry{r}, Done: es[2:]}); err != nil {
		t.Fatal(err)
	}
	mustPending(t, a, 2) // got[0], held by b, and r, delayed
	if es := mustClaim(t, b, 10, time.Hour); len(es) != 0 {
		t.Fatalf("claimed %v before its NotBefore", urlsOf(es))
	}
	time.Sleep(350 * time.Millisecond)
	back := mustClaim(t, b, 10, time.Hour)
	if len(back) != 1 || back[0].URL != r.URL || back[0].Attempts != 2 {
		t.Fatalf("claimed %+v, want %s with 2 attempts", back, r.URL)
	}
}

func TestStore_EnqueueAddIfAbsent(t *testing.T) {
	srv := redistest.Start(t)
	const workers = 4
	stores := make([]*redisstore.Store, workers)
	for i := range stores {
		stores[i] = openStore(t, srv, "seen", fmt.Sprintf("w%d", i))
	}
	// Every worker discovers the same 500 URLs, in batches, at once.
	all := entries("s", 500)
	var wg sync.WaitGroup
	added := make([]int, workers)
	errs := make([]error, workers)
	for i, st := range stores {
		wg.Go(func() {
			for j := 0; j < len(all); j += 50 {
				batch := slices.Clone(all[j : j+50])
				slices.Reverse(batch)
				n, err := st.Enqueue(t.Context(), batch, frontier.Limits{})
				if err != nil {
					errs[i] = err
					return
				}
				added[i] += n
			}
		})
	}
	wg.Wait()
	total := 0
	for i := range stores {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		total += added[i]
	}
	if total != len(all) {
		t.Fatalf("added %d in all, want %d", total, len(all))
	}
	mustPending(t, stores[0], len(all))
	// The limit caps the seen set, not the batch.
	if n := mustEnqueue(t, stores[0], entries("more", 10), len(all)+3); n != 3 {
		t.Fatalf("added %d past the limit, want 3", n)
	}
	// NewRun does not wipe a run that is going on; Reset does, and a new
	// run admits the same URLs again.
	if err := stores[1].NewRun(t.Context()); err != nil {
		t.Fatal(err)
	}
	mustPending(t, stores[0], len(all)+3)
	if err := stores[1].Reset(t.Context()); err != nil {
		t.Fatal(err)
	}
	mustPending(t, stores[0], 0)
	if n := mustEnqueue(t, stores[2], all[:7], 0); n != 7 {
		t.Fatalf("added %d after reset, want 7", n)
	}
}

func TestStore_ReserveHostSpacing(t *testing.T) {
	srv := redistest.Start(t)
	const (
		clients = 3
		per     = 20
		delay   = 10 * time.Millisecond
	)
	var (
		mu    sync.Mutex
		times []time.Time
		wg    sync.WaitGroup
	)
	for i := range clients {
		st := openStore(t, srv, "hosts", fmt.Sprintf("w%d", i))
		for range 4 {
			wg.Go(func() {
				for range per / 4 {
					at, err := st.ReserveHost(t.Context(), "news.example", delay)
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					times = append(times, at)
					mu.Unlock()
				}
			})
		}
	}
	wg.Wait()
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	if len(times) != clients*per {
		t.Fatalf("%d reservations, want %d", len(times), clients*per)
	}
	// Reservations are spaced by delay on the Redis clock; turned into this
	// machine's clock they carry the jitter of the reply's way back.
	const slack = 2 * time.Millisecond
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < delay-slack {
			t.Errorf("reservations %d and %d are %v apart, want ≥ %v", i-1, i, gap, delay)
		}
	}
	// HoldHost pushes the next start back; another host is not held.
	st := openStore(t, srv, "hosts", "holder")
	until := time.Now().Add(500 * time.Millisecond)
	if err := st.HoldHost(t.Context(), "news.example", until); err != nil {
		t.Fatal(err)
	}
	at, err := st.ReserveHost(t.Context(), "news.example", delay)
	if err != nil {
		t.Fatal(err)
	}
	if at.Before(until.Add(-slack)) {
		t.Errorf("reserved %v before the hold until %v", at, until)
	}
	other, err := st.ReserveHost(t.Context(), "other.example", delay)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Until(other); d > 50*time.Millisecond {
		t.Errorf("other host waits %v", d)
	}
}

func TestStore_CommitAtomic(t *testing.T) {
	srv := redistest.Start(t)
	const n = 300
	st := openStore(t, srv, "atomic", "w")
	ctx := t.Context()
	mustEnqueue(t, st, entries("c", 50), 0)
	// Each commit finishes one entry, stores its state and enqueues one new
	// URL, so frontier + states stays 50 + states written before... plus the
	// checkpoint equals the number of states. A reader that watched a half
	// applied batch would see these invariants broken.
	rc := srv.Client()
	stop := make(chan struct{})
	var readerErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			var xlen, zcard, hlen *redis.IntCmd
			var cp *redis.StringCmd
			_, err := rc.TxPipelined(ctx, func(p redis.Pipeliner) error {
				xlen = p.XLen(ctx, "winnow:{atomic}:frontier")
				zcard = p.ZCard(ctx, "winnow:{atomic}:delayed")
				hlen = p.HLen(ctx, "winnow:{atomic}:state")
				cp = p.HGet(ctx, "winnow:{atomic}:meta", "checkpoint:w")
				return nil
			})
			if err != nil && err != redis.Nil {
				readerErr = err
				return
			}
			states := hlen.Val()
			off, _ := cp.Int64()
			if xlen.Val()+zcard.Val() != 50 || off != states {
				readerErr = fmt.Errorf("saw frontier %d+%d, %d states, checkpoint %d", xlen.Val(), zcard.Val(), states, off)
				return
			}
		}
	})
	for i := range n {
		es := mustClaim(t, st, 1, time.Minute)
		if len(es) != 1 {
			t.Fatalf("commit %d: claimed %d", i, len(es))
		}
		next := frontier.Entry{URL: fmt.Sprintf("http://c/next/%d", i)}
		if i%10 == 0 {
			next.NotBefore = time.Now().Add(time.Hour)
		}
		err := st.Commit(ctx, &frontier.Batch{
			Done:       es,
			States:     map[string]frontier.State{es[0].URL: {Status: 200, Hash: "h", File: fmt.Sprint(i)}},
			Enqueue:    []frontier.Entry{next},
			Checkpoint: int64(i + 1),
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	if readerErr != nil {
		t.Fatal(readerErr)
	}
	first, ok, err := st.State(ctx, "http://c/0")
	if err != nil || !ok || first.Status != 200 || first.File != "0" {
		t.Fatalf("state of http://c/0: %+v %v %v", first, ok, err)
	}
	if _, ok, err := st.State(ctx, "http://c/none"); ok || err != nil {
		t.Fatalf("state of an unknown URL: %v %v", ok, err)
	}
	off, err := st.Checkpoint(ctx)
	if err != nil || off != n {
		t.Fatalf("checkpoint %d %v, want %d", off, err, n)
	}
	// The checkpoint belongs to its worker.
	other := openStore(t, srv, "atomic", "other")
	if off, err := other.Checkpoint(ctx); err != nil || off != 0 {
		t.Fatalf("other worker's checkpoint %d %v, want 0", off, err)
	}
}

func TestStore_RedisRestart(t *testing.T) {
	srv := redistest.Start(t)
	st, err := redisstore.Open(t.Context(), srv.URL(), redisstore.Options{Job: "restart", Worker: "w", RetryFor: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := t.Context()
	mustEnqueue(t, st, entries("x", 20), 0)
	es := mustClaim(t, st, 10, time.Minute)
	if err := st.Commit(ctx, &frontier.Batch{Done: es[:5], States: map[string]frontier.State{es[0].URL: {Status: 200}}}); err != nil {
		t.Fatal(err)
	}
	srv.Stop()
	// Calls made while Redis is down wait for it and then succeed.
	done := make(chan error, 1)
	go func() {
		done <- st.Commit(ctx, &frontier.Batch{
			Done:    es[5:],
			Enqueue: entries("y", 5),
			States:  map[string]frontier.State{es[5].URL: {Status: 200}},
		})
	}()
	time.Sleep(700 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("commit returned while redis was down: %v", err)
	default:
	}
	srv.Restart()
	if err := <-done; err != nil {
		t.Fatalf("commit across a restart: %v", err)
	}
	if st.Stats().Retries == 0 {
		t.Error("no retries counted")
	}
	// Nothing was lost: 20 - 10 done + 5 new; both states.
	mustPending(t, st, 15)
	for _, u := range []string{es[0].URL, es[5].URL} {
		if _, ok, err := st.State(ctx, u); !ok || err != nil {
			t.Errorf("state of %s lost: %v", u, err)
		}
	}
	rest := mustClaim(t, st, 100, time.Minute)
	if len(rest) != 15 {
		t.Fatalf("claimed %d after restart, want 15", len(rest))
	}
	// With Redis gone for good, a call gives up after RetryFor.
	short, err := redisstore.Open(ctx, srv.URL(), redisstore.Options{Job: "restart", RetryFor: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer short.Close()
	srv.Stop()
	if _, err := short.Pending(ctx); err == nil {
		t.Fatal("pending with redis down: no error")
	}
}

func TestStore_ClaimReadsState(t *testing.T) {
	srv := redistest.Start(t)
	st := openStore(t, srv, "prefetch", "w")
	ctx := t.Context()
	es := entries("p", 2)
	// A state from an earlier run, and a new run that admits the URL again.
	if err := st.Commit(ctx, &frontier.Batch{States: map[string]frontier.State{es[0].URL: {ETag: `"v1"`, Status: 200}}}); err != nil {
		t.Fatal(err)
	}
	mustEnqueue(t, st, es, 0)
	got := mustClaim(t, st, 2, time.Minute)
	if len(got) != 2 {
		t.Fatalf("claimed %d", len(got))
	}
	before := st.Stats().RoundTrips
	s0, ok0, err0 := st.State(ctx, es[0].URL)
	_, ok1, err1 := st.State(ctx, es[1].URL)
	if err0 != nil || err1 != nil || !ok0 || s0.ETag != `"v1"` || ok1 {
		t.Fatalf("states after claim: %+v %v %v; %v %v", s0, ok0, err0, ok1, err1)
	}
	if n := st.Stats().RoundTrips - before; n != 0 {
		t.Errorf("State of claimed URLs took %d round trips, want 0", n)
	}
	// Read once from the claim; later reads go to Redis.
	if err := st.Commit(ctx, &frontier.Batch{Done: got[:1], States: map[string]frontier.State{es[0].URL: {ETag: `"v2"`}}}); err != nil {
		t.Fatal(err)
	}
	if s, _, _ := st.State(ctx, es[0].URL); s.ETag != `"v2"` {
		t.Fatalf("state after commit: %+v", s)
	}
}

func TestStore_ClaimFairShare(t *testing.T) {
	srv := redistest.Start(t)
	stores := []*redisstore.Store{
		openStore(t, srv, "fair", "a"), openStore(t, srv, "fair", "b"), openStore(t, srv, "fair", "c"),
	}
	// All three workers are live (they claimed recently).
	for _, st := range stores {
		mustClaim(t, st, 64, time.Minute)
	}
	mustEnqueue(t, stores[0], entries("f", 60), 0)
	// The first to ask for 64 gets its share of 60 over 3 workers, not all.
	first := mustClaim(t, stores[0], 64, time.Minute)
	if len(first) != 20 {
		t.Fatalf("first worker claimed %d of 60, want its share of 20", len(first))
	}
	// Past its share, a worker still gets a few at a time.
	if more := mustClaim(t, stores[0], 64, time.Minute); len(more) != 8 {
		t.Fatalf("claimed %d past the share, want 8", len(more))
	}
	if got := mustClaim(t, stores[1], 64, time.Minute); len(got) != 20 {
		t.Fatalf("second worker claimed %d, want 20", len(got))
	}
}

// TestStore_EnqueuePerHost: under a per-host limit, a host's URLs past it
// are left out while other hosts' are still added, through Enqueue and
// Commit alike, and a new run counts afresh.
func TestStore_EnqueuePerHost(t *testing.T) {
	srv := redistest.Start(t)
	st := openStore(t, srv, "perhost", "w1")
	ctx := t.Context()
	lim := frontier.Limits{PerHost: 3}
	n, err := st.Enqueue(ctx, append(entries("trap", 10), entries("b", 2)...), lim)
	if err != nil || n != 5 {
		t.Fatalf("enqueue = %d, %v; want 5 (3 of trap, 2 of b)", n, err)
	}
	// Seen again or over the limit: nothing of trap; b still has room.
	if err := st.Commit(ctx, &frontier.Batch{Enqueue: append(entries("trap", 12)[9:], entries("b", 4)...), Limit: lim}); err != nil {
		t.Fatal(err)
	}
	got := urlsOf(mustClaim(t, st, 100, time.Minute))
	want := urlsOf(append(entries("trap", 3), entries("b", 3)...))
	if !slices.Equal(got, want) {
		t.Errorf("frontier %v, want %v", got, want)
	}
	if err := st.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := st.Enqueue(ctx, entries("trap", 10)[5:], lim); err != nil || n != 3 {
		t.Errorf("enqueue after a new run = %d, %v; want 3", n, err)
	}
}

// LeftOut counts the distinct URLs each limit kept out of the run, over
// Enqueue and Commit, once each however often they are found again, and
// from zero on a new run.
func TestStore_LeftOut(t *testing.T) {
	srv := redistest.Start(t)
	st := openStore(t, srv, "leftout", "w1")
	ctx := t.Context()
	check := func(want frontier.LeftOut) {
		t.Helper()
		if got, err := st.LeftOut(ctx); err != nil || got != want {
			t.Errorf("LeftOut = %+v, %v; want %+v", got, err, want)
		}
	}
	check(frontier.LeftOut{})
	// trap: 3 admitted, 7 left out by the host limit (and 2 more found
	// later); then the page limit (6 in all) leaves out b's last of 4 and
	// c's 3.
	lim := frontier.Limits{Pages: 6, PerHost: 3}
	if _, err := st.Enqueue(ctx, entries("trap", 10), lim); err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(ctx, &frontier.Batch{Enqueue: append(append(entries("trap", 12), entries("b", 4)...), entries("c", 3)...), Limit: lim}); err != nil {
		t.Fatal(err)
	}
	check(frontier.LeftOut{PerHost: 7 + 2, Pages: 1 + 3})
	// max_depth 2, on a new run: d/0 and d/1 found too deep (d/0 twice),
	// then d/0 found at depth 2 and admitted; d/2 already seen.
	if err := st.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	deep := entries("d", 3)
	deep[0].Depth, deep[1].Depth = 3, 3
	dl := frontier.Limits{Depth: 2}
	if n, err := st.Enqueue(ctx, append(deep, deep[0]), dl); err != nil || n != 1 {
		t.Fatalf("enqueue = %d, %v; want 1", n, err)
	}
	check(frontier.LeftOut{Depth: 2})
	deep[0].Depth, deep[2].Depth = 2, 3
	if err := st.Commit(ctx, &frontier.Batch{Enqueue: deep, Limit: dl}); err != nil {
		t.Fatal(err)
	}
	check(frontier.LeftOut{Depth: 1})
	if err := st.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	check(frontier.LeftOut{})
}
