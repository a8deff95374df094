package adjust

import (
	"slices"
	"testing"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

func TestTwice(t *testing.T) {
	tests := []struct {
		name     string
		typ      string
		in, want []string
		wantGone int
	}{
		{"a name printed twice in a row is shown once", pagetype.Collection,
			[]string{"Dark Roast Coffee", "dark roast coffee ", "$19.99", "$19.99", "Medium Roast Coffee", "$19.99"},
			[]string{"Dark Roast Coffee", "$19.99", "Medium Roast Coffee", "$19.99"}, 2},
		{"items apart share a line", pagetype.Listing,
			[]string{"Free", "Rust meetup", "Free", "Go meetup", "Free"},
			[]string{"Free", "Rust meetup", "Free", "Go meetup", "Free"}, 0},
		{"a run of three is one", pagetype.Listing,
			[]string{"Latest", "Latest", "Latest", "Scaling storage"},
			[]string{"Latest", "Scaling storage"}, 2},
		{"a line of one text twice is printed once", pagetype.Collection,
			[]string{"NEW NEW", "NEW NEW", "Wool Runner Wool Runner", "$98  $98", "Wool Runner", "Run Run Run", "Tree Dasher"},
			[]string{"NEW", "Wool Runner", "$98", "Wool Runner", "Run Run Run", "Tree Dasher"}, 4},
		{"a product's feature title printed for two layouts is shown once", pagetype.Product,
			[]string{"Lifetime guarantee", "Lifetime guarantee", "Every tool is covered for as long as you own it."},
			[]string{"Lifetime guarantee", "Every tool is covered for as long as you own it."}, 1},
		{"a label printed twice with nothing between is printed once", pagetype.Product,
			[]string{"Contact the sellerContact the seller", "Mon, Jun 02, 9:15 AMMon, Jun 02, 9:15 AM", "bonbon", "Ships from Lyon"},
			[]string{"Contact the seller", "Mon, Jun 02, 9:15 AM", "bonbon", "Ships from Lyon"}, 2},
		{"a byline and its date printed for two layouts are shown once", pagetype.Listing,
			[]string{"Scaling storage", "Tech Blog", "· 1d ago · 3 min read", "tech blog ", "· 1d ago · 3 min read", "Vector search", "Tech Blog", "· 5d ago · 9 min read"},
			[]string{"Scaling storage", "Tech Blog", "· 1d ago · 3 min read", "Vector search", "Tech Blog", "· 5d ago · 9 min read"}, 2},
		{"an event's date and time twice, then a pair that only shares a line", pagetype.Listing,
			[]string{"Go meetup", "Mon, Jul 20", "2:00 PM UTC", "Mon, Jul 20", "2:00 PM UTC", "Rust meetup", "Mon, Jul 20", "6:00 PM UTC"},
			[]string{"Go meetup", "Mon, Jul 20", "2:00 PM UTC", "Rust meetup", "Mon, Jul 20", "6:00 PM UTC"}, 2},
		{"a pair repeated apart stays", pagetype.Collection,
			[]string{"Wool Runner", "$98", "Tree Dasher", "$135", "Wool Runner", "$98"},
			[]string{"Wool Runner", "$98", "Tree Dasher", "$135", "Wool Runner", "$98"}, 0},
		{"a pair repeated in a story stays", pagetype.Article,
			[]string{"Let it go", "Let it go, let it go", "Let it go", "Let it go, let it go"},
			[]string{"Let it go", "Let it go, let it go", "Let it go", "Let it go, let it go"}, 0},
		{"not on articles", pagetype.Article,
			[]string{"Let it go", "Let it go", "The cold never bothered me anyway."},
			[]string{"Let it go", "Let it go", "The cold never bothered me anyway."}, 0},
	}
	for _, tt := range tests {
		in := make([]block.Block, len(tt.in))
		for i, s := range tt.in {
			in[i] = block.Block{Kind: block.KindParagraph, Text: s}
		}
		out, gone := Twice(in, tt.typ)
		var got []string
		for _, b := range out {
			got = append(got, b.Text)
		}
		if !slices.Equal(got, tt.want) || len(gone) != tt.wantGone {
			t.Errorf("%s: got %q (%d dropped), want %q (%d)", tt.name, got, len(gone), tt.want, tt.wantGone)
		}
	}
}
