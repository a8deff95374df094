package shown

import (
	"strings"

	"github.com/winnowhq/winnow/internal/cssvis"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/rules"
	"github.com/winnowhq/winnow/spam/hidden"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// DropUnseen removes from body, as step dom.unseen, the elements no reader
// sees and no control of the page shows: elements a browser never renders
// (unrendered); their inline style or a rule of
// the page's style sheets (sh) sets their text in its background's colour
// or transparent, shrinks their font or box to nothing, scales them to
// nothing or moves them far off the screen (cssvis.Unseen), or a style
// sheet collapses them (display:none by a class, id or attribute). The
// readability pass drops only what the hidden attribute and inline
// display or visibility hide. Kept: collapsed content a reader opens
// (hidden.Collapsed: accordions, tabs, dialogs, menus), text kept for
// screen readers (a clipped or one-pixel box) and faded boxes (opacity:0,
// which scripts fade in), and an element holding half the page's text or
// more (a page that hides itself until its scripts run).
func DropUnseen(body *html.Node, sh *hidden.Sheet, tr *rules.Trace) {
	var gone []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if unrendered(c) {
				gone = append(gone, c)
				continue
			}
			if replaced(c) {
				continue
			}
			if unseen(c, sh) && !hidden.Collapsed(c) || hiddenAside(c, sh) {
				gone = append(gone, c)
				continue
			}
			walk(c)
		}
	}
	walk(body)
	if len(gone) == 0 {
		return
	}
	total := len(strings.TrimSpace(domtext.Text(body)))
	for _, n := range gone {
		t := domtext.Text(n)
		if 2*len(strings.TrimSpace(t)) >= total && total > 0 {
			continue
		}
		tr.Record("dom.unseen", "dom", "drop", domtext.Path(n), t)
		n.Parent.RemoveChild(n)
	}
}

// unseen reports an element its inline style or the sheet hides from every
// reader (see DropUnseen). What collapses it (display:none,
// visibility:hidden, a box of no height) is left to the readability pass
// when it is inline, and kept when a style sheet says it: sheets collapse
// the accordions, menus and tooltips that their other rules, scripts and
// states open, in more ways than a reading of lone selectors can follow.
func unseen(n *html.Node, sh *hidden.Sheet) bool {
	if style := domtext.Attr(n, "style"); style != "" && domtext.MayName(style, unseenProps) {
		if d := domtext.ParseStyle(style); cssvis.Unseen(d) {
			why := cssvis.Why(d)
			return !collapses(why) && (!coloured(why) || plain(n))
		}
	}
	why := sh.Unseen(n)
	return why != "" && !collapses(why) && (!coloured(why) || plain(n))
}

// coloured reports a way of hiding by the text's colour, which the
// element's descendants may set anew.
func coloured(why string) bool {
	return strings.HasSuffix(why, "transparent text") || strings.HasSuffix(why, "text colour = background")
}

// plain reports an element none of whose descendants carries a class or
// a style, which could give its text a colour of its own: a section in a
// coloured band styles its headings and paragraphs.
func plain(n *html.Node) bool {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && (domtext.HasAttr(d, "class") || domtext.HasAttr(d, "style") || domtext.HasAttr(d, "color")) {
			return false
		}
	}
	return true
}

// replaced reports an element that shows no text of its own (an image, a
// form control, a frame): its colour or indent hides nothing.
func replaced(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Img, atom.Picture, atom.Input, atom.Iframe, atom.Canvas, atom.Svg, atom.Object, atom.Embed, atom.Br, atom.Hr:
		return true
	}
	return false
}

// collapses reports a way of hiding (cssvis.Why, or a Sheet's) that takes
// the box out of the page or gives it no height.
func collapses(why string) bool {
	return strings.HasSuffix(why, "display:none") || strings.HasSuffix(why, "visibility:hidden") || strings.HasSuffix(why, "tiny box, overflow hidden")
}

// unseenProps name the properties, or parts of them, cssvis.Unseen reads.
var unseenProps = []string{"color", "scale", "zoom", "matrix", "visibility", "display", "font", "left", "top", "right", "bottom", "inset", "indent", "margin", "overflow", "rotate", "mask"}

// unrendered reports an element a browser never renders: a datalist (the
// suggestions of an input), noframes (for browsers without frames), or
// what a video or audio element holds besides its sources and tracks (for
// browsers that cannot play it).
func unrendered(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Datalist, atom.Noframes:
		return true
	}
	p := n.Parent
	return p != nil && (p.DataAtom == atom.Video || p.DataAtom == atom.Audio) && n.DataAtom != atom.Source && n.DataAtom != atom.Track
}
