// Package shown decides what of a page shows without its scripts running,
// as winnow reads pages: a noscript that holds the content, hidden elements
// a script would reveal, and content React streams late into its place.
package shown

import (
	"slices"
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/rules"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minNoscriptText is the text, in bytes, a noscript must hold before it can
// count as the page's content rather than a notice ("Please enable
// JavaScript") or a tracking pixel.
const minNoscriptText = 500

// Noscript returns the content of a noscript element parsed as HTML
// when it is the page's content: what a reader without JavaScript sees,
// and winnow reads pages without JavaScript. Forum engines (Discourse, for
// one) serve a thread's posts only there, the visible page being an empty
// application shell. It is the content when its text is at least
// minNoscriptText and more than all the page's visible text outside
// noscripts (so that a page which shows its content anyway is not read
// twice). Otherwise it returns nil, and the noscript is dropped.
//
// The parser reads noscript as raw text, as a browser with scripting on does.
func Noscript(ns *html.Node, visible int) []*html.Node {
	raw := ns.FirstChild
	if raw == nil || raw.Type != html.TextNode || raw.NextSibling != nil || len(raw.Data) < minNoscriptText {
		return nil
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	if ns.Parent != nil && ns.Parent.Type == html.ElementNode && ns.Parent.DataAtom != atom.Head {
		ctx = &html.Node{Type: html.ElementNode, Data: ns.Parent.Data, DataAtom: ns.Parent.DataAtom}
	}
	nodes, err := html.ParseFragment(strings.NewReader(raw.Data), ctx)
	if err != nil {
		return nil
	}
	text := 0
	for _, n := range nodes {
		text += textBytes(n, false)
	}
	if text < minNoscriptText || text <= visible {
		return nil
	}
	return nodes
}

// Note records for --explain (Options.Trace) that step id showed n,
// which the page hid until its scripts ran: a fallback, stage dom, that
// removes nothing and so is not counted in clean.Result.Removed.
func Note(tr *rules.Trace, id string, n *html.Node) {
	if tr != nil && tr.Detailed {
		tr.Note(id, "dom", "show", domtext.Path(n), domtext.Text(n))
	}
}

// textBytes is the length of the text under n, scripts and styles excluded;
// with shownOnly, also without what the page hides by its own markup.
func textBytes(n *html.Node, shownOnly bool) int {
	if n.Type == html.TextNode {
		return len(strings.TrimSpace(n.Data))
	}
	if Invisible(n) || shownOnly && n.Type == html.ElementNode && domtext.IsHidden(n) {
		return 0
	}
	t := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t += textBytes(c, shownOnly)
	}
	return t
}

// RevealHidden shows what a page hides by its own markup until its scripts
// run, when nothing else is shown: React's streaming renderer sends the
// content in a <div hidden> that a script moves into place, and some sites
// wrap the whole page in visibility:hidden until their scripts load. When
// the visible text is under minNoscriptText and hidden elements hold more,
// the outermost hidden elements holding at least minNoscriptText of text
// lose their hidden attribute and inline style (rounds repeat while the
// page stays blank, for hidden elements nested in them). A page showing its
// text keeps its hidden elements hidden, for the rules to judge (hidden
// spam).
func RevealHidden(body *html.Node, tr *rules.Trace) {
	for range 3 {
		visible, hidden := 0, []*html.Node(nil)
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			// Once the visible text reaches minNoscriptText nothing is
			// revealed, whatever else the page holds: the walk stops
			// there (on most pages within the first few elements).
			for c := n.FirstChild; c != nil && visible < minNoscriptText; c = c.NextSibling {
				switch {
				case c.Type == html.TextNode:
					visible += len(strings.TrimSpace(c.Data))
				case c.Type == html.ElementNode && domtext.IsHidden(c):
					if textBytes(c, false) >= minNoscriptText {
						hidden = append(hidden, c)
					}
				default:
					walk(c)
				}
			}
		}
		walk(body)
		if visible >= minNoscriptText {
			revealMain(body, tr)
			revealTitled(body, tr)
			return
		}
		if len(hidden) == 0 {
			return
		}
		for _, n := range hidden {
			Note(tr, "shown.hidden", n)
			n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "hidden" || a.Key == "style" })
		}
	}
}

// revealMain shows what the page's main element (<main>, role=main) hides
// by its own markup until a script runs, when that is most of it: the
// outermost hidden elements in it holding minNoscriptText of text or more
// and more text than the main element shows. A shop whose app keeps the
// product grid or the product in a display:none wrapper until it has
// checked the visitor, around a header, menus and footer that show.
func revealMain(body *html.Node, tr *rules.Trace) {
	for n := range body.Descendants() {
		if n.Type != html.ElementNode || n.DataAtom != atom.Main && !strings.EqualFold(domtext.Attr(n, "role"), "main") {
			continue
		}
		if domtext.IsHidden(n) {
			return
		}
		shows := textBytes(n, true)
		// Only the outermost hidden elements are weighed: one inside
		// another holds less text than it (no element sits inside
		// what Invisible skips), so it qualifies only when the outer
		// one does, and that one is revealed whole.
		var hidden []*html.Node
		var walk func(p *html.Node)
		walk = func(p *html.Node) {
			for d := p.FirstChild; d != nil; d = d.NextSibling {
				switch {
				case d.Type != html.ElementNode:
				case domtext.IsHidden(d):
					if t := textBytes(d, false); t >= minNoscriptText && t > shows {
						hidden = append(hidden, d)
					}
				default:
					walk(d)
				}
			}
		}
		walk(n)
		for _, h := range hidden {
			Note(tr, "shown.main", h)
			h.Attr = slices.DeleteFunc(h.Attr, func(a html.Attribute) bool { return a.Key == "hidden" || a.Key == "style" })
		}
		return // the first main element only
	}
}

