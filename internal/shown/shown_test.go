package shown

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/rules"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestRevealMain: a main element whose content a script reveals shows it;
// a page whose main element shows its text keeps what it hides.
func TestRevealMain(t *testing.T) {
	chrome := "<header>" + strings.Repeat("<a href='/x'>Menu entry of the shop</a> ", 30) + "</header>"
	grid := strings.Repeat("<li>Dark Roast Coffee, a bold organic roast, $19.99</li>", 20)
	story := strings.Repeat("<p>The council met on Monday to discuss the flood plan for the districts.</p>", 12)
	tests := []struct {
		name, body string
		shown      bool // the hidden element shows afterwards
	}{
		{"a grid hidden until a script runs", chrome + `<main><h1>Coffee</h1><div id="h" style="display:none"><ul>` + grid + `</ul></div></main>`, true},
		{"role=main", chrome + `<div role="main"><div id="h" hidden><ul>` + grid + `</ul></div></div>`, true},
		{"main shows more than it hides", chrome + `<main>` + story + `<div id="h" style="display:none"><p>` + strings.Repeat("cheap pills ", 60) + `</p></div></main>`, false},
		{"hidden outside main", chrome + `<main>` + story + `</main><div id="h" style="display:none"><ul>` + grid + grid + `</ul></div>`, false},
		{"hidden inside a hidden part: the outer one shows, the inner stays hidden", chrome + `<main><h1>Coffee</h1><div style="display:none"><ul>` + grid + `</ul><div id="h" hidden><ul>` + grid + grid + `</ul></div></div></main>`, false},
		{"small hidden part", chrome + `<main><p>Intro.</p><div id="h" style="display:none"><p>Size guide</p></div></main>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkRevealed(t, tt.body, tt.shown) })
	}
}

// TestRevealTitled: a hidden wrapper holding the page's only <h1> and its
// text shows; a page showing an <h1> keeps its hidden parts hidden, and so
// does a small hidden part or one without a title.
func TestRevealTitled(t *testing.T) {
	chrome := "<header>" + strings.Repeat("<a href='/x'>Menu entry of the shop</a> ", 30) + "</header>"
	desc := strings.Repeat("<p>Crunchy almond thins baked in small batches from a family recipe.</p>", 10)
	tests := []struct {
		name, body string
		shown      bool // the hidden element shows afterwards
	}{
		{"the product hidden until a script runs", chrome + `<div id="h" style="display:none"><article><h1>Almond Thins</h1>` + desc + `</article></div>`, true},
		{"the page shows its title", chrome + `<h1>Almond Thins</h1><div id="h" style="display:none"><h1>Other</h1>` + desc + `</div>`, false},
		{"no title in the hidden part", chrome + `<div id="h" hidden>` + desc + `</div>`, false},
		{"a small hidden part", chrome + `<div id="h" hidden><h1>Sign up</h1><p>Get 10% off.</p></div>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkRevealed(t, tt.body, tt.shown) })
	}
}

// TestRevealPanes: the panes a tab script hides beside the one it shows
// (display:block in its style, the same tag and class) show; a hidden
// sibling of a pane the stylesheet shows, of another class, or hidden by
// its hidden attribute, stays hidden.
func TestRevealPanes(t *testing.T) {
	shownPane := `<div class="tab-pane" style="display:block"><p>The card runs at 2550 MHz.</p></div>`
	tests := []struct {
		name, body string
		shown      bool // the hidden element shows afterwards
	}{
		{"a pane beside the one a script shows", `<div>` + shownPane + `<div id="h" class="tab-pane" style="display:none"><table><tr><th>Memory</th><td>16 GB</td></tr></table></div></div>`, true},
		{"a pane beside one the stylesheet shows", `<div><div class="tab-pane"><p>Overview</p></div><div id="h" class="tab-pane" style="display:none"><p>Specs</p></div></div>`, false},
		{"another class", `<div>` + shownPane + `<div id="h" class="promo" style="display:none"><p>Sale</p></div></div>`, false},
		{"no class", `<div><div style="display:block"><p>Overview</p></div><div id="h" style="display:none"><p>Specs</p></div></div>`, false},
		{"the hidden attribute", `<div>` + shownPane + `<div id="h" class="tab-pane" hidden><p>Specs</p></div></div>`, false},
		{"every pane hidden", `<div><div class="tab-pane" style="display:none"><p>Overview</p></div><div id="h" class="tab-pane" style="display:none"><p>Specs</p></div></div>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkShown(t, tt.body, RevealPanes, tt.shown) })
	}
}

// checkRevealed runs RevealHidden over body and checks whether its element
// of id "h" shows afterwards.
func checkRevealed(t *testing.T, body string, shown bool) {
	t.Helper()
	checkShown(t, body, RevealHidden, shown)
}

// checkShown runs reveal over body and checks whether its element of id
// "h" shows afterwards.
func checkShown(t *testing.T, body string, reveal func(*html.Node, *rules.Trace), shown bool) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><body>" + body + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	b := domtext.First(doc, atom.Body)
	reveal(b, nil)
	var h *html.Node
	for n := range b.Descendants() {
		if n.Type == html.ElementNode && domtext.Attr(n, "id") == "h" {
			h = n
		}
	}
	if got := !domtext.IsHidden(h); got != shown {
		t.Errorf("shown = %v, want %v", got, shown)
	}
}
