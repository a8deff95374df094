package shown

import (
	"strings"

	"github.com/winnowhq/winnow/internal/cssvis"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/spam/hidden"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Thresholds of hiddenAside.
const (
	// minProseWords is the words a visible paragraph beside a hidden box
	// must hold for the box to sit in the story's prose.
	minProseWords = 12
	// maxAsideWords is the most words a hidden box among the prose may
	// hold: a line or a few sentences, not a collapsed chapter.
	maxAsideWords = 120
)

// hiddenAside reports an element hidden in any way a browser honours
// that the page's own controls are unlikely to undo, sitting between the
// visible paragraphs of a story: its inline style or a rule of the
// page's style sheets collapses, fades, clips or shrinks it
// (cssvis.Why, Sheet.Hides), a framework's utility class hides it on
// every screen (hidden.Utility), or it is a popover no button opens or a
// closed dialog. Pages collapse accordions, tabs, menus and dialogs
// (hidden.Collapsed) and fade their content in by a class every block
// shares; a lone box hidden between two paragraphs of prose, of a line
// or a few sentences, is text the reader of the story never sees, in
// whatever words and by whatever rule it is hidden. It is dropped as
// DropUnseen drops what no reader sees.
func hiddenAside(n *html.Node, sh *hidden.Sheet) bool {
	// Cheapest first: the walk asks of every element of the page.
	if n.Parent == nil || !nextToP(n) {
		return false
	}
	why := hideWhy(n, sh)
	if why == "" || !besideProse(n) || sameClassSibling(n) || cloaked(n) {
		return false
	}
	if n.DataAtom == atom.Dialog || domtext.HasAttr(n, "popover") {
		if n.Parent != nil && hidden.Collapsed(n.Parent) {
			return false
		}
	} else if hidden.Collapsed(n) {
		return false
	}
	w := textnorm.Words(domtext.ElementText(n))
	return w > 0 && w <= maxAsideWords
}

// hideWhy says how n is hidden from a desktop reader (see hiddenAside),
// or "".
func hideWhy(n *html.Node, sh *hidden.Sheet) string {
	if style := domtext.Attr(n, "style"); style != "" && domtext.MayName(style, whyProps) {
		if why := cssvis.Why(domtext.ParseStyle(style)); why != "" {
			return why
		}
	}
	if why := sh.Hides(n); why != "" {
		return why
	}
	if why := hidden.Utility(domtext.Attr(n, "class")); why != "" {
		return why
	}
	switch {
	case n.DataAtom == atom.Dialog && !domtext.HasAttr(n, "open"):
		return "closed dialog"
	case domtext.HasAttr(n, "popover"):
		return "popover"
	}
	return ""
}

// whyProps name the properties, or parts of them, cssvis.Why reads.
var whyProps = []string{"display", "visibility", "opacity", "font", "left", "top", "right", "bottom", "inset", "indent", "margin",
	"transform", "overflow", "scale", "zoom", "clip", "color", "filter", "rotate", "mask"}

// nextToP reports an element whose nearest element sibling before or
// after it is a <p>.
func nextToP(n *html.Node) bool {
	if p := domtext.PrevElement(n); p != nil && p.DataAtom == atom.P {
		return true
	}
	p := domtext.NextElement(n)
	return p != nil && p.DataAtom == atom.P
}

// besideProse reports an element whose nearest element sibling before it,
// or after it, is a visible paragraph of minProseWords words or more.
func besideProse(n *html.Node) bool {
	return prose(domtext.PrevElement(n)) || prose(domtext.NextElement(n))
}

// prose reports a visible <p> of minProseWords words or more.
func prose(p *html.Node) bool {
	if p == nil || p.DataAtom != atom.P || domtext.IsHidden(p) {
		return false
	}
	if style := domtext.Attr(p, "style"); style != "" && domtext.MayName(style, whyProps) && cssvis.Why(domtext.ParseStyle(style)) != "" {
		return false
	}
	return textnorm.Words(domtext.ElementText(p)) >= minProseWords
}

// sameClassSibling reports an element sibling of n with n's class: a
// class a page sets on many blocks (to fade them in, to collapse a list's
// tail) hides them by a state a script changes.
func sameClassSibling(n *html.Node) bool {
	class := strings.TrimSpace(domtext.Attr(n, "class"))
	if class == "" {
		return false
	}
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && c.Type == html.ElementNode && strings.TrimSpace(domtext.Attr(c, "class")) == class {
			return true
		}
	}
	return false
}

// cloaked reports an element a script framework shows once it has loaded
// (Alpine's x-cloak, Vue's v-cloak, Angular's ng-cloak, as an attribute or
// a class): the page hides it only until then.
func cloaked(n *html.Node) bool {
	for _, a := range n.Attr {
		if strings.Contains(a.Key, "cloak") || a.Key == "class" && strings.Contains(a.Val, "cloak") {
			return true
		}
	}
	return false
}
