package adjust

import (
	"strings"
	"unicode"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

// minMarkRows is how many rows of marks make a grid of them.
const minMarkRows = 3

// Marks returns the blocks of a product page (of type typ) without its
// grids of marks: minMarkRows or more table rows in a row whose cells
// after the first hold no letter and no digit, a mark (a tick, a cross,
// a dot) in one of them at least, and the header row just above them. Such
// a grid tells by its marks which option has which feature (the languages
// a game speaks in each of its modes, the plans a service offers); as text
// it is a list of its row labels that says nothing of them. It also
// returns the texts it dropped. Pages of other types are left alone.
// WCXB dev product 0.7423 -> 0.7437 (8 pages, all of one shop's
// template, better; none worse).
func Marks(blocks []block.Block, typ string) (kept []block.Block, dropped []string) {
	if typ != pagetype.Product {
		return blocks, nil
	}
	drop := make([]bool, len(blocks))
	found := false
	for i := 0; i < len(blocks); {
		j, marked := i, false
		for j < len(blocks) && markRow(blocks[j]) {
			marked = marked || hasMark(blocks[j])
			j++
		}
		if j-i >= minMarkRows && marked {
			start := i
			if i > 0 && blocks[i-1].Kind == block.KindRow {
				start = i - 1 // its header
			}
			for k := start; k < j; k++ {
				drop[k] = true
			}
			found = true
		}
		i = max(j, i+1)
	}
	if !found {
		return blocks, nil
	}
	return split(blocks, drop)
}

// markRow reports whether b is a table row of two cells or more whose
// cells after the first hold no letter and no digit.
func markRow(b block.Block) bool {
	if b.Kind != block.KindRow || b.Detail == nil || len(b.Detail.Cells) < 2 {
		return false
	}
	for _, c := range b.Detail.Cells[1:] {
		if strings.IndexFunc(c, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			return false
		}
	}
	return true
}

// hasMark reports whether a row's cells after the first hold a mark.
func hasMark(b block.Block) bool {
	for _, c := range b.Detail.Cells[1:] {
		if strings.TrimSpace(c) != "" {
			return true
		}
	}
	return false
}
