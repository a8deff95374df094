package adjust

import (
	"slices"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

// paragraphs returns texts as paragraph blocks.
func paragraphs(texts ...string) []block.Block {
	out := make([]block.Block, len(texts))
	for i, s := range texts {
		out[i] = paragraph(s)
	}
	return out
}

func TestRepeats(t *testing.T) {
	bs := paragraphs
	para := "Superfine merino fibres have a luxurious feel and help regulate temperature on warm and cold days."
	tests := []struct {
		name string
		typ  string
		in   []string
		want []string
	}{
		{"a section rendered twice is shown once", pagetype.Product,
			[]string{"Wool Runner", "SOFT WOOL", para, "SUPPORTIVE", "Details", "SOFT WOOL", para, "SUPPORTIVE", "Reviews"},
			[]string{"Wool Runner", "SOFT WOOL", para, "SUPPORTIVE", "Details", "Reviews"}},
		{"a run of two blocks is left alone", pagetype.Service,
			[]string{"SOFT WOOL", para, "Details", "SOFT WOOL", para},
			[]string{"SOFT WOOL", para, "Details", "SOFT WOOL", para}},
		{"a run of labels without prose is left alone (tabs, pricing lines)", pagetype.Service,
			[]string{"Python", "Node.js", "PHP", "Monthly", "Python", "Node.js", "PHP"},
			[]string{"Python", "Node.js", "PHP", "Monthly", "Python", "Node.js", "PHP"}},
		{"a collection's grid rendered again is shown once", pagetype.Collection,
			[]string{"Crusher Evo", "Sensory Bass Headphones with Personal Sound", "$99.99", "Icon ANC", "Wireless Headphones with Noise Canceling", "$69.99", "Compare",
				"Crusher Evo", "Sensory Bass Headphones with Personal Sound", "$99.99", "Icon ANC", "Wireless Headphones with Noise Canceling", "$69.99"},
			[]string{"Crusher Evo", "Sensory Bass Headphones with Personal Sound", "$99.99", "Icon ANC", "Wireless Headphones with Noise Canceling", "$69.99", "Compare"}},
		{"a product's details rendered again for another layout are shown once", pagetype.Product,
			[]string{"Details", "Three layers of flowy dress with side zip", "Pocket on the right side.", "Care: Dry clean only. Do not bleach.", "Reviews",
				"Three layers of flowy dress with side zip", "Pocket on the right side.", "Care: Dry clean only. Do not bleach."},
			[]string{"Details", "Three layers of flowy dress with side zip", "Pocket on the right side.", "Care: Dry clean only. Do not bleach.", "Reviews"}},
		{"a listing's short runs of labels stay (items sharing values)", pagetype.Listing,
			[]string{"Cushioning:", "Maximum", "Support:", "Neutral", "Trail runner", "Cushioning:", "Maximum", "Support:", "Neutral"},
			[]string{"Cushioning:", "Maximum", "Support:", "Neutral", "Trail runner", "Cushioning:", "Maximum", "Support:", "Neutral"}},
		{"an article keeps its repeats", pagetype.Article,
			[]string{"Meal 1", para, "Snack", "Day 2", "Meal 1", para, "Snack"},
			[]string{"Meal 1", para, "Snack", "Day 2", "Meal 1", para, "Snack"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, dropped := Repeats(bs(tt.in...), tt.typ)
			var got []string
			for _, b := range kept {
				got = append(got, b.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Repeats = %q, want %q", got, tt.want)
			}
			if len(dropped) != len(tt.in)-len(tt.want) {
				t.Errorf("dropped %d texts, want %d: %s", len(dropped), len(tt.in)-len(tt.want), strings.Join(dropped, " | "))
			}
		})
	}
}

// TestRepeats_Hostile: thousands of identical short blocks (a hostile or
// broken page) are all kept, and the search for repeats ends: compared
// copy by copy without a budget, 8,000 of them took minutes and 20,000
// would outrun the test's time limit.
func TestRepeats_Hostile(t *testing.T) {
	var bs []block.Block
	for range 20000 {
		bs = append(bs, block.Block{Text: "same label"})
	}
	kept, dropped := Repeats(bs, pagetype.Service)
	if len(kept) != len(bs) || len(dropped) != 0 {
		t.Errorf("Repeats kept %d of %d blocks, dropped %d; want all kept", len(kept), len(bs), len(dropped))
	}
	// On a listing, runs of short blocks holding a paragraph's letters
	// repeat items: the copies go, the first run stays.
	kept, dropped = Repeats(bs, pagetype.Listing)
	if len(kept) < minRun || len(kept)+len(dropped) != len(bs) {
		t.Errorf("listing: Repeats kept %d of %d blocks, dropped %d", len(kept), len(bs), len(dropped))
	}
}

func BenchmarkRepeats_Hostile(b *testing.B) {
	bs := make([]block.Block, 20000)
	for i := range bs {
		bs[i].Text = "same label"
	}
	for b.Loop() {
		Repeats(bs, pagetype.Service)
	}
}
