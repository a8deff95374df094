// Package facets finds what beside a listing's items narrows or pages
// them: the options of its filters (groups of checkboxes and radio buttons
// with their short labels), the filter and sort panels and the pagination
// its theme names so, the sign-up boxes among the items, the toolbars of
// its drop-downs (a sort order and its label), and the text the theme
// shows to screen readers only. Package content leaves them out of a
// listing's or a collection's candidates.
package facets

import (
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Sizes of a filter's options.
const (
	// minFacets is how many sibling options make a filter: one or two
	// checkboxes are a form's consent or a "remember me".
	minFacets = 3
	// maxFacetText is the text of one option at most, in bytes: a value
	// and its count ("Blue (12)"), not a quiz's answer or a task.
	maxFacetText = 80
	// facetClimb is how far above its input an option's text may start.
	facetClimb = 4
)

// minPictures is how many pictures make an element a grid of items rather
// than a panel: as many as the priced sibling cards that make a carousel
// in package content (its minCarousel), each card showing one.
const minPictures = 3

// Find returns the options of the filters under root (see findFacets) and,
// outside them, the filter panels, the pagination, the sign-up boxes and
// the screen readers' text (see findFilters). Either is nil when there are
// none.
func Find(root *html.Node) (options, panels map[*html.Node]bool) {
	options = findFacets(root)
	return options, findFilters(root, options)
}

// filterShare is the share of the text under the root an element named
// for a filter may hold: a wrapper holding the filters and the grid they
// narrow ("collection-filters", "filterable-grid") holds most of it, and
// is the content.
const filterShare = 0.25

// findFilters returns the filter and sort panels and the pagination under
// root, outside the options in facets: the outermost elements whose class
// or id names one (filterName), holding less than filterShare of root's
// text and fewer than minPictures pictures: the panel with its group
// headings, its option links and counts, its price range, not only the
// checkboxes findFacets sees. The items they narrow are never named so; a
// panel is what the shop's or the site's theme calls it, in the common
// themes' words. The sign-up boxes among the items go with them (signup),
// the toolbars of the drop-downs, named or not (control: WCXB dev
// collection +0.0011, 19 pages better, none worse; listing +0.0001), and
// the text a theme shows to screen readers only (screenReaderNamed).
// Nil when there are none.
func findFilters(root *html.Node, facets map[*html.Node]bool) map[*html.Node]bool {
	var out map[*html.Node]bool
	total := -1
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || facets[c] {
				continue
			}
			if screenReaderNamed(strings.ToLower(domtext.Attr(c, "class"))) && !InCell(c) {
				if out == nil {
					out = map[*html.Node]bool{}
				}
				out[c] = true
				continue
			}
			if filterName(domtext.Attr(c, "class")) || filterName(domtext.Attr(c, "id")) {
				if total < 0 {
					total = len(domtext.Text(root))
				}
				if float64(len(domtext.Text(c))) < filterShare*float64(total) && images(c) < minPictures {
					if out == nil {
						out = map[*html.Node]bool{}
					}
					out[c] = true
					continue
				}
			}
			walk(c)
		}
	}
	walk(root)
	for n := range root.Descendants() {
		if n.Type != html.ElementNode || n.DataAtom != atom.Input || !strings.EqualFold(domtext.Attr(n, "type"), "email") {
			continue
		}
		if box := signup(n, root); box != nil {
			if out == nil {
				out = map[*html.Node]bool{}
			}
			out[box] = true
		}
	}
	for n := range root.Descendants() {
		if n.Type != html.ElementNode || n.DataAtom != atom.Select {
			continue
		}
		if box := control(n, root); box != nil {
			if out == nil {
				out = map[*html.Node]bool{}
			}
			out[box] = true
		}
	}
	return out
}

// signupText is the text a sign-up box holds at most: a line asking for
// the reader's address, its field's label and its consent line.
const signupText = 400

// signup returns the sign-up box of an email field: its widest ancestor
// under root holding at most signupText of text and no pictures; nil when
// even its parent holds more.
func signup(input, root *html.Node) *html.Node {
	var box *html.Node
	for p := input.Parent; p != nil && p != root; p = p.Parent {
		if len(domtext.Text(p)) > signupText || images(p) > 0 {
			break
		}
		box = p
	}
	return box
}

// images counts the <img> elements under n, up to minPictures: the items
// of a grid show a picture each, a filter's options show none (a swatch is
// a coloured box, a chevron an inline icon).
func images(n *html.Node) int {
	k := 0
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.Img {
			if k++; k == minPictures {
				break
			}
		}
	}
	return k
}

