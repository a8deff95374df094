package adjust

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

// Twice returns blocks without the blocks that repeat, exactly (case and
// surrounding space aside), the block just before them (or, two by two,
// the pair of blocks before them: see pairs), on a listing, a
// collection or a product page (of type typ): an item's name printed twice
// in a row (its picture's caption and its link, one title per screen
// size), a price shown again beside itself, a label under every card
// printed for two layouts; on a product page, a feature's title or a
// specification's label printed for two layouts. Items apart may share a
// line (a brand, a price, a size): only neighbours are compared. It also
// returns the texts it dropped. WCXB dev product 0.7241 -> 0.7249 (13
// pages better, none worse).
//
// A block that is one text twice, side by side ("NEW NEW", "$279.95
// $279.95": a badge or a price rendered for two layouts in one line) is
// printed once too, and compared with its neighbour so (WCXB dev:
// collection +0.0014, listing +0.0003, service +0.0002 and product +0.0001
// on pages read as listings; 7 pages better by more than 0.002, 2 worse by
// 0.002 at most).
// So is a text of minGlued characters or more twice with nothing between
// (a label or a date run into its other layout's copy): WCXB dev product
// 0.7409 -> 0.7423, collection +0.0001 (5 pages better, none worse).
//
// Not on other types: in a story or a thread a line said
// twice in a row is rare and may be meant (a refrain, a quoted line and
// its reply), and package rules' dedupe passes judge it there.
func Twice(blocks []block.Block, typ string) ([]block.Block, []string) {
	if typ != pagetype.Listing && typ != pagetype.Collection && typ != pagetype.Product || len(blocks) < 2 {
		return blocks, nil
	}
	var dropped []string
	out := make([]block.Block, 0, len(blocks))
	prev := ""
	for _, b := range blocks {
		t := strings.TrimSpace(b.Text)
		half, twice := doubled(t)
		if twice {
			t = half
		}
		if t != "" && strings.EqualFold(t, prev) {
			dropped = append(dropped, b.Text)
			continue
		}
		if twice {
			dropped = append(dropped, half)
			b.Text = half
		}
		out = append(out, b)
		prev = t
	}
	return pairs(out, dropped)
}

// pairs returns blocks without the pairs of blocks that repeat, exactly
// (case and surrounding space aside), the pair just before them, and
// dropped with their texts added: an item's byline and date printed for
// two layouts (a name, "· 1d ago · 3 min read", the name, the date again),
// a date and a time under an event twice. A run of one block repeated is
// Twice's, a run of three or more Repeats'. WCXB dev: listing 0.7594 ->
// 0.7616 (2 pages better by 0.10 and 0.11), product +0.0003 (4 pages
// better), service +0.0001 (3 pages read as listings better), collection
// -0.0006 (one page 0.06 worse, whose reference prints every item three
// times; 2 better), article, forum and documentation unchanged.
func pairs(blocks []block.Block, dropped []string) ([]block.Block, []string) {
	out := blocks[:0:0]
	for i := 0; i < len(blocks); i++ {
		if n := len(out); n >= 2 && i+1 < len(blocks) && !same(out[n-2], out[n-1]) &&
			same(blocks[i], out[n-2]) && same(blocks[i+1], out[n-1]) {
			dropped = append(dropped, blocks[i].Text, blocks[i+1].Text)
			i++
			continue
		}
		out = append(out, blocks[i])
	}
	return out, dropped
}

// minGlued is the length, in characters, of a text printed twice with
// nothing between (two layouts' copies of one label run together) for
// doubled to read it as once: shorter doublings are words ("bonbon",
// "tartar").
const minGlued = 8

// same reports whether a and b hold one text, case and surrounding space
// aside.
func same(a, b block.Block) bool {
	return strings.EqualFold(strings.TrimSpace(a.Text), strings.TrimSpace(b.Text))
}

// doubled returns the text t is twice, side by side with white space
// between: "NEW NEW" is "NEW". ok is false when t is not one text twice.
func doubled(t string) (half string, ok bool) {
	if h := len(t) / 2; len(t)%2 == 0 && utf8.RuneCountInString(t[:h]) >= minGlued && t[:h] == t[h:] {
		return t[:h], true
	}
	for i, r := range t {
		if !unicode.IsSpace(r) {
			continue
		}
		a, b := t[:i], strings.TrimLeftFunc(t[i:], unicode.IsSpace)
		if a == b {
			return a, true
		}
		if len(a) > len(b) {
			return "", false
		}
	}
	return "", false
}
