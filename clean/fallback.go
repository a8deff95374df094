package clean

import (
	"context"
	"fmt"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/content"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/rules"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// thinText is the text, in bytes, under which the content left after the
// text rules is too little to be a page's content: a label, a "Skip to
// content" link, a price, a heading. The content selection compares
// candidates by their prose; when every candidate but the body is as thin,
// the winner may be a scrap while the page's text stands in links and short
// lines that no paragraph holds (a listing's items, a product's
// specifications), or the rules may find the winner to be furniture.
const thinText = 400

// thinFactor is how many times more text the body must keep, after the same
// text rules, than a thin content for the fallback to take it, so that a
// page that is short as a whole keeps its short content.
const thinFactor = 8

// fallback is what the content selection chose from, kept to fall back on
// when the chosen content comes out thin.
type fallback struct {
	doc   *html.Node
	cands []content.Candidate // none when the page has no candidate
	won   int
	typ   string
	left  pruned // the page's HTML less what never shows
	// summary is the page's description (adjust.MetaDescription), read
	// before the readability pass: see summarise.
	summary string
}

// empty is the error for a page that came out empty: ErrEmpty, saying so
// when the HTML itself holds next to no text, as an application shell
// whose scripts fetch the content (winnow runs no script), rather than
// text that the rules and the content selection all removed. fb may be nil
// (a plain-text input).
func (fb *fallback) empty() error {
	if fb != nil && fb.left.text < thinText {
		return fmt.Errorf("%w: the HTML holds only %d bytes of text (a page that its scripts fill shows no more: winnow runs no script)", ErrEmpty, fb.left.text)
	}
	return ErrEmpty
}

// fallBack returns blocks, the chosen content after the text rules, or,
// when they hold under thinText of text, the whole body without its
// furniture (navigation, headers, footers, sidebars, dialogs, hidden
// elements: content.Furniture) after the same text rules, if it keeps at
// least thinFactor times as much. The body was stripped of furniture by
// shape (package boilerplate) and by the DOM rules before the candidates
// were gathered; the readability pass works on copies of the page, so the
// body is the one measured then, less its scripts and styles. The fallback
// is noted as fallback.body, stage select (a choice of content, like the
// content selection's, so not counted in Result.Removed); the text rules'
// removals from the body are recorded only when it is taken.
func (c *Cleaner) fallBack(ctx context.Context, blocks []block.Block, fb *fallback, page rules.Page, tr *rules.Trace) ([]block.Block, error) {
	have := blockBytes(blocks)
	need := thinFactor * max(have, thinText/thinFactor)
	if have >= thinText || len(fb.cands) == 0 {
		return blocks, nil
	}
	body := domtext.First(fb.doc, atom.Body)
	if body == nil {
		return blocks, nil
	}
	var alt []block.Block
	for _, cd := range fb.cands {
		if cd.Node == body && cd.Blocks != nil {
			alt = cd.Blocks
		}
	}
	if alt == nil {
		alt = content.ForType(fb.typ).Candidate("body", body).Blocks
	}
	if blockBytes(alt) < need {
		return blocks, nil
	}
	// The body's blocks are shared with its candidate: the rules get a copy.
	ftr := &rules.Trace{Detailed: tr.Detailed}
	alt, err := c.rules.ApplyTextContext(ctx, append([]block.Block(nil), alt...), page, ftr)
	if err != nil {
		return nil, err
	}
	got := blockBytes(alt)
	if got < need {
		return blocks, nil
	}
	tr.Note("fallback.body", "select", "replace", fb.cands[fb.won].Name+" by body",
		fmt.Sprintf("%s kept %d B of text after the rules, the body without its furniture %d B", fb.cands[fb.won].Name, have, got))
	merge(tr, ftr)
	return alt, nil
}

// merge adds what from recorded to into.
func merge(into, from *rules.Trace) {
	if len(from.Counts) > 0 && into.Counts == nil {
		into.Counts = map[string]int{}
	}
	for id, n := range from.Counts {
		into.Counts[id] += n
	}
	into.Hits = append(into.Hits, from.Hits...)
}

// blockBytes is the text of blocks, in bytes.
func blockBytes(bs []block.Block) int {
	n := 0
	for _, b := range bs {
		n += len(b.Text)
	}
	return n
}
