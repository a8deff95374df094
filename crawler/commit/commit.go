// Package commit makes a crawl's outcomes durable in batches: the index
// lines of a batch are appended to the output index and fsync'd, then one
// frontier.Store commit applies its URL states, its frontier changes and
// the new index size. A crash between the two is repaired by replaying the
// index on the next start (the crawler does it); a crash before the index
// write only loses the batch, whose entries are still in the frontier.
package commit

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/output"
)

// Batching: one index fsync and one store transaction per batch.
const (
	batchSize = 128
	batchMax  = 16 * batchSize // a batch this large waits for the writer instead of growing
	every     = 250 * time.Millisecond
)

// Result is the outcome of one frontier entry, or URLs found outside any
// entry (Entry.ID empty: the sitemaps robots.txt names).
type Result struct {
	Entry   frontier.Entry
	Done    bool   // Entry leaves the frontier
	Retry   bool   // Entry goes back with its new Attempts and NotBefore
	URL     string // key of State; empty: no state change
	State   frontier.State
	Enqueue []frontier.Entry
	Line    []byte // index line, without newline
}

// Chans are what a Committer receives.
type Chans struct {
	// Results are the outcomes of entries, from workers and the dispatcher.
	Results chan Result
	// Flush asks for a flush soon: the dispatcher is starving.
	Flush chan struct{}
	// Sync asks for everything received so far to be made durable; the
	// committer closes the channel sent when it is.
	Sync chan chan struct{}
}

// NewChans makes the channels, with buf results buffered.
func NewChans(buf int) *Chans {
	return &Chans{Results: make(chan Result, buf), Flush: make(chan struct{}, 1), Sync: make(chan chan struct{})}
}

// Close ends the committer once every sender is done.
func (cc *Chans) Close() { close(cc.Results) }

// Committer writes batches to an index and a store.
type Committer struct {
	Store frontier.Store
	Index *output.Index
	Log   *slog.Logger
	// Limit is the job's max pages in all and per host, passed to the
	// store with every batch.
	Limit frontier.Limits
}

// pending is one batch handed to the writer: its results, in order.
type pending struct {
	results []Result
	acks    []chan struct{}
}

func (p pending) empty() bool { return len(p.results) == 0 }

// batch is the store batch and the index lines of the results, leaving out
// those of the entries in lost.
func (p pending) batch(lost map[string]bool) (*frontier.Batch, [][]byte) {
	b := &frontier.Batch{States: map[string]frontier.State{}}
	var lines [][]byte
	for _, m := range p.results {
		if m.Entry.ID != "" && lost[m.Entry.ID] {
			continue
		}
		switch {
		case m.Entry.ID == "":
			// URLs found outside any entry (robots.txt sitemaps)
		case m.Done:
			b.Done = append(b.Done, m.Entry)
		case m.Retry:
			b.Retry = append(b.Retry, m.Entry)
		}
		if m.URL != "" {
			b.States[m.URL] = m.State
		}
		b.Enqueue = append(b.Enqueue, m.Enqueue...)
		if m.Line != nil {
			lines = append(lines, append(m.Line, '\n'))
		}
	}
	return b, lines
}

// Run receives results and makes them durable in batches, until in.Results
// is closed and the last batch is written.
//
// Batches are written by a second goroutine, one at a time and in order,
// while the next one gathers: workers never wait for an fsync, and a slow
// disk makes batches larger (group commit) rather than the crawl slower.
// The first failure calls abort and drops every later batch; Run returns it.
// A panic in either goroutine (a bug here, in the store or in the log's
// handler) is such a failure, never a crash of the process: the results
// still coming are taken and dropped, so that no sender waits for ever.
func (c *Committer) Run(ctx context.Context, in *Chans, abort func(error)) error {
	w := &writer{c: c, work: make(chan pending), done: make(chan struct{}), idle: make(chan struct{}, 1)}
	go w.run(ctx, abort)
	g := &gatherer{w: w, last: time.Now()}
	if err := g.run(in); err != nil {
		w.fail(err, abort)
		discard(in)
	}
	close(w.work)
	<-w.done
	return w.err()
}

// discard takes and drops what in brings until in.Results is closed,
// answering every request for a flush or a sync, after a panic.
func discard(in *Chans) {
	for {
		select {
		case _, ok := <-in.Results:
			if !ok {
				return
			}
		case <-in.Flush:
		case ack := <-in.Sync:
			close(ack)
		}
	}
}

