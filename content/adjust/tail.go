package adjust

import (
	"unicode"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

// Shapes of a listing's tail of links (see Tail).
const (
	// tailWords is the words of one block of the tail at most: a link's
	// label ("Careers", "Privacy Policy", "Jobs by Location"), not an
	// item's title.
	tailWords = 3
	// minTail is the fewest blocks the tail holds: a menu, not an item's
	// last lines (a date, a price, a count).
	minTail = 6
	// productTailWords and minProductTail are the tail's shape on a
	// product page: what follows the product's last line of prose or of
	// specification as labels only is the shop's (its seller's box, its
	// delivery and return labels, its links to policies), shorter runs
	// than a listing's footer of links. WCXB dev product 0.7451 -> 0.7469
	// (8 pages better, 2 worse: -0.028 where the reference keeps a
	// seller's closing labels, -0.002); at 5 words 0.7467 (3 worse), at 3
	// words 0.7464 (3 blocks as 4), a listing's shape (3 words, 6 blocks)
	// 0.7453.
	productTailWords = 4
	minProductTail   = 4
)

// Tail returns the blocks of a listing or a product page (of type typ)
// without its tail: the run of short blocks (tailWords words each at
// most, minTail or more of them; on a product page productTailWords and
// minProductTail) that ends the chosen content, when it is less than half of the
// blocks. The items of a listing are titles and their lines; what follows
// the last of them in the same container, as labels only, is the site's
// (its map, its footer's links, a menu of categories or regions, the
// social links), not more items. A listing whose items are all short
// (a list of names, of tags) keeps them: they are most of its blocks. It
// also returns the texts it dropped. Not on other types: a collection's
// last cards may be short (a name, a price), and a story or a manual may
// end on a list of short lines that is its own. WCXB dev: listing 0.7616
// -> 0.7627 (4 pages better, none worse), service 0.8486 -> 0.8488 (3
// pages read as listings better), collection 0.7574 -> 0.7571 (one page
// read as a listing, whose reference keeps the shop's footer), other
// types unchanged.
func Tail(blocks []block.Block, typ string) (kept []block.Block, dropped []string) {
	if typ != pagetype.Listing && typ != pagetype.Product {
		return blocks, nil
	}
	most, least := tailWords, minTail
	if typ == pagetype.Product {
		most, least = productTailWords, minProductTail
	}
	k := len(blocks)
	for k > 0 && words(blocks[k-1].Text) <= most {
		k--
	}
	if len(blocks)-k < least || 2*k < len(blocks) {
		return blocks, nil
	}
	for _, b := range blocks[k:] {
		dropped = append(dropped, b.Text)
	}
	return blocks[:k], dropped
}

// words counts the words of s: its runs of letters and digits.
func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
