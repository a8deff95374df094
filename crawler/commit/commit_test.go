package commit

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/output"
)

// store records the batches committed. Only Commit is called by a
// Committer; the embedded nil Store makes any other call fail the test
// with a panic.
type store struct {
	frontier.Store
	mu      sync.Mutex
	batches []*frontier.Batch
}

func (s *store) Commit(_ context.Context, b *frontier.Batch) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.batches = append(s.batches, b)
	return nil
}

// fencedStore is a store whose leases on the entries in lost passed to
// another worker.
type fencedStore struct {
	store
	lost    []string
	holdErr error
	held    [][]string
}

func (s *fencedStore) Fresh(string) bool { return true }

func (s *fencedStore) Hold(_ context.Context, ids []string) ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.held = append(s.held, ids)
	return s.lost, s.holdErr
}

// run commits results through a Committer on st and returns the index
// lines written and the error of Run.
func run(t *testing.T, st frontier.Store, results []Result) ([]string, error) {
	t.Helper()
	dir := t.TempDir()
	x, _, err := output.Open(dir, "", "test", 0)
	if err != nil {
		t.Fatal(err)
	}
	c := &Committer{Store: st, Index: x, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	in := NewChans(len(results))
	for _, r := range results {
		in.Results <- r
	}
	in.Close()
	runErr := c.Run(context.Background(), in, func(error) {})
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	matches, err := filepath.Glob(filepath.Join(dir, "index*.jsonl"))
	if err != nil || len(matches) != 1 {
		t.Fatalf("index files: %v %v", matches, err)
	}
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	return strings.Fields(string(data)), runErr
}

func results() []Result {
	var rs []Result
	for _, id := range []string{"1", "2", "3"} {
		u := "http://127.0.0.1/p" + id
		rs = append(rs, Result{
			Entry:   frontier.Entry{ID: id, URL: u},
			Done:    true,
			URL:     u,
			State:   frontier.State{Hash: "h" + id},
			Enqueue: []frontier.Entry{{URL: u + "/next"}},
			Line:    []byte(`{"url":"` + u + `"}`),
		})
	}
	// URLs found outside any entry (robots.txt sitemaps) are never fenced.
	return append(rs, Result{Enqueue: []frontier.Entry{{URL: "http://127.0.0.1/from-sitemap"}}})
}

func TestCommit_WritesEveryOutcome(t *testing.T) {
	st := &store{}
	lines, err := run(t, st, results())
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 3 {
		t.Errorf("index lines = %q, want 3", lines)
	}
	var done, enq int
	for _, b := range st.batches {
		done += len(b.Done)
		enq += len(b.Enqueue)
	}
	if done != 3 || enq != 4 {
		t.Errorf("committed %d done, %d enqueued; want 3, 4", done, enq)
	}
}

// A worker that stalled past its lease must not write the page another
// worker now holds: neither its index line nor its state, links or ack.
func TestCommit_LeavesOutLostLeases(t *testing.T) {
	st := &fencedStore{lost: []string{"2"}}
	lines, err := run(t, st, results())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`{"url":"http://127.0.0.1/p1"}`, `{"url":"http://127.0.0.1/p3"}`}
	if !slices.Equal(lines, want) {
		t.Errorf("index lines = %q, want %q", lines, want)
	}
	if len(st.held) == 0 || !slices.Equal(st.held[0], []string{"1", "2", "3"}) {
		t.Errorf("Hold asked for %q, want the batch's entries [1 2 3]", st.held)
	}
	var done, enq int
	for _, b := range st.batches {
		for _, e := range b.Done {
			if e.ID == "2" {
				t.Error("the lost entry was acknowledged")
			}
		}
		if _, ok := b.States["http://127.0.0.1/p2"]; ok {
			t.Error("the lost entry's state was written")
		}
		for _, e := range b.Enqueue {
			if e.URL == "http://127.0.0.1/p2/next" {
				t.Error("the lost entry's links were enqueued")
			}
		}
		done += len(b.Done)
		enq += len(b.Enqueue)
	}
	if done != 2 || enq != 3 {
		t.Errorf("committed %d done, %d enqueued; want 2, 3", done, enq)
	}
}

// When the leases cannot be checked, nothing is written and the run stops
// with the error: writing could duplicate another worker's page.
func TestCommit_HoldFailureWritesNothing(t *testing.T) {
	boom := errors.New("redis down")
	st := &fencedStore{holdErr: boom}
	lines, err := run(t, st, results())
	if !errors.Is(err, boom) {
		t.Fatalf("Run error = %v, want %v", err, boom)
	}
	if len(lines) != 0 || len(st.batches) != 0 {
		t.Errorf("wrote %d lines and %d batches after a failed Hold", len(lines), len(st.batches))
	}
}

// failingStore fails every commit.
type failingStore struct{ store }

func (s *failingStore) Commit(context.Context, *frontier.Batch) error { return errors.New("disk full") }

// panicHandler is a log handler with a bug: it panics on every record.
type panicHandler struct{ slog.Handler }

func (panicHandler) Enabled(context.Context, slog.Level) bool  { return true }
func (panicHandler) Handle(context.Context, slog.Record) error { panic("handler bug") }

// A panic in the committer's goroutines (here the log's handler, called
// when a commit fails) stops the run with an error instead of crashing the
// process, and Run still takes every result and answers every sync.
func TestCommit_PanicStopsRunNotProcess(t *testing.T) {
	x, _, err := output.Open(t.TempDir(), "", "test", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	c := &Committer{Store: &failingStore{}, Index: x, Log: slog.New(panicHandler{slog.DiscardHandler})}
	in := NewChans(0)
	var aborted error
	done := make(chan error)
	go func() { done <- c.Run(context.Background(), in, func(err error) { aborted = err }) }()
	for _, r := range results() {
		in.Results <- r
	}
	ack := make(chan struct{})
	in.Sync <- ack
	<-ack
	for _, r := range results() { // after the failure: still taken
		in.Results <- r
	}
	ack = make(chan struct{})
	in.Sync <- ack
	<-ack
	in.Close()
	if err := <-done; err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Run = %v, want the commit's error", err)
	}
	if aborted == nil {
		t.Error("the run was not aborted")
	}
}
