package boltstore_test

import (
	"path/filepath"
	"testing"

	"github.com/winnowhq/winnow/crawler/boltstore"
	"github.com/winnowhq/winnow/crawler/frontier"
)

// TestStore_LeftOutDepth: a URL found only deeper than Limits.Depth is
// counted once per run; found again at an allowed depth (in a later
// enqueue or the same one) it is admitted and no longer counted; a URL
// already seen is never counted.
func TestStore_LeftOutDepth(t *testing.T) {
	st, err := boltstore.Open(filepath.Join(t.TempDir(), "crawl.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := t.Context()
	lim := frontier.Limits{Depth: 2}
	e := func(u string, d int) frontier.Entry { return frontier.Entry{URL: "http://a/" + u, Depth: d} }
	for i, step := range []struct {
		es        []frontier.Entry
		added     int
		wantDepth int
	}{
		{[]frontier.Entry{e("1", 3), e("2", 3), e("1", 4), e("3", 1)}, 1, 2},
		{[]frontier.Entry{e("1", 2), e("3", 5), e("2", 3)}, 1, 1},
		{[]frontier.Entry{e("4", 3), e("4", 1)}, 1, 1},
		{[]frontier.Entry{e("5", 1), e("5", 3)}, 1, 1},
	} {
		n, err := st.Enqueue(ctx, step.es, lim)
		if err != nil || n != step.added {
			t.Errorf("step %d: Enqueue = %d, %v; want %d", i+1, n, err, step.added)
		}
		if l, err := st.LeftOut(ctx); err != nil || l.Depth != step.wantDepth {
			t.Errorf("step %d: LeftOut = %+v, %v; want Depth %d", i+1, l, err, step.wantDepth)
		}
	}
	if err := st.NewRun(ctx); err != nil {
		t.Fatal(err)
	}
	if l, err := st.LeftOut(ctx); err != nil || l != (frontier.LeftOut{}) {
		t.Errorf("after NewRun: LeftOut = %+v, %v; want none", l, err)
	}
}
