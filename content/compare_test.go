package content

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/pagetype"
	"golang.org/x/net/html/atom"
)

// TestComparison: on a product page a grid or a table with a row of three
// or more prices, one a cell, compares the range's models and goes; the
// product's own tiers (a price a row, down a column), a grid of fewer
// prices and any grid on another page type stay.
func TestComparison(t *testing.T) {
	desc := `<p>The product's own description, long enough to read as prose on the page.</p>`
	cell := func(s string) string { return `<div class="cell">` + s + `</div>` }
	grid := func(prices ...string) string {
		var b strings.Builder
		b.WriteString(`<div class="grid">` + cell("Model"))
		for i := range prices {
			b.WriteString(cell([]string{"Small kit", "Medium kit", "Large kit", "Shop kit"}[i]))
		}
		b.WriteString(cell("Price"))
		for _, p := range prices {
			b.WriteString(cell(p))
		}
		b.WriteString(cell("Bit count"))
		for i := range prices {
			b.WriteString(cell([]string{"16", "32", "64", "112"}[i]))
		}
		return b.String() + `</div>`
	}
	tests := []struct {
		name, html, typ string
		gone            bool
	}{
		{"grid of models", grid("$29.95", "$49.95", "$74.95", "$299.95"), pagetype.Product, true},
		{"two models", grid("$29.95", "$49.95"), pagetype.Product, false},
		{"grid on a collection", grid("$29.95", "$49.95", "$74.95", "$299.95"), pagetype.Collection, false},
		{"table with a price row", `<table><tr><th></th><th>Small kit</th><th>Medium kit</th><th>Large kit</th></tr>` +
			`<tr><th>Price</th><td>€29</td><td>€49</td><td>€74</td></tr><tr><th>Bits</th><td>16</td><td>32</td><td>64</td></tr></table>`, pagetype.Product, true},
		{"tier prices down a column", `<table><tr><th>Qty</th><th>Price</th></tr><tr><td>1-9</td><td>$20.00</td></tr>` +
			`<tr><td>10-49</td><td>$15.00</td></tr><tr><td>50+</td><td>$13.00</td></tr></table>`, pagetype.Product, false},
	}
	for _, tt := range tests {
		doc := parse(t, `<main>`+desc+tt.html+`</main>`)
		got := text(ForType(tt.typ).Candidate("main", domtext.First(doc, atom.Main)).Blocks)
		if !strings.Contains(got, "description") {
			t.Errorf("%s: description lost: %q", tt.name, got)
		}
		if gone := !strings.Contains(got, "kit") && !strings.Contains(got, "Qty"); gone != tt.gone {
			t.Errorf("%s: gone = %v, want %v: %q", tt.name, gone, tt.gone, got)
		}
	}
}
