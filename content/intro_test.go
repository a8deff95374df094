package content

import (
	"testing"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/pagetype"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestIntro(t *testing.T) {
	const grid = `<div class="grid"><div class="card"><a href="/a">Wool Runner in natural white</a> $98</div><div class="card"><a href="/b">Tree Dasher in deep navy</a> $135</div><div class="card"><a href="/c">Tree Breezer in warm red</a> $110</div></div>`
	const items = "Wool Runner in natural white $98|Tree Dasher in deep navy $135|Tree Breezer in warm red $110"
	tests := []struct {
		name, html, typ, want string
	}{
		{"the heading and its line above the items", `<div class="head"><h1>Sneakers</h1><p>Over 50 pairs, light and made of wool.</p></div><div class="list">` + grid + `</div>`,
			pagetype.Collection, "Sneakers|Over 50 pairs, light and made of wool.|" + items},
		{"a heading alone is no introduction", `<h1>Sneakers</h1><div class="list">` + grid + `</div>`,
			pagetype.Listing, items},
		{"links between them are no introduction", `<h1>Sneakers</h1><p><a href="/m">Men</a> <a href="/w">Women</a> <a href="/k">Kids</a> and more</p><div class="list">` + grid + `</div>`,
			pagetype.Listing, items},
		{"nor a long section", `<h1>Sneakers</h1><p>` + long + `</p><p>` + long + `</p><div class="list">` + grid + `</div>`,
			pagetype.Listing, items},
		{"a heading after the items is not theirs", `<div class="list">` + grid + `</div><h1>Sneakers</h1><p>Over 50 pairs, light and made of wool.</p>`,
			pagetype.Listing, items},
	}
	for _, tt := range tests {
		body := domtext.First(parse(t, tt.html), atom.Body)
		f := ForType(tt.typ)
		tr := f.measureTree(body)
		var list *html.Node
		for d := range body.Descendants() {
			if domtext.Attr(d, "class") == "list" {
				list = d
			}
		}
		c := Candidate{Name: "main", Node: list, Blocks: block.FromHTMLSkip(list, f.skip(tr))}
		got := text(tr.withIntro(body, c, f.skip(tr)))
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// long is a paragraph longer than introText.
const long = "The shop's history, told at length: it began in a garage, moved to a market stall, then to a street corner, and now ships across the country. " +
	"Every pair is cut, stitched and boxed by hand, and every box is packed with a note from the person who made it. " +
	"We test each model for a year before it goes on sale, in rain, snow and summer heat, on trails and city streets. " +
	"Our wool comes from farms we visit every spring; our rubber from trees tapped by families we have known for a decade. " +
	"Returns are free for a hundred days, and repairs are free for life, whatever happened to the shoe."
