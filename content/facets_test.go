package content

import (
	"testing"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/pagetype"
	"golang.org/x/net/html/atom"
)

func TestFacets(t *testing.T) {
	const grid = `<main><h1>Sneakers</h1><ul class="grid"><li><a href="/a">Wool Runner in natural white</a> $98</li><li><a href="/b">Tree Dasher in deep navy</a> $135</li></ul>`
	tests := []struct {
		name, html, typ, want string
	}{
		{"filter options go", grid + `<div class="filter"><h3>Size</h3><ul><li><input type="checkbox" id="s8"><label for="s8">8</label></li><li><input type="checkbox" id="s9"><label for="s9">9</label></li><li><input type="checkbox" id="s10"><label for="s10">10 (12)</label></li></ul></div></main>`,
			pagetype.Collection, "Sneakers|Wool Runner in natural white $98|Tree Dasher in deep navy $135|Size"},
		{"labels wrapping their boxes", grid + `<div><label><input type="radio" name="o"> Featured</label><label><input type="radio" name="o"> Best selling</label><label><input type="radio" name="o"> Newest</label></div></main>`,
			pagetype.Listing, "Sneakers|Wool Runner in natural white $98|Tree Dasher in deep navy $135"},
		{"two boxes are a form's", grid + `<div><label><input type="checkbox"> Remember me</label><label><input type="checkbox"> Send news</label></div></main>`,
			pagetype.Collection, "Sneakers|Wool Runner in natural white $98|Tree Dasher in deep navy $135|Remember me Send news"},
		{"a task list's ticks stay", `<main><ul><li><input type="checkbox" disabled> Write the tests</li><li><input type="checkbox" disabled> Run them</li><li><input type="checkbox" disabled> Ship</li></ul></main>`,
			pagetype.Listing, "Write the tests|Run them|Ship"},
		{"only on listings and collections", grid + `<div><label><input type="radio" name="o"> Small</label><label><input type="radio" name="o"> Medium</label><label><input type="radio" name="o"> Large</label></div></main>`,
			pagetype.Product, "Sneakers|Wool Runner in natural white $98|Tree Dasher in deep navy $135|Small Medium Large"},
	}
	for _, tt := range tests {
		doc := parse(t, tt.html)
		c := ForType(tt.typ).Candidate("main", domtext.First(doc, atom.Main))
		if got := text(c.Blocks); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
