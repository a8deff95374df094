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
		{"filter options go", grid + `<div class="side"><h3>Size</h3><ul><li><input type="checkbox" id="s8"><label for="s8">8</label></li><li><input type="checkbox" id="s9"><label for="s9">9</label></li><li><input type="checkbox" id="s10"><label for="s10">10 (12)</label></li></ul></div></main>`,
			pagetype.Collection, "Sneakers|Wool Runner in natural white $98|Tree Dasher in deep navy $135|Size"},
		{"labels wrapping their boxes", grid + `<div><label><input type="radio" name="o"> Featured</label><label><input type="radio" name="o"> Best selling</label><label><input type="radio" name="o"> Newest</label></div></main>`,
			pagetype.Listing, "Sneakers|Wool Runner in natural white $98|Tree Dasher in deep navy $135"},
		{"two boxes are a form's", grid + `<div><label><input type="checkbox"> Remember me</label><label><input type="checkbox"> Send news</label></div></main>`,
			pagetype.Collection, "Sneakers|Wool Runner in natural white $98|Tree Dasher in deep navy $135|Remember me Send news"},
		{"a task list's ticks stay", `<main><ul><li><input type="checkbox" disabled> Write the tests</li><li><input type="checkbox" disabled> Run them</li><li><input type="checkbox" disabled> Ship</li></ul></main>`,
			pagetype.Listing, "Write the tests|Run them|Ship"},
		{"a panel named for filters goes whole", grid + `<div class="collection-filters"><h3>Brand</h3><a href="?b=1">Acme (12)</a></div></main>`,
			pagetype.Collection, "Sneakers|Wool Runner in natural white $98|Tree Dasher in deep navy $135"},
		{"and the pagination under the items", grid + `<div class="pagination"><a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=2">Next</a></div></main>`,
			pagetype.Listing, "Sneakers|Wool Runner in natural white $98|Tree Dasher in deep navy $135"},
		{"and a sign-up box among the items", grid + `<div><p>New arrivals in your inbox, every week.</p><form><label>Email</label><input type="email" name="e"><button>Join</button></form></div></main>`,
			pagetype.Listing, "Sneakers|Wool Runner in natural white $98|Tree Dasher in deep navy $135"},
		{"but not the items holding an email field", `<main><h1>Sneakers</h1><ul class="grid"><li><img src="a.jpg"><a href="/a">Wool Runner in natural white</a> $98 <input type="email" placeholder="Tell me when it is back"></li></ul></main>`,
			pagetype.Listing, "Sneakers|Wool Runner in natural white $98"},
		{"and what a theme shows screen readers only", `<main><ul><li><a href="/a">Wool Runner</a> <span class="ui-screen-reader-only">Sale price</span> $88</li><li><a href="/b">Tree Dasher</a> <span class="sronly">Sale price</span> $90</li></ul><a class="x-sr-only x-sr-only-focusable" href="#grid">Skip to the grid</a></main>`,
			pagetype.Collection, "Wool Runner $88|Tree Dasher $90|Skip to the grid"},
		{"by its id too", grid + `<div id="facets"><h3>Brand</h3><a href="?b=1">Acme (12)</a></div></main>`,
			pagetype.Listing, "Sneakers|Wool Runner in natural white $98|Tree Dasher in deep navy $135"},
		{"a wrapper named for filters holding the grid stays", `<main><h1>Sneakers</h1><div class="filterable-grid"><ul><li><a href="/a">Wool Runner in natural white</a> $98</li><li><a href="/b">Tree Dasher in deep navy</a> $135</li></ul></div><div class="sort"><a href="?o=new">Newest</a></div></main>`,
			pagetype.Collection, "Sneakers|Wool Runner in natural white $98|Tree Dasher in deep navy $135|Newest"},
		{"the results a filter narrows, named for it, stay", `<main><h1>Services</h1><div class="filter-results"><p>We audit your network and write the plan that closes its gaps.</p></div><div class="filters"><a href="?t=1">Cloud</a></div><p>Our consultants have run security programmes for banks, schools and hospitals for twenty years.</p><p>Call us to book the first review, free of charge, and meet the team that will run it.</p></main>`,
			pagetype.Listing, "Services|We audit your network and write the plan that closes its gaps.|Our consultants have run security programmes for banks, schools and hospitals for twenty years.|Call us to book the first review, free of charge, and meet the team that will run it."},
		{"items named for a filter, with their pictures, stay", `<main><h1>Work</h1><div class="gallery"><div class="filter-item"><img src="a.jpg"><a href="/a">Harbour bridge</a></div><div class="filter-item"><img src="b.jpg"><a href="/b">Library wing</a></div><div class="filter-item"><img src="c.jpg"><a href="/c">Station hall</a></div></div></main>`,
			pagetype.Listing, "Work|Harbour bridge|Library wing|Station hall"},
		{"a filter panel is a listing's furniture only", grid + `<div class="collection-filters"><h3>Brand</h3><a href="?b=1">Acme (12)</a></div></main>`,
			pagetype.Article, "Sneakers|Wool Runner in natural white $98|Tree Dasher in deep navy $135|Brand|Acme (12)"},
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
