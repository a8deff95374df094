package crawler_test

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/winnowhq/winnow/crawler/boltstore"
	"github.com/winnowhq/winnow/crawler/frontier"
)

// BenchmarkEnqueueOnePage enqueues the 150,000 new links of one page in one
// commit, as the crawler does, into a frontier that already holds 50,000
// URLs (issue 17: a page of 180,000 links took 97 s, insertion being
// quadratic; the target is 5 s). Links come in page order, which is not
// key order.
func BenchmarkEnqueueOnePage(b *testing.B) {
	const old, links = 50_000, 150_000
	for b.Loop() {
		b.StopTimer()
		st, err := boltstore.Open(filepath.Join(b.TempDir(), "crawl.db"))
		if err != nil {
			b.Fatal(err)
		}
		es := make([]frontier.Entry, old)
		for i := range es {
			es[i] = frontier.Entry{URL: fmt.Sprintf("http://e.com/old/%08x", rand.Uint32())}
		}
		if _, err := st.Enqueue(b.Context(), es, frontier.Limits{}); err != nil {
			b.Fatal(err)
		}
		page := make([]frontier.Entry, links)
		for i := range page {
			page[i] = frontier.Entry{URL: fmt.Sprintf("http://e.com/p/%08x/%d", rand.Uint32(), i), Depth: 1}
		}
		b.StartTimer()
		n, err := st.Enqueue(b.Context(), page, frontier.Limits{})
		b.StopTimer()
		if err != nil || n < links-10 {
			b.Fatalf("enqueued %d, %v", n, err)
		}
		st.Close()
		b.StartTimer()
	}
}
