package adjust

import (
	"slices"
	"testing"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

// linked is a paragraph that is a link.
func linked(s string) block.Block {
	return block.Block{Kind: block.KindParagraph, Text: s, Detail: &block.Detail{Links: []block.Link{{Text: s, URL: "/p"}}}}
}

func TestCards(t *testing.T) {
	desc := []block.Block{heading(1, "Trail lantern"), paragraph("A lantern for long nights outdoors."), paragraph("Runs ten hours on one charge.")}
	card := func(name string) []block.Block {
		return []block.Block{paragraph(name), paragraph(name + ": a lantern of the same range, another colour."), linked("View product")}
	}
	run := slices.Concat(card("Trail lantern, red"), card("Trail lantern, blue"), card("Trail lantern, green"))
	runDrops(t, "Cards", Cards, []dropCase{
		{"a run of cards closed by the same link goes", pagetype.Product,
			slices.Concat(desc, run, []block.Block{paragraph("Questions? Ask our team.")}),
			[]string{"Trail lantern", "A lantern for long nights outdoors.", "Runs ten hours on one charge.", "Questions? Ask our team."}, 9},
		{"two cards are not a run", pagetype.Product,
			slices.Concat(desc, card("Trail lantern, red"), card("Trail lantern, blue")),
			nil, 0},
		{"the same text unlinked is not a card's link", pagetype.Product,
			slices.Concat(desc, []block.Block{paragraph("Red"), paragraph("View product"), paragraph("Blue"), paragraph("View product"), paragraph("Green"), paragraph("View product")}),
			nil, 0},
		{"links side by side are a list of links, not cards", pagetype.Product,
			slices.Concat(desc, []block.Block{linked("Share"), linked("Share"), linked("Share")}),
			nil, 0},
		{"a collection's cards are its content", pagetype.Collection,
			slices.Concat(desc, run), nil, 0},
	})
}
