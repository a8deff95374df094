package adjust

import (
	"testing"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

func TestEmpty(t *testing.T) {
	name, desc := heading(1, "Harbour Racer"), paragraph("Race small boats around a harbour town, alone or with friends.")
	runDrops(t, "Empty", Empty, []dropCase{
		{"headings closing the page go", pagetype.Product,
			[]block.Block{name, desc, heading(2, "Questions"), heading(3, "Does it run offline?"), heading(3, "Is there a demo?")},
			[]string{"Harbour Racer", "Race small boats around a harbour town, alone or with friends."}, 3},
		{"a heading with text under it stays", pagetype.Product,
			[]block.Block{name, desc, heading(2, "Questions"), heading(3, "Does it run offline?"), paragraph("Yes, alone.")}, nil, 0},
		{"a page of headings alone stays", pagetype.Product, []block.Block{name, heading(2, "Questions")}, nil, 0},
		{"not on other types", pagetype.Article, []block.Block{name, desc, heading(2, "More stories")}, nil, 0},
	})
}
