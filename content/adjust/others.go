package adjust

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

// othersText lists the headings of a product page's boxes of other
// products and of the shop's terms, kept as data.
//
//go:embed others.txt
var othersText string

// othersPhrases are the phrases of othersText, lower case, parsed once.
var othersPhrases = sync.OnceValue(func() []string {
	var out []string
	for line := range strings.Lines(othersText) {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, strings.ToLower(line))
		}
	}
	return out
})

// Others returns the blocks of a product page (of type typ) without its
// sections of other products and of the shop's terms: a heading that
// others.txt names (what customers also bought, similar items, recently
// viewed; shipping, returns, payment) and what follows it up to the next
// heading. The page sells one product; these boxes sell others or tell the
// shop's terms for every product, and the readability pass keeps them as
// part of the page. It also returns the texts it dropped. Pages of other
// types are left alone. WCXB dev product: other products 0.6739 ->
// 0.6743 (8 pages better, 1 worse), the shop's terms 0.6743 -> 0.6761 (7
// better, 2 worse: labels keeping a shop's return policy).
func Others(blocks []block.Block, typ string) (kept []block.Block, dropped []string) {
	if typ != pagetype.Product {
		return blocks, nil
	}
	phrases := othersPhrases()
	kept = blocks[:0:0]
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		if b.Kind != block.KindHeading || !namesOthers(b.Text, phrases) {
			kept = append(kept, b)
			continue
		}
		dropped = append(dropped, b.Text)
		for i+1 < len(blocks) && blocks[i+1].Kind != block.KindHeading {
			i++
			dropped = append(dropped, blocks[i].Text)
		}
	}
	if len(dropped) == 0 {
		return blocks, nil
	}
	return kept, dropped
}

// namesOthers reports whether a heading starts with one of phrases,
// followed by its end, a space or punctuation.
func namesOthers(heading string, phrases []string) bool {
	h := strings.ToLower(strings.TrimSpace(heading))
	for _, p := range phrases {
		if rest, ok := strings.CutPrefix(h, p); ok {
			if rest == "" {
				return true
			}
			if r := []rune(rest)[0]; unicode.IsSpace(r) || unicode.IsPunct(r) {
				return true
			}
		}
	}
	return false
}
