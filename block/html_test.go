package block

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/textnorm"
)

// collapseParts must equal Collapse of the joined parts, also when a
// character's bytes are split between two parts.
func TestCollapseParts(t *testing.T) {
	tests := [][]string{
		nil,
		{"  one  "},
		{"Hello, ", " <b>", "world", "!\u00a0 "},
		{"caf\xc3", "\xa9 au lait"},
		{"a\u200b", "\u200bb", " \n", "c"},
		{"\xe2\x82", "\xac", "10"},
	}
	for _, parts := range tests {
		want := textnorm.Collapse(strings.Join(parts, ""))
		if got := collapseParts(parts); got != want {
			t.Errorf("collapseParts(%q) = %q, want %q", parts, got, want)
		}
	}
}
