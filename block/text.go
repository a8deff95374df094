package block

import (
	"strings"

	"github.com/winnowhq/winnow/internal/textnorm"
)

// FromText splits plain text into blocks: every non-empty line is a block,
// and Break marks a blank line before it.
func FromText(text string) []Block {
	var out []Block
	brk := false
	for line := range strings.Lines(text) {
		t := textnorm.Clean(line)
		if t == "" {
			brk = true
			continue
		}
		out = append(out, Block{Kind: KindLine, Text: t, Break: brk && len(out) > 0})
		brk = false
	}
	return out
}
