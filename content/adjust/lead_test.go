package adjust

import (
	"slices"
	"testing"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/pagetype"
)

func TestLead(t *testing.T) {
	p := paragraph
	h := func(s string) block.Block { return heading(0, s) }
	page := []block.Block{p("Up to 40% off: shop the sale"), p("Skip to product list"), h("Wallets"), p("Slim wallet"), p("$95"), p("Card holder"), p("$65"), p("Money clip"), p("$45"), p("Key case")}
	tests := []struct {
		name, title, typ string
		in               []block.Block
		want             int // blocks dropped from the front
	}{
		{"a collection from its heading", "Wallets", pagetype.Collection, page, 2},
		{"the title in another case", "WALLETS", pagetype.Listing, page, 2},
		{"not on an article", "Wallets", pagetype.Article, page, 0},
		{"a product page from its name", "Wallets", pagetype.Product, page, 2},
		{"a heading that is not the title", "Ridge", pagetype.Collection, page, 0},
		{"the title as a paragraph, not a heading", "Slim wallet", pagetype.Collection, page, 0},
		{"a heading too far down", "Key case", pagetype.Collection, append(page[:9:9], h("Key case"), p("x")), 0},
	}
	for _, tt := range tests {
		kept, dropped := Lead(tt.in, tt.title, tt.typ)
		if len(dropped) != tt.want || !slices.Equal(kept, tt.in[tt.want:]) {
			t.Errorf("%s: dropped %q, kept %d of %d blocks; want %d dropped", tt.name, dropped, len(kept), len(tt.in), tt.want)
		}
	}
}
