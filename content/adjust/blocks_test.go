package adjust

import "github.com/winnowhq/winnow/block"

// paragraph and heading make the blocks of the test pages.
func paragraph(s string) block.Block { return block.Block{Kind: block.KindParagraph, Text: s} }

func heading(level int, s string) block.Block {
	return block.Block{Kind: block.KindHeading, Level: level, Text: s}
}
