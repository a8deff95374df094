package adjust

import (
	"slices"
	"testing"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

func TestSentences(t *testing.T) {
	blurb := "An award-winning writer goes looking for the wilderness we have forgotten."
	more := "He revisits a world where lions roam North America and whales fill the sea."
	bs := paragraphs
	row := block.Block{Kind: block.KindParagraph, Text: blurb + " | " + blurb, Detail: &block.Detail{Cells: []string{blurb, blurb}}}
	tests := []struct {
		name string
		typ  string
		in   []block.Block
		want []string
		gone int
	}{
		{"a cell holding every edition's blurb says it once", pagetype.Product,
			bs("Synopsis", blurb+" "+more+" "+blurb+" "+more), []string{"Synopsis", blurb + " " + more}, 2},
		{"a sentence said in an earlier block goes, its block keeps the rest", pagetype.Product,
			bs(blurb, "Details", "“"+blurb+"” Handmade in small batches by the two of us in our workshop."),
			[]string{blurb, "Details", "Handmade in small batches by the two of us in our workshop."}, 1},
		{"a block saying only what was said goes; case and punctuation aside", pagetype.Product,
			bs(blurb, "AN AWARD-WINNING WRITER GOES LOOKING FOR THE WILDERNESS WE HAVE FORGOTTEN!"), []string{blurb}, 1},
		{"short sentences may be said again (of another variant)", pagetype.Product,
			bs("Machine wash cold. Tumble dry low.", "Machine wash cold. Tumble dry low."),
			[]string{"Machine wash cold. Tumble dry low.", "Machine wash cold. Tumble dry low."}, 0},
		{"a sentence of four words goes", pagetype.Product,
			bs("Made from recycled aluminium.", "Details", "Made from recycled aluminium. Weighs 40 g."),
			[]string{"Made from recycled aluminium.", "Details", "Weighs 40 g."}, 1},
		{"a table row is left alone", pagetype.Product,
			append(bs(blurb), row), []string{blurb, row.Text}, 0},
		{"not on an article (a pull quote)", pagetype.Article,
			bs(blurb, blurb), []string{blurb, blurb}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, gone := Sentences(tt.in, tt.typ)
			var texts []string
			for _, b := range got {
				texts = append(texts, b.Text)
			}
			if !slices.Equal(texts, tt.want) || len(gone) != tt.gone {
				t.Errorf("Sentences = %q (%d dropped), want %q (%d)", texts, len(gone), tt.want, tt.gone)
			}
		})
	}
}
