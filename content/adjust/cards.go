package adjust

import (
	"strings"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

// Sizes of a run of cards (see Cards).
const (
	// minCardRun is how many cards, each closing with the same link, make
	// a run of other products: as many as the priced sibling cards that
	// make a carousel in package content.
	minCardRun = 3
	// maxCardLink is the words of the link closing each card at most: a
	// call to action ("view product", "learn more"), not an item's name.
	maxCardLink = 5
)

// Cards returns the blocks of a product page (of type typ) without its
// runs of cards: minCardRun or more groups of blocks of one length (two
// blocks or more), each closing with the same short linked text. Each card
// is another product or offer (a variation, a bundle, an accessory) with
// its name and blurb, closed by its link to that product's own page; the
// page's product has no such link to itself. The run goes from the block
// that opens its first card to the last card's link. Cards carrying a
// price are gone already as a carousel (package content); these show none,
// or show it as text the carousel test does not read. It also returns the
// texts it dropped. Pages of other types are left alone: a listing's or a
// collection's cards are its content. WCXB dev product 0.7288 -> 0.7333 (4
// pages better, one a run of variations 0.446 -> 0.854; one worse, 0.881
// -> 0.812: the shop's four service boxes, each closed by the same link,
// which its reference keeps).
func Cards(blocks []block.Block, typ string) (kept []block.Block, dropped []string) {
	if typ != pagetype.Product || len(blocks) < 2*minCardRun {
		return blocks, nil
	}
	at := map[string][]int{}
	for i, b := range blocks {
		if b.Detail != nil && len(b.Detail.Links) > 0 && len(strings.Fields(b.Text)) <= maxCardLink {
			t := strings.ToLower(strings.TrimSpace(b.Text))
			at[t] = append(at[t], i)
		}
	}
	drop := make([]bool, len(blocks))
	found := false
	for _, idx := range at {
		if first, last, period := cardRun(idx); period > 0 {
			for i := max(first-period+1, 0); i <= last; i++ {
				drop[i] = true
			}
			found = true
		}
	}
	if !found {
		return blocks, nil
	}
	return split(blocks, drop)
}

// split returns the blocks drop leaves (kept) and the texts of those it
// marks (dropped).
func split(blocks []block.Block, drop []bool) (kept []block.Block, dropped []string) {
	for i, b := range blocks {
		if drop[i] {
			dropped = append(dropped, b.Text)
		} else {
			kept = append(kept, b)
		}
	}
	return kept, dropped
}

// cardRun returns the longest run of minCardRun or more positions of idx
// (sorted) spaced by one period of two or more, its first and last
// position and the period; period is 0 when there is none.
func cardRun(idx []int) (first, last, period int) {
	if len(idx) < minCardRun {
		return 0, 0, 0
	}
	best := 0
	for s := 0; s+1 < len(idx); {
		p := idx[s+1] - idx[s]
		e := s + 1
		for e+1 < len(idx) && idx[e+1]-idx[e] == p {
			e++
		}
		if n := e - s + 1; p >= 2 && n >= minCardRun && n > best {
			best, first, last, period = n, idx[s], idx[e], p
		}
		s = e
	}
	return first, last, period
}
