package adjust

import (
	"slices"
	"testing"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

func TestAgain(t *testing.T) {
	tests := []struct {
		name     string
		typ      string
		in, want []string
	}{
		{"a label printed in the tab bar and over its section is shown once", pagetype.Product,
			[]string{"Smooth slow motion", "Improved focus range", "Smooth slow motion", "Record split-second moves.", "improved  focus range", "Sharp close-ups."},
			[]string{"Smooth slow motion", "Improved focus range", "Record split-second moves.", "Sharp close-ups."}},
		{"a one-word label stays under every heading", pagetype.Product,
			[]string{"Acidity", "Low", "Body", "Low"},
			[]string{"Acidity", "Low", "Body", "Low"}},
		{"a label every card of a comparison carries stays", pagetype.Product,
			[]string{"Luxe Sateen", "Fabric Content", "Cotton", "Classic Percale", "Fabric Content", "Cotton", "Linen", "Fabric Content", "Flax"},
			[]string{"Luxe Sateen", "Fabric Content", "Cotton", "Classic Percale", "Fabric Content", "Cotton", "Linen", "Fabric Content", "Flax"}},
		{"not on a listing, whose items share lines", pagetype.Listing,
			[]string{"Free shipping", "Rust meetup", "Free shipping"},
			[]string{"Free shipping", "Rust meetup", "Free shipping"}},
	}
	for _, tt := range tests {
		var in []block.Block
		for _, s := range tt.in {
			in = append(in, block.Block{Kind: block.KindParagraph, Text: s})
		}
		out, gone := Again(in, tt.typ)
		var got []string
		for _, b := range out {
			got = append(got, b.Text)
		}
		if !slices.Equal(got, tt.want) || len(gone) != len(tt.in)-len(tt.want) {
			t.Errorf("%s: got %q (dropped %q), want %q", tt.name, got, gone, tt.want)
		}
	}
}
