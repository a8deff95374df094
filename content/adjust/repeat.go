package adjust

import (
	"unicode"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

// Sizes of a repeated run of blocks.
const (
	// minRun is the fewest blocks a run holds: one or two repeated lines
	// are a label or a quote.
	minRun = 3
	// minProse is the letters of the longest block of a run, at least: a
	// paragraph, not a list of labels (a code sample's language tabs, a
	// pricing table's lines, a plan's daily items) that a page repeats on
	// purpose.
	minProse = 80
	// budgetPerBlock and minBudget bound Repeats' block comparisons.
	budgetPerBlock = 64
	minBudget      = 1 << 16
)

// Repeats returns blocks without the runs of blocks that repeat, exactly
// and in order, an earlier run: a page that renders a section twice (one
// copy for wide screens, one for narrow ones, or a carousel's cloned
// slides) shows it once. The first copy is kept; runs shorter than minRun
// blocks, or without a block of prose (minProse letters), are left alone,
// except on a listing or a collection, where a run of items' short blocks
// holding minProse letters together goes too (WCXB dev: listing +0.003,
// collection +0.001, service pages read as listings +0.0015), and on a
// product page, where such a run is the product's details or
// specifications rendered again for another layout (WCXB dev product
// +0.0005: 3 pages better, 1 worse, a game's system requirements for two
// systems sharing lines; other types unchanged).
// It also returns the texts it dropped.
//
// Not on articles, of type typ: a story repeats runs on purpose (a meal
// plan's days, a recipe's steps per variant), and a reader's copy of it
// holds them all. WCXB dev: forum +0.008, service +0.002, product +0.004,
// documentation +0.002; on articles it would gain 0.002 on WCXB but cost
// an AEB meal plan 0.28 F1. (A quickstart that repeats its intro under
// each language's tab loses 0.19: its truth keeps every tab.)
func Repeats(blocks []block.Block, typ string) (kept []block.Block, dropped []string) {
	if typ == pagetype.Article {
		return blocks, nil
	}
	// On a listing or a collection a run repeats items (a grid rendered
	// again in a compare drawer or for another screen): short blocks, a
	// name and a price each, that hold a paragraph's letters together. On
	// a product page it repeats the product's short lines (details,
	// specifications) rendered again for another screen.
	grid := typ == pagetype.Listing || typ == pagetype.Collection || typ == pagetype.Product
	at := make(map[string][]int, len(blocks))
	// Comparing every earlier copy of a text, each as far as it matches, is
	// cubic in the worst case: a hostile page of thousands of identical
	// short blocks took minutes. The comparisons have a budget, linear in
	// the blocks, far above what real pages use; once it is spent the rest
	// is kept as it is.
	budget := budgetPerBlock*len(blocks) + minBudget
	for i := 0; i < len(blocks); {
		best := 0
		for _, j := range at[blocks[i].Text] {
			k := 0
			for j+k < i && i+k < len(blocks) && blocks[j+k].Text == blocks[i+k].Text {
				k++
			}
			best = max(best, k)
			if budget -= k + 1; budget < 0 {
				return append(kept, blocks[i:]...), dropped
			}
		}
		if best >= minRun && (prose(blocks[i:i+best]) || grid && letters(blocks[i:i+best]) >= minProse) {
			for _, b := range blocks[i : i+best] {
				dropped = append(dropped, b.Text)
			}
			i += best
			continue
		}
		at[blocks[i].Text] = append(at[blocks[i].Text], i)
		kept = append(kept, blocks[i])
		i++
	}
	return kept, dropped
}

// letters counts the letters of the blocks, up to minProse.
func letters(bs []block.Block) int {
	n := 0
	for _, b := range bs {
		for _, r := range b.Text {
			if unicode.IsLetter(r) {
				if n++; n >= minProse {
					return n
				}
			}
		}
	}
	return n
}

// prose reports whether one of the blocks holds minProse letters or more.
func prose(bs []block.Block) bool {
	for _, b := range bs {
		n := 0
		for _, r := range b.Text {
			if unicode.IsLetter(r) {
				if n++; n >= minProse {
					return true
				}
			}
		}
	}
	return false
}
