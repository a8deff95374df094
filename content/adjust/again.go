package adjust

import (
	"strings"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/pagetype"
)

// againWords is the fewest words a block needs for Again to read a second
// copy of it as one too many: a one-word label ("Black", "4.6", "Yes")
// stands under many headings of one product.
const againWords = 2

// Again returns blocks without the second copy of a block of againWords
// words or more whose text, case and spacing aside, the blocks show
// exactly twice, on a product page (of type typ), and the texts it
// dropped. A shop's page prints a label once per layout or per place: a
// feature's name in a tab bar and over its section, a finish in the picker
// and in the summary, the maker's name in the buy box and in the details. Twice compares neighbours only; here items
// apart are one product's. Not on listings or collections, whose items
// share lines (a brand, a price), nor on other types, whose refrains and
// quotes may be meant. WCXB dev product 0.7497 -> 0.7508 (odd ids
// 0.7782 -> 0.7788, even 0.7224 -> 0.7239; 22 pages better, 8 worse by
// 0.011 at most). A text printed three times or more is a label each
// part or compared model carries (a comparison's rows), and stays: every
// copy dropped, product was 0.7504 (even ids 0.7220, a comparison of
// seven sheets lost its labels).
func Again(blocks []block.Block, typ string) ([]block.Block, []string) {
	if typ != pagetype.Product || len(blocks) < 2 {
		return blocks, nil
	}
	keys := make([]string, len(blocks))
	count := make(map[string]int, len(blocks))
	for i, b := range blocks {
		keys[i] = strings.ToLower(textnorm.Collapse(b.Text))
		count[keys[i]]++
	}
	var dropped []string
	out := blocks[:0:0]
	seen := make(map[string]bool, len(blocks))
	for i, b := range blocks {
		k := keys[i]
		if seen[k] && count[k] == 2 && textnorm.Words(k) >= againWords {
			dropped = append(dropped, b.Text)
			continue
		}
		seen[k] = true
		out = append(out, b)
	}
	return out, dropped
}
