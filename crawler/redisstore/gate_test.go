package redisstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler/redisstore"
	"github.com/winnowhq/winnow/crawler/redisstore/redistest"
)

// The crawler uses StartHost and EndHost through frontier.HostGate; store.go
// checks that Store implements it.

// startHost asks st until the host starts, sleeping until each retry time.
func startHost(ctx context.Context, st *redisstore.Store, host string, delay time.Duration, limit int) error {
	for {
		ok, at, err := st.StartHost(ctx, host, delay, limit)
		if err != nil || ok {
			return err
		}
		time.Sleep(time.Until(at))
	}
}

func mustStartHost(t *testing.T, st *redisstore.Store, host string, delay time.Duration, limit int) {
	t.Helper()
	if err := startHost(t.Context(), st, host, delay, limit); err != nil {
		t.Fatal(err)
	}
}

// TestStore_StartHostOrder: requests of three workers (four goroutines
// each) to one host never overlap, and each starts at least the delay after
// the one before ended, whatever time they take.
func TestStore_StartHostOrder(t *testing.T) {
	srv := redistest.Start(t)
	const (
		delay = 5 * time.Millisecond
		per   = 8
		slack = time.Millisecond // Redis's clock against this process's
	)
	type span struct {
		start, end time.Time
		who        string
	}
	var (
		mu    sync.Mutex
		spans []span
		wg    sync.WaitGroup
	)
	for w := range 3 {
		st := openStore(t, srv, "gate", fmt.Sprintf("w%d", w))
		for g := range 4 {
			wg.Go(func() {
				for range per {
					if err := startHost(t.Context(), st, "news.example", delay, 1); err != nil {
						t.Error(err)
						return
					}
					start := time.Now()
					time.Sleep(rand.N(2 * delay)) // the request, often longer than the delay
					end := time.Now()
					if err := st.EndHost(t.Context(), "news.example", end.Add(delay)); err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					spans = append(spans, span{start, end, fmt.Sprintf("w%d/%d", w, g)})
					mu.Unlock()
				}
			})
		}
	}
	wg.Wait()
	if len(spans) != 3*4*per {
		t.Fatalf("%d requests, want %d", len(spans), 3*4*per)
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start.Compare(b.start) })
	for i := 1; i < len(spans); i++ {
		prev, cur := spans[i-1], spans[i]
		if gap := cur.start.Sub(prev.end); gap < delay-slack {
			t.Errorf("%s started %v after %s ended, want ≥ %v", cur.who, gap, prev.who, delay)
		}
	}
	// Another host is not held.
	st := openStore(t, srv, "gate", "other")
	if ok, at, err := st.StartHost(t.Context(), "other.example", delay, 1); err != nil || !ok {
		t.Errorf("StartHost(other.example) = %v, %v, %v; want true", ok, at, err)
	}
}

// TestStore_StartHostLimit: with limit 2, two requests run side by side,
// spaced by the delay; a third waits for one of them to end.
func TestStore_StartHostLimit(t *testing.T) {
	// Long enough that a loaded machine (go test -race beside other work)
	// does not let it pass between two calls: at 20ms the second request
	// was once allowed at once.
	const delay = 500 * time.Millisecond
	a, b := twoWorkers(t, "limit")
	ctx := t.Context()
	mustStartHost(t, a, "news.example", delay, 2)
	first := time.Now()
	ok, at, err := b.StartHost(ctx, "news.example", delay, 2)
	if err != nil {
		t.Fatal(err)
	}
	if ok {
		t.Fatal("second request started at once, want the delay after the first")
	}
	if d := at.Sub(first); d < delay/2 || d > delay+5*time.Millisecond {
		t.Errorf("second request may start %v after the first, want %v", d, delay)
	}
	mustStartHost(t, b, "news.example", delay, 2)
	// Two in flight: a third is refused even after the delay.
	time.Sleep(delay + 5*time.Millisecond)
	if ok, _, err := a.StartHost(ctx, "news.example", delay, 2); err != nil || ok {
		t.Fatalf("third request: started %v, err %v; want refused", ok, err)
	}
	if err := b.EndHost(ctx, "news.example", time.Now()); err != nil {
		t.Fatal(err)
	}
	mustStartHost(t, a, "news.example", delay, 2)
}

// TestStore_StartHostHold: StartHost waits for a HoldHost (Retry-After)
// and for EndHost's until.
func TestStore_StartHostHold(t *testing.T) {
	const slack = 2 * time.Millisecond
	a, b := twoWorkers(t, "hold")
	ctx := t.Context()
	until := time.Now().Add(300 * time.Millisecond)
	if err := a.HoldHost(ctx, "news.example", until); err != nil {
		t.Fatal(err)
	}
	ok, at, err := b.StartHost(ctx, "news.example", time.Millisecond, 1)
	if err != nil || ok {
		t.Fatalf("StartHost during a hold: started %v, err %v", ok, err)
	}
	if at.Before(until.Add(-slack)) || at.After(until.Add(10*time.Millisecond)) {
		t.Errorf("retry at %v, want the hold's end %v", at.Format("05.000"), until.Format("05.000"))
	}
	mustStartHost(t, b, "news.example", time.Millisecond, 1)
	if got := time.Now(); got.Before(until.Add(-slack)) {
		t.Errorf("started %v before the hold's end", until.Sub(got))
	}
	// EndHost by the worker that started the request: the next start waits
	// for its until, whoever asks (the asker itself too, without Redis).
	until = time.Now().Add(200 * time.Millisecond)
	if err := b.EndHost(ctx, "news.example", until); err != nil {
		t.Fatal(err)
	}
	for _, st := range []*redisstore.Store{a, b} {
		ok, at, err := st.StartHost(ctx, "news.example", time.Millisecond, 1)
		if err != nil || ok || at.Before(until.Add(-slack)) {
			t.Errorf("StartHost after EndHost = %v, %v, %v; want false and %v", ok, at.Format("05.000"), err, until.Format("05.000"))
		}
	}
}

// TestStore_StartHostLease: a request whose worker dies without ending it
// holds the host for the lease at most; a live worker keeps it as long as
// it needs (the lease is renewed).
func TestStore_StartHostLease(t *testing.T) {
	srv := redistest.Start(t)
	const lease = 300 * time.Millisecond
	open := func(name string) *redisstore.Store {
		st, err := redisstore.Open(t.Context(), srv.URL()+"?lease="+lease.String(), redisstore.Options{Job: "lease", Worker: name})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	ctx := t.Context()
	live, other := open("live"), open("other")
	mustStartHost(t, live, "news.example", time.Millisecond, 1)
	for end := time.Now().Add(3 * lease); time.Now().Before(end); time.Sleep(lease / 4) {
		if ok, _, err := other.StartHost(ctx, "news.example", time.Millisecond, 1); err != nil || ok {
			t.Fatalf("started %v (err %v) while a live worker's request is in flight", ok, err)
		}
	}
	if err := live.EndHost(ctx, "news.example", time.Now()); err != nil {
		t.Fatal(err)
	}

	dead := open("dead")
	mustStartHost(t, dead, "news.example", time.Millisecond, 1)
	died := time.Now()
	dead.Close() // no EndHost, no more renewals
	mustStartHost(t, other, "news.example", time.Millisecond, 1)
	if d := time.Since(died); d > lease+100*time.Millisecond {
		t.Errorf("a dead worker held the host for %v, want ≤ the lease %v", d, lease)
	}
}
