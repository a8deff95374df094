package textspam

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/block"
)

func TestCells(t *testing.T) {
	for _, c := range []struct {
		b    block.Block
		want int
	}{
		{block.Block{Kind: block.KindRow, Text: "a"}, 1},
		{block.Block{Kind: block.KindRow, Text: "a | b | c"}, 3},
		{block.Block{Kind: block.KindLine, Text: "a | b"}, 2},
		{block.Block{Kind: block.KindLine, Text: "a, b"}, 0},
		{block.Block{Kind: block.KindParagraph, Text: "a | b"}, 0},
	} {
		if got := cells(c.b); got != c.want {
			t.Errorf("cells(%v %q) = %d, want %d", c.b.Kind, c.b.Text, got, c.want)
		}
	}
}

func TestHeadingLike(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Port authority expands terminal", true},
		{"The port authority expanded the terminal.", false},
		{"Who runs the port?", false},
		{"港湾局が拡張。", false},
		{"  ", false},
		{strings.Repeat("word ", maxHeadingRunes/5+1), false},
	} {
		if got := headingLike(c.text); got != c.want {
			t.Errorf("headingLike(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
