package clean

import (
	"context"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/content/adjust"
	"github.com/winnowhq/winnow/rules"
)

// summarise returns blocks, the content after the text rules and the
// fallback, with the page's description (summary) put first when they
// hold a few words only (adjust.Summary): a breadcrumb or a menu's label
// on a page whose scripts render the rest. The description goes through
// the same text rules first (a description can carry spam as a body can);
// it is noted as select.summary when added.
func (c *Cleaner) summarise(ctx context.Context, blocks []block.Block, summary string, page rules.Page, tr *rules.Trace) ([]block.Block, error) {
	out, ok := adjust.Summary(summary, blocks)
	if !ok {
		return blocks, nil
	}
	str := &rules.Trace{Detailed: tr.Detailed}
	desc, err := c.rules.ApplyTextContext(ctx, out[:1:1], page, str)
	if err != nil {
		return nil, err
	}
	if len(desc) == 0 {
		return blocks, nil
	}
	tr.Note("select.summary", "select", "add", "the page's description, before a content of a few words", desc[0].Text)
	merge(tr, str)
	return append(desc, blocks...), nil
}
