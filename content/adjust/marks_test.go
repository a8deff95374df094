package adjust

import (
	"slices"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

// row is a table row of cells.
func row(cells ...string) block.Block {
	return block.Block{Kind: block.KindRow, Text: strings.Join(cells, " | "), Detail: &block.Detail{Cells: cells}}
}

func TestMarks(t *testing.T) {
	desc := []block.Block{heading(1, "Harbour Racer"), paragraph("Race small boats around a harbour town, alone or with friends.")}
	grid := []block.Block{row("", "Menus", "Voice", "Subtitles"), row("English", "✔", "✔", "✔"), row("Finnish", "✔", "", "✔"), row("Welsh", "✔", "", "")}
	specs := []block.Block{row("Weight", "2 kg"), row("Colour", "Red"), row("Size", "40 cm")}
	runDrops(t, "Marks", Marks, []dropCase{
		{"a grid of ticks under row labels goes with its header", pagetype.Product,
			slices.Concat(desc, grid, []block.Block{paragraph("Requires an account.")}),
			[]string{"Harbour Racer", "Race small boats around a harbour town, alone or with friends.", "Requires an account."}, 4},
		{"a specification table stays", pagetype.Product, slices.Concat(desc, specs), nil, 0},
		{"two rows of marks are not a grid", pagetype.Product, slices.Concat(desc, grid[:3]), nil, 0},
		{"rows of empty cells are not marks", pagetype.Product,
			slices.Concat(desc, []block.Block{row("a", ""), row("b", ""), row("c", "")}), nil, 0},
		{"not on other types", pagetype.Article, slices.Concat(desc, grid), nil, 0},
	})
}
