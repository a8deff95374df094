package rules

import (
	"slices"
	"sync"
	"testing"

	"github.com/winnowhq/winnow/block"
)

// ApplyText reuses per-page scratch through the Set's pool: pages cleaned
// at once, on one Set, must come out as they do one at a time.
func TestApplyTextConcurrent(t *testing.T) {
	rs := builtin(t)
	var pages [][]block.Block
	for _, r := range rs.Rules() {
		if r.Stage != StageText {
			continue
		}
		for _, ex := range r.Examples {
			pages = append(pages, block.FromText(ex.In))
		}
	}
	want := make([][]block.Block, len(pages))
	for i, p := range pages {
		want[i] = rs.ApplyText(p, Page{Host: "www.example.com", Title: "Talks end in Putrajaya"}, nil)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range 3 * len(pages) {
				i := (k*7 + g) % len(pages)
				got := rs.ApplyText(pages[i], Page{Host: "www.example.com", Title: "Talks end in Putrajaya"}, nil)
				if !slices.Equal(got, want[i]) {
					t.Errorf("page %d: got %v, want %v", i, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}
