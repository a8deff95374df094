package adjust

import (
	"strings"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/pagetype"
)

// minSentence is the words a sentence needs for a second copy of it to go
// (see Sentences): a shorter one ("Machine wash cold.", "Tumble dry
// low.") may be said again on purpose, of another variant or another part.
// At 8, a feature's line or a claim of four to seven words said again
// stayed: WCXB dev product 0.7216; at 4, 0.7236 (24 pages better, 3
// worse, the worst a set whose variants each list their material); at 3,
// 0.7246 (28 better, 5 worse); other page types unchanged.
const minSentence = 4

// Sentences returns a product page's blocks (of type typ) without the
// sentences of minSentence words or more that an earlier block, or the same
// block, already said, word for word (textnorm.Key: case and punctuation
// aside); a block left with no sentence goes. A shop shows the same copy
// in several places: a description once per colour or size, a cell of its
// specifications holding every edition's version of the blurb one after
// the other, a carousel's slides cloned for its loop, a feature's text in
// the gallery and again below it. A reader needs it once. Table rows
// (their cells are their structure) and preformatted blocks are left
// alone, and pages of other types too: a forum's quotes repeat a post, an
// article's pull quote its paragraph. It also returns the sentences it
// dropped. WCXB dev product 0.709 -> 0.715 (see the commit).
func Sentences(blocks []block.Block, typ string) (kept []block.Block, dropped []string) {
	if typ != pagetype.Product {
		return blocks, nil
	}
	seen := map[string]bool{}
	kept = blocks[:0:0]
	for _, b := range blocks {
		if b.Kind == block.KindPre || b.Detail != nil && len(b.Detail.Cells) > 0 {
			kept = append(kept, b)
			continue
		}
		text, gone := newSentences(b.Text, seen)
		dropped = append(dropped, gone...)
		if len(gone) == 0 {
			kept = append(kept, b)
			continue
		}
		if text == "" {
			continue
		}
		b.Text = text // the renderer checks that Detail still fits it
		kept = append(kept, b)
	}
	return kept, dropped
}

// newSentences returns text without its sentences of minSentence words or
// more whose key is in seen, adding the keys of the others, and the
// sentences it left out.
func newSentences(text string, seen map[string]bool) (string, []string) {
	var out strings.Builder
	var gone []string
	start := 0
	for _, end := range textnorm.SentenceBounds(text) {
		s := text[start:end]
		start = end
		if textnorm.Words(s) >= minSentence {
			k := textnorm.Key(s)
			if seen[k] {
				gone = append(gone, strings.TrimSpace(s))
				continue
			}
			seen[k] = true
		}
		out.WriteString(s)
	}
	if len(gone) == 0 {
		return text, nil
	}
	return textnorm.Collapse(out.String()), gone
}
