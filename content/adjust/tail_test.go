package adjust

import (
	"slices"
	"testing"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

func TestTail(t *testing.T) {
	items := []string{
		"Why the harbour bridge closed for a week", "by Ana Ruiz", "Mar 7, 2026 · 4 min read",
		"How the council plans to pay for the sea wall", "by Tom Ward", "Mar 6, 2026 · 6 min read",
		"Ferry fares rise again for the summer season", "by Ana Ruiz", "Mar 5, 2026 · 3 min read",
	}
	footer := []string{"About us", "Careers", "Contact", "Help", "Privacy Policy", "Terms", "Sitemap"}
	product := []string{
		"Hand-thrown stoneware mug with a glossy glaze, fired twice in a wood kiln for its speckled finish.",
		"Holds 350 ml; dishwasher safe, though washing by hand keeps the glaze bright for longer.",
		"Every mug is made to order and differs a little in colour and shape from the one pictured.",
		"Rim diameter nine centimetres, height nine centimetres",
		"Packed in a recycled box with paper padding, never plastic",
	}
	box := []string{"About the maker", "Contact the maker", "Follow", "98% positive ratings"}
	specs := []string{"Height: nine centimetres at rim", "Width: twelve centimetres with handle", "Weight: two hundred eighty grams", "Capacity: three hundred fifty millilitres"}
	short := []string{"Afrikaans", "Asturianu", "Català", "Deutsch", "Español", "Français", "Italiano", "Polski", "Suomi", "Svenska"}
	tests := []struct {
		name     string
		typ      string
		in, want []string
	}{
		{"a listing's footer links after its items go", pagetype.Listing,
			append(slices.Clone(items), footer...), items},
		{"five labels are an item's last lines, not a menu", pagetype.Listing,
			append(slices.Clone(items), footer[:5]...), append(slices.Clone(items), footer[:5]...)},
		{"a listing of short items keeps them", pagetype.Listing,
			append([]string{"Languages of the world, by name"}, short...), append([]string{"Languages of the world, by name"}, short...)},
		{"a collection's last cards stay", pagetype.Collection,
			append(slices.Clone(items), footer...), append(slices.Clone(items), footer...)},
		{"a story's closing list stays", pagetype.Article,
			append(slices.Clone(items), footer...), append(slices.Clone(items), footer...)},
		{"a product page's closing box of four labels goes", pagetype.Product,
			append(slices.Clone(product), box...), product},
		{"a product page's three closing labels stay", pagetype.Product,
			append(slices.Clone(product), box[:3]...), append(slices.Clone(product), box[:3]...)},
		{"a product page's closing lines of five words stay", pagetype.Product,
			append(slices.Clone(product), specs...), append(slices.Clone(product), specs...)},
		{"four labels are a listing's item lines, not its footer", pagetype.Listing,
			append(slices.Clone(items), box...), append(slices.Clone(items), box...)},
	}
	for _, tt := range tests {
		in := make([]block.Block, len(tt.in))
		for i, s := range tt.in {
			in[i] = block.Block{Kind: block.KindParagraph, Text: s}
		}
		out, gone := Tail(in, tt.typ)
		var got []string
		for _, b := range out {
			got = append(got, b.Text)
		}
		if !slices.Equal(got, tt.want) || len(gone) != len(tt.in)-len(tt.want) {
			t.Errorf("%s: got %q (%d dropped), want %q", tt.name, got, len(gone), tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	for s, want := range map[string]int{"": 0, "Privacy Policy": 2, "Linkedin-in": 2, "· 3 min read ·": 3, "Jobs by Location": 3} {
		if got := words(s); got != want {
			t.Errorf("words(%q) = %d, want %d", s, got, want)
		}
	}
}