// filterName reports whether a class or id names a filter panel or one of
// its parts, or the pagination under the items: a name holding a panel's
// word (panelWord: "filters", "facets__form", "search-refinements",
// "pagination", "pager"),
// unless the same name says it is what the filter narrows (filterTarget:
// "filter-results", "facet-template", "filterable-grid"; and so
// "ProductList_filtersDesktop", whose one word holds "product").
func filterName(v string) bool {
	if len(v) < 5 {
		return false
	}
	v = strings.ToLower(v)
	if !panelWord(v) {
		return false
	}
	for f := range strings.FieldsSeq(v) {
		if panelWord(f) && !filterTarget(f) {
			return true
		}
	}
	return false
}

// panelWord reports whether a name, lower-cased, holds a word of a panel
// beside a listing's items: its filters, facets and refinements, its
// pagination and pager.
func panelWord(v string) bool {
	return strings.Contains(v, "filter") || strings.Contains(v, "facet") || strings.Contains(v, "refinement") ||
		strings.Contains(v, "paginat") || strings.Contains(v, "pager") || strings.Contains(v, "paging")
}

// filterTarget reports whether a name holding a filter's names what the
// filter narrows: its results, their template or grid, the items.
func filterTarget(f string) bool {
	for _, w := range [...]string{"result", "template", "grid", "item", "product", "post", "content", "target", "filterable", "filtered"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// findFacets returns the options of the filters under root: an option is
// the element holding an enabled checkbox or radio button and its short
// label (climbing through wrappers that hold nothing else), and options
// count when minFacets or more of them share a parent. Disabled boxes are
// a task list's ticks, not controls. Nil when there are none.
func findFacets(root *html.Node) map[*html.Node]bool {
	byParent := map[*html.Node][]*html.Node{}
	lens := map[*html.Node]int{}
	var parents []*html.Node
	for n := range root.Descendants() {
		if n.Type != html.ElementNode || n.DataAtom != atom.Input || domtext.HasAttr(n, "disabled") {
			continue
		}
		switch strings.ToLower(domtext.Attr(n, "type")) {
		case "checkbox", "radio":
		default:
			continue
		}
		item := option(n, root, lens)
		if item == nil {
			continue
		}
		p := item.Parent
		if len(byParent[p]) > 0 && byParent[p][len(byParent[p])-1] == item {
			continue
		}
		if byParent[p] == nil {
			parents = append(parents, p)
		}
		byParent[p] = append(byParent[p], item)
	}
	var out map[*html.Node]bool
	for _, p := range parents {
		if len(byParent[p]) < minFacets {
			continue
		}
		if out == nil {
			out = map[*html.Node]bool{}
		}
		for _, it := range byParent[p] {
			out[it] = true
		}
	}
	return out
}

// option returns the element that is input's option: its nearest
// ancestor (facetClimb levels up at most) with text, widened through
// parents that hold it alone; nil when there is none under root or its
// text is too long for an option. lens holds the text lengths measured so
// far: the inputs of one box share their ancestors, and measuring a large
// one again for each of thousands of inputs made the search quadratic.
func option(input, root *html.Node, lens map[*html.Node]int) *html.Node {
	item := input
	for i := 0; ; i++ {
		if i == facetClimb || item.Parent == nil || item == root {
			return nil
		}
		item = item.Parent
		if item == root {
			return nil
		}
		t, ok := lens[item]
		if !ok {
			t = len(domtext.Text(item))
			lens[item] = t
		}
		if t > 0 {
			if t > maxFacetText {
				return nil
			}
			break
		}
	}
	for item.Parent != nil && item.Parent != root && onlyChild(item) {
		item = item.Parent
	}
	return item
}

// onlyChild reports whether n is its parent's only element child.
func onlyChild(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && c.Type == html.ElementNode {
			return false
		}
	}
	return true
}

// screenReaderNamed reports whether a class, lower-cased, names text shown
// only to screen readers by a theme's own name for it: one of the common
// names with the theme's prefix ("ui-screen-reader-only",
// "u-sr-only") or written as one word ("screenreader", "sronly"). On a
// listing every item repeats its price or its name that way ("Sale price
// $88 Regular price $102" beside "$88 $102").
func screenReaderNamed(v string) bool {
	if !strings.Contains(v, "sr") && !strings.Contains(v, "screen") && !strings.Contains(v, "visually") || strings.Contains(v, "focusable") {
		// A focusable one shows when a keyboard reaches it (a skip link).
		return false
	}
	for f := range strings.FieldsSeq(v) {
		switch {
		case f == "screenreader", f == "screenreader-only", f == "sronly", f == "visuallyhidden",
			strings.HasSuffix(f, "-sr-only"), strings.HasSuffix(f, "-screen-reader-only"), strings.HasSuffix(f, "-screen-reader-text"),
			strings.HasSuffix(f, "-visually-hidden"), strings.HasSuffix(f, "_sr-only"), strings.HasSuffix(f, "__sr-only"):
			return true
		}
	}
	return false
}

// InCell reports whether n sits in a table cell, where a screen reader's
// label stands for an icon the cell shows (a tick for "Yes").
func InCell(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Td, atom.Th:
			return true
		case atom.Table, atom.Body:
			return false
		}
	}
	return false
}
