package crawler

import (
	"context"
	"sync"
	"time"

	"github.com/winnowhq/winnow/crawler/output"
)

// Commit batching: one index fsync and one store transaction per batch.
const (
	commitBatch = 128
	commitMax   = 16 * commitBatch // a batch this large waits for the writer instead of growing
	commitEvery = 250 * time.Millisecond
)

// commitChans are what the committer receives.
type commitChans struct {
	// results are the outcomes of entries, from workers and the dispatcher.
	results chan result
	// flush asks for a flush soon: the dispatcher is starving.
	flush chan struct{}
	// sync asks for everything received so far to be made durable; the
	// committer closes the channel sent when it is.
	sync chan chan struct{}
}

func newCommitChans(buf int) *commitChans {
	return &commitChans{results: make(chan result, buf), flush: make(chan struct{}, 1), sync: make(chan chan struct{})}
}

// close ends the committer once every sender is done.
func (cc *commitChans) close() { close(cc.results) }

// pendingCommit is one batch handed to the writer.
type pendingCommit struct {
	b     *Batch
	lines [][]byte
	acks  []chan struct{}
}

// commitLoop receives results, index lines first, and makes them durable in
// batches: the index lines are appended and fsync'd, then one store commit
// applies the URL states, the frontier changes and the new index size. A crash
// between the two is repaired by replaying the index on the next start
// (Crawler.replay); a crash before the index write only loses the batch, and
// its entries are still in the frontier.
//
// Batches are written by a second goroutine, one at a time and in order,
// while the next one gathers: workers never wait for an fsync, and a slow disk
// makes batches larger (group commit) rather than the crawl slower. The first
// failure calls abort and drops every later batch.
//
// It returns when in.results is closed, after the last batch is written.
func (c *Crawler) commitLoop(ctx context.Context, idx *output.Index, in *commitChans, abort func(error)) error {
	var (
		mu     sync.Mutex
		failed error
		work   = make(chan pendingCommit) // unbuffered: a send succeeds only when the writer is idle
		wdone  = make(chan struct{})
		idle   = make(chan struct{}, 1) // the writer finished a batch
	)
	go func() {
		defer close(wdone)
		for p := range work {
			mu.Lock()
			err := failed
			mu.Unlock()
			if err == nil && (len(p.lines) > 0 || len(p.b.Done)+len(p.b.Retry)+len(p.b.States)+len(p.b.Enqueue) > 0) {
				err = c.writeBatch(ctx, idx, p)
				if err != nil {
					mu.Lock()
					failed = err
					mu.Unlock()
					c.log.Error("commit failed: stopping", "err", err)
					abort(err)
				}
			}
			for _, a := range p.acks {
				close(a)
			}
			select {
			case idle <- struct{}{}:
			default:
			}
		}
	}()

	cur := pendingCommit{b: &Batch{States: map[string]State{}}}
	n, last, hinted := 0, time.Now(), false
	// hand gives the current batch to the writer: at once if it is idle,
	// or, when wait is set, as soon as it is.
	hand := func(wait bool) {
		if n == 0 && len(cur.acks) == 0 {
			return
		}
		if wait {
			work <- cur
		} else {
			select {
			case work <- cur:
			default:
				return // the writer is busy: keep gathering
			}
		}
		cur, n, last, hinted = pendingCommit{b: &Batch{States: map[string]State{}}}, 0, time.Now(), false
	}
	tick := time.NewTicker(commitEvery / 4)
	defer tick.Stop()
	add := func(m result) {
		n++
		b := cur.b
		switch {
		case m.entry.ID == "":
			// URLs found outside any entry (robots.txt sitemaps)
		case m.done:
			b.Done = append(b.Done, m.entry)
		case m.retry:
			b.Retry = append(b.Retry, m.entry)
		}
		if m.url != "" {
			b.States[m.url] = m.state
		}
		b.Enqueue = append(b.Enqueue, m.enqueue...)
		if m.line != nil {
			cur.lines = append(cur.lines, append(m.line, '\n'))
		}
		if n >= commitBatch {
			hand(n >= commitMax)
		}
	}
	for {
		select {
		case m, ok := <-in.results:
			if !ok {
				hand(true)
				close(work)
				<-wdone
				mu.Lock()
				defer mu.Unlock()
				return failed
			}
			add(m)
		case <-in.flush:
			// The dispatcher is starving: new URLs are waiting here.
			hinted = true
			hand(false)
		case ack := <-in.sync:
			// Everything sent before the request is in the results buffer
			// (workers send their result before they report done): take it
			// all into this batch first.
			for drained := false; !drained; {
				select {
				case m, ok := <-in.results:
					if !ok {
						drained = true
						break
					}
					add(m)
				default:
					drained = true
				}
			}
			cur.acks = append(cur.acks, ack)
			hand(true)
		case <-idle:
			if hinted || n >= commitBatch {
				hand(false)
			}
		case <-tick.C:
			if hinted || time.Since(last) >= commitEvery {
				hand(false)
			}
		}
	}
}

// writeBatch makes one batch durable: index lines first, then the store.
func (c *Crawler) writeBatch(ctx context.Context, idx *output.Index, p pendingCommit) error {
	size, err := idx.Append(p.lines)
	if err != nil {
		return err
	}
	p.b.Checkpoint = size
	p.b.Limit = c.cfg.MaxPages
	return c.store.Commit(ctx, p.b)
}