// run gathers batches until in.Results is closed and hands the last one;
// a panic comes back as its error.
func (g *gatherer) run(in *Chans) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("commit: gathering a batch: panic: %v", p)
		}
	}()
	tick := time.NewTicker(every / 4)
	defer tick.Stop()
	for {
		select {
		case m, ok := <-in.Results:
			if !ok {
				g.hand(true)
				return nil
			}
			g.add(m)
		case <-in.Flush:
			// The dispatcher is starving: new URLs are waiting here.
			g.hinted = true
			g.hand(false)
		case ack := <-in.Sync:
			// Everything sent before the request is in the results buffer
			// (workers send their result before they report done): take it
			// all into this batch first.
			g.drain(in.Results)
			g.cur.acks = append(g.cur.acks, ack)
			g.hand(true)
		case <-g.w.idle:
			if g.hinted || g.n >= batchSize {
				g.hand(false)
			}
		case <-tick.C:
			if g.hinted || time.Since(g.last) >= every {
				g.hand(false)
			}
		}
	}
}

// writer writes the batches handed to it, one at a time.
type writer struct {
	c    *Committer
	work chan pending  // unbuffered: a send succeeds only when the writer is idle
	done chan struct{} // closed when work is closed and drained
	idle chan struct{} // the writer finished a batch

	mu     sync.Mutex
	failed error
}

func (w *writer) err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.failed
}

func (w *writer) run(ctx context.Context, abort func(error)) {
	defer close(w.done)
	for p := range w.work {
		w.one(ctx, p, abort)
		select {
		case w.idle <- struct{}{}:
		default:
		}
	}
}

// one writes p unless an earlier batch failed, then acknowledges its sync
// requests whatever happened.
func (w *writer) one(ctx context.Context, p pending, abort func(error)) {
	defer func() {
		if r := recover(); r != nil {
			w.fail(fmt.Errorf("commit: panic: %v", r), abort)
		}
		for _, a := range p.acks {
			close(a)
		}
	}()
	if err := w.err(); err == nil && !p.empty() {
		if err := w.c.safeWrite(ctx, p); err != nil {
			w.fail(err, abort)
			w.c.Log.Error("commit failed: stopping", "err", err)
		}
	}
}

// fail records the first failure and stops the run.
func (w *writer) fail(err error, abort func(error)) {
	w.mu.Lock()
	if w.failed == nil {
		w.failed = err
	}
	w.mu.Unlock()
	abort(err)
}

// safeWrite is write with a panic (a bug in a store) turned into the
// error that stops the run, instead of a crash of the process: under winnow
// serve that would end every other job's run too.
func (c *Committer) safeWrite(ctx context.Context, p pending) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("commit: panic: %v", r)
		}
	}()
	return c.write(ctx, p)
}

// write makes one batch durable: index lines first, then the store. On a
// store that leases entries (frontier.Fencer), it first renews the leases
// and leaves out the outcomes of entries another worker now holds.
func (c *Committer) write(ctx context.Context, p pending) error {
	var lost map[string]bool
	if f, ok := c.Store.(frontier.Fencer); ok {
		var ids []string
		for _, m := range p.results {
			if m.Entry.ID != "" {
				ids = append(ids, m.Entry.ID)
			}
		}
		gone, err := f.Hold(ctx, ids)
		if err != nil {
			return err
		}
		if len(gone) > 0 {
			c.Log.Warn("leases lapsed before commit: outcomes left to the workers holding them now", "entries", len(gone))
			lost = make(map[string]bool, len(gone))
			for _, id := range gone {
				lost[id] = true
			}
		}
	}
	b, lines := p.batch(lost)
	size, err := c.Index.Append(lines)
	if err != nil {
		return err
	}
	b.Checkpoint = size
	b.Limit = c.Limit
	return c.Store.Commit(ctx, b)
}

// gatherer builds the next batch while the writer writes the last one.
type gatherer struct {
	w      *writer
	cur    pending
	n      int       // results in cur
	last   time.Time // when cur was started
	hinted bool      // the dispatcher asked for a flush
}

// hand gives the current batch to the writer: at once if it is idle, or,
// when wait is set, as soon as it is.
func (g *gatherer) hand(wait bool) {
	if g.n == 0 && len(g.cur.acks) == 0 {
		return
	}
	if wait {
		g.w.work <- g.cur
	} else {
		select {
		case g.w.work <- g.cur:
		default:
			return // the writer is busy: keep gathering
		}
	}
	g.cur, g.n, g.last, g.hinted = pending{}, 0, time.Now(), false
}

func (g *gatherer) add(m Result) {
	g.n++
	g.cur.results = append(g.cur.results, m)
	if g.n >= batchSize {
		g.hand(g.n >= batchMax)
	}
}

// drain adds every result already buffered, without waiting.
func (g *gatherer) drain(results <-chan Result) {
	for {
		select {
		case m, ok := <-results:
			if !ok {
				return
			}
			g.add(m)
		default:
			return
		}
	}
}
