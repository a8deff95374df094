package adjust

import (
	"slices"
	"testing"

	"github.com/winnowhq/winnow/block"
)

// paragraph and heading make the blocks of the test pages.
func paragraph(s string) block.Block { return block.Block{Kind: block.KindParagraph, Text: s} }

func heading(level int, s string) block.Block {
	return block.Block{Kind: block.KindHeading, Level: level, Text: s}
}

// dropCase is a case of a step that drops blocks of a page of type typ:
// of in, it keeps want (nil: every block) and drops wantGone texts.
type dropCase struct {
	name     string
	typ      string
	in       []block.Block
	want     []string
	wantGone int
}

// runDrops runs the cases of the dropping step named step.
func runDrops(t *testing.T, step string, drop func([]block.Block, string) ([]block.Block, []string), tests []dropCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, gone := drop(tt.in, tt.typ)
			want := tt.want
			if want == nil {
				for _, b := range tt.in {
					want = append(want, b.Text)
				}
			}
			var texts []string
			for _, b := range got {
				texts = append(texts, b.Text)
			}
			if !slices.Equal(texts, want) || len(gone) != tt.wantGone {
				t.Errorf("%s = %q (%d dropped), want %q (%d dropped)", step, texts, len(gone), want, tt.wantGone)
			}
		})
	}
}
