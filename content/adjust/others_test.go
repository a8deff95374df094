package adjust

import (
	"slices"
	"testing"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

func TestOthers(t *testing.T) {
	p, h := paragraph, heading
	page := []block.Block{h(1, "Trail Pack 25"), p("A light pack for day hikes."), h(2, "Customers also bought"), p("Trail Bottle"), p("$19"), h(2, "Specifications"), p("Volume: 25 l"), h(3, "Similar items:"), p("Summit Pack"), p("$89"), h(2, "Shipping & Returns"), p("Free returns within 30 days."), h(2, "Care"), p("Hand wash.")}
	tests := []struct {
		name, typ string
		want      []string // the texts dropped
	}{
		{"a product page without its boxes of other products", pagetype.Product, []string{"Customers also bought", "Trail Bottle", "$19", "Similar items:", "Summit Pack", "$89", "Shipping & Returns", "Free returns within 30 days."}},
		{"not on an article", pagetype.Article, nil},
	}
	for _, tt := range tests {
		kept, dropped := Others(page, tt.typ)
		if !slices.Equal(dropped, tt.want) || len(kept)+len(dropped) != len(page) {
			t.Errorf("%s: dropped %q, kept %d; want %q", tt.name, dropped, len(kept), tt.want)
		}
	}
	// Headings in other languages, from the list's data.
	for _, head := range []string{"Похожие товары", "関連商品", "Sản phẩm liên quan:", "Vergelijkbare producten"} {
		if _, dropped := Others([]block.Block{h(1, "Name"), p("About it."), h(2, head), p("Other thing")}, pagetype.Product); len(dropped) != 2 {
			t.Errorf("%q: dropped %q, want the heading and its item", head, dropped)
		}
	}
	// A heading that only starts with a phrase's letters is no box of
	// other products.
	if _, dropped := Others([]block.Block{h(2, "Similar itemsets in data mining"), p("x")}, pagetype.Product); dropped != nil {
		t.Errorf("dropped %q", dropped)
	}
}