// revealTitled shows the outermost hidden element holding the page's
// title heading (<h1>) and at least minNoscriptText of text, when the page
// shows no <h1> of its own: a shop that keeps the whole product (name,
// description, specifications) in a display:none wrapper until its scripts
// have run, with no <main> element to tell it by (see revealMain), around a
// header, menus and footer that show. A hidden menu or dialog holds no
// <h1>; a page showing its title keeps its hidden parts hidden.
func revealTitled(body *html.Node, tr *rules.Trace) {
	var found *html.Node
	var walk func(p *html.Node, hidden *html.Node) bool
	walk = func(p *html.Node, hidden *html.Node) bool {
		for d := p.FirstChild; d != nil; d = d.NextSibling {
			if d.Type != html.ElementNode || Invisible(d) {
				continue
			}
			h := hidden
			if h == nil && domtext.IsHidden(d) {
				h = d
			}
			if d.DataAtom == atom.H1 && textBytes(d, false) > 0 {
				if h == nil {
					return false // the page shows its title
				}
				if found == nil {
					found = h
				}
			}
			if !walk(d, h) {
				return false
			}
		}
		return true
	}
	if !walk(body, nil) || found == nil || textBytes(found, false) < minNoscriptText {
		return
	}
	Note(tr, "shown.titled", found)
	found.Attr = slices.DeleteFunc(found.Attr, func(a html.Attribute) bool { return a.Key == "hidden" || a.Key == "style" })
}

// PlaceStreamed puts the content React's streaming renderer sends late where
// it belongs, as its script does in a browser: a Suspense boundary is sent
// as <template id="B:n"> and a segment's place as <template id="P:n">, and
// their content, later in the page, as <div hidden id="S:n"> (React numbers
// boundaries and segments from one counter, so n names one slot). The
// content replaces the template, shown. Without this, a Next.js page's main
// text stays hidden after its navigation, and a shop whose whole product
// grid is one streamed segment comes out empty.
func PlaceStreamed(body *html.Node, tr *rules.Trace) {
	var slots map[string]*html.Node
	var parts []*html.Node
	for n := range body.Descendants() {
		// Only templates and divs take part: other elements' ids are not read.
		if n.Type != html.ElementNode || n.DataAtom != atom.Template && n.DataAtom != atom.Div {
			continue
		}
		id := domtext.Attr(n, "id")
		switch {
		case n.DataAtom == atom.Template && (strings.HasPrefix(id, "B:") || strings.HasPrefix(id, "P:")):
			if slots == nil {
				slots = map[string]*html.Node{}
			}
			slots[id[2:]] = n
		case n.DataAtom == atom.Div && strings.HasPrefix(id, "S:"):
			parts = append(parts, n)
		}
	}
	for _, p := range parts {
		slot := slots[domtext.Attr(p, "id")[2:]]
		if slot == nil || slot.Parent == nil || domtext.Contains(p, slot) {
			continue
		}
		Note(tr, "shown.streamed", p)
		for c := p.FirstChild; c != nil; {
			next := c.NextSibling
			p.RemoveChild(c)
			slot.Parent.InsertBefore(c, slot)
			c = next
		}
		slot.Parent.RemoveChild(slot)
		p.Parent.RemoveChild(p)
	}
}

// Invisible reports whether n never shows as text: a comment, a style,
// a noscript, or a script other than JSON-LD.
func Invisible(n *html.Node) bool {
	switch n.Type {
	case html.CommentNode:
		return true
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Style, atom.Noscript:
			return true
		case atom.Script:
			return !strings.EqualFold(strings.TrimSpace(domtext.Attr(n, "type")), "application/ld+json")
		}
	}
	return false
}

// RevealPanes shows the tab panes a script switches: an element hidden by
// display:none in its inline style whose sibling of the same tag and class
// (not none) is shown by its inline style (display set, not to none). A
// tab script writes display:block on the pane it shows and display:none
// on the others until a reader picks them, and winnow runs no script: a
// product's specifications and reviews beside its overview are the page's
// as much as the overview is. A pane shown by the stylesheet alone says
// nothing of a script switching it (a carousel's slides, a variant's
// description), and stays hidden. Read in content selection only (a hidden
// pane kept as content) it lifted one product page of WCXB dev; shown
// before the readability pass, which drops what is hidden, two: product
// 0.719 -> 0.722, no other page of any type changed.
func RevealPanes(body *html.Node, tr *rules.Trace) {
	var panes []*html.Node
	for n := range body.Descendants() {
		if n.Type == html.ElementNode && n.Parent != nil && styleDisplay(n) == "none" && !domtext.HasAttr(n, "hidden") && shownSibling(n) {
			panes = append(panes, n)
		}
	}
	for _, n := range panes {
		Note(tr, "shown.pane", n)
		n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "style" })
	}
}

// shownSibling reports whether an element sibling of n of its tag and
// class (not none) is shown by its inline style (see RevealPanes).
func shownSibling(n *html.Node) bool {
	class := domtext.Attr(n, "class")
	if class == "" {
		return false
	}
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c == n || c.Type != html.ElementNode || c.Data != n.Data || domtext.Attr(c, "class") != class {
			continue
		}
		if d := styleDisplay(c); d != "" && d != "none" && !domtext.IsHidden(c) {
			return true
		}
	}
	return false
}

// styleDisplay is the display n's inline style sets, "" for none.
func styleDisplay(n *html.Node) string {
	style := domtext.Attr(n, "style")
	if !strings.Contains(style, "display") {
		return ""
	}
	return domtext.ParseStyle(style)["display"]
}
