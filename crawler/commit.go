package crawler

import (
	"context"
	"time"
)

// Commit batching: one index fsync and one store transaction per batch.
const (
	commitBatch = 128
	commitEvery = 250 * time.Millisecond
	commitHint  = 20 * time.Millisecond // least gap between flushes asked by the dispatcher
)

// commitLoop receives results, index lines first, and makes them durable in
// batches: the index lines are appended and fsync'd, then one store commit
// applies the URL states, the frontier changes and the new index size. A crash
// between the two is repaired by replaying the index on the next start
// (Crawler.replay); a crash before the index write only loses the batch, and
// its entries are still in the frontier.
//
// Messages: result; flushHint (flush soon); chan struct{} (flush now, then
// close it).
func (c *Crawler) commitLoop(ctx context.Context, idx *index, in <-chan any) error {
	var (
		b       = &Batch{States: map[string]State{}}
		lines   [][]byte
		n       int
		last    = time.Now()
		failed  error
		tick    = time.NewTicker(commitEvery / 2)
		pending = false
	)
	defer tick.Stop()
	flush := func() {
		if n == 0 || failed != nil {
			return
		}
		size, err := idx.append(lines)
		if err == nil {
			b.Checkpoint = size
			b.Limit = c.cfg.MaxPages
			err = c.store.Commit(ctx, b)
		}
		if err != nil {
			failed = err
			c.log.Error("commit failed: stopping", "err", err)
		}
		b, lines, n, last = &Batch{States: map[string]State{}}, nil, 0, time.Now()
	}
	for {
		select {
		case m, ok := <-in:
			if !ok {
				flush()
				return failed
			}
			switch m := m.(type) {
			case result:
				n++
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
					lines = append(lines, append(m.line, '\n'))
				}
				if n >= commitBatch {
					flush()
				}
			case flushHint:
				pending = true
				if time.Since(last) >= commitHint {
					flush()
					pending = false
				}
			case chan struct{}:
				flush()
				close(m)
			}
		case <-tick.C:
			if time.Since(last) >= commitEvery || (pending && time.Since(last) >= commitHint) {
				flush()
				pending = false
			}
		}
	}
}
