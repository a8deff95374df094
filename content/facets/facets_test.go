package facets

import (
	"slices"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
)

// found returns the text of the elements in set, in document order,
// joined by "|".
func found(doc *html.Node, set map[*html.Node]bool) string {
	var out []string
	for n := range doc.Descendants() {
		if set[n] {
			out = append(out, n.Data+":"+domtext.Text(n))
		}
	}
	return strings.Join(out, "|")
}

func TestFind(t *testing.T) {
	const grid = `<h1>Sneakers</h1><ul class="grid"><li><img src="a.jpg"><a href="/a">Wool Runner in natural white</a> $98</li><li><img src="b.jpg"><a href="/b">Tree Dasher in deep navy</a> $135</li><li><img src="c.jpg"><a href="/c">Tree Runner</a> $98</li></ul>`
	tests := []struct {
		name, html, options, panels string
	}{
		{"three boxes with short labels are options", grid + `<ul><li><input type="checkbox"> 8</li><li><input type="checkbox"> 9</li><li><input type="checkbox"> 10 (12)</li></ul>`,
			"li:8|li:9|li:10 (12)", ""},
		{"two are a form's", grid + `<div><label><input type="checkbox"> Remember me</label><label><input type="checkbox"> Send news</label></div>`,
			"", ""},
		{"disabled boxes are a task list's", `<ul><li><input type="checkbox" disabled> Write</li><li><input type="checkbox" disabled> Run</li><li><input type="checkbox" disabled> Ship</li></ul>`,
			"", ""},
		{"a long label is no option", `<div><label><input type="radio"> ` + strings.Repeat("answer ", 12) + `</label><label><input type="radio"> b</label><label><input type="radio"> c</label></div>`,
			"", ""},
		{"a panel named for filters", grid + `<div class="collection-filters"><h3>Brand</h3> <a href="?b=1">Acme (12)</a></div>`,
			"", "div:Brand Acme (12)"},
		{"the pagination, by id", grid + `<nav id="pager"><a href="?p=2">2</a></nav>`,
			"", "nav:2"},
		{"not a wrapper holding the grid", `<div class="filterable-grid">` + grid + `</div><p>Sort</p>`,
			"", ""},
		{"not items with their pictures", `<p>` + strings.Repeat("Prose that makes the page long enough. ", 20) + `</p><div class="facet-list"><img src="a.jpg"><img src="b.jpg"><img src="c.jpg"></div>`,
			"", ""},
		{"a sign-up box", grid + `<div><p>New arrivals weekly.</p><form><input type="email"><button>Join</button></form></div>`,
			"", "div:New arrivals weekly. Join"},
		{"a sort drop-down's toolbar", grid + `<div class="bar"><div><span>Sort by:</span> <select><option>Best selling</option><option>Lowest price</option></select></div></div>`,
			"", "div:Sort by: Best sellingLowest price"},
		{"not a card with a size picker", `<ul><li><img src="a.jpg"><a href="/a">Wool Runner</a> <label>Size</label><select><option>8</option></select></li></ul>`,
			"", ""},
		{"not a form that says more", `<form><p>Tell us what went wrong with your order, and we will answer within a day.</p><select><option>Late</option></select></form>`,
			"", ""},
		{"screen readers' text, not in a table cell", `<p><span class="u-sr-only">Sale price</span> $88</p><table><tr><td><span class="ui-screen-reader-only">Yes</span></td></tr></table>`,
			"", "span:Sale price"},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(`<body>` + tt.html))
		if err != nil {
			t.Fatal(err)
		}
		options, panels := Find(doc)
		if got := found(doc, options); got != tt.options {
			t.Errorf("%s: options %q, want %q", tt.name, got, tt.options)
		}
		if got := found(doc, panels); got != tt.panels {
			t.Errorf("%s: panels %q, want %q", tt.name, got, tt.panels)
		}
	}
}

func TestFilterName(t *testing.T) {
	var got []string
	for _, v := range []string{"filters", "facets__form", "ProductList_filtersDesktop", "search-refinements", "pagination", "pager",
		"filter-results", "facet-template", "filterable-grid", "filter-item", "grid", "pag"} {
		if filterName(v) {
			got = append(got, v)
		}
	}
	// "ProductList_filtersDesktop" is no panel's name: its one word holds
	// "product", what a filter narrows.
	want := []string{"filters", "facets__form", "search-refinements", "pagination", "pager"}
	if !slices.Equal(got, want) {
		t.Errorf("filterName holds %q, want %q", got, want)
	}
}

func TestScreenReaderNamed(t *testing.T) {
	var got []string
	for _, v := range []string{"ui-screen-reader-only", "u-sr-only", "screenreader", "sronly", "block__sr-only",
		"sr-only", "x-sr-only x-sr-only-focusable", "screen-shot", "visually-bold"} {
		if screenReaderNamed(v) {
			got = append(got, v)
		}
	}
	want := []string{"ui-screen-reader-only", "u-sr-only", "screenreader", "sronly", "block__sr-only"}
	if !slices.Equal(got, want) {
		t.Errorf("screenReaderNamed holds %q, want %q", got, want)
	}
}
