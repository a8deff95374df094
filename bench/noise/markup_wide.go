package noise

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Markup only the tuning half draws from, added with issue 14 to widen it
// with shapes the real web's injected spam takes and the tuning half did
// not show: spam in table cells, figures, breadcrumbs, marquees and
// heading links; links glued after a line break or in brackets; farms in
// tag clouds and line-broken lists; hiding by a far translation
// or margin, transparent or background-coloured text and noscript; brand codes
// spelled with separators or as one letter and a digit; spam sentences
// glued to a heading. The held-out half draws from none of them (its
// pools leave brandShapes and sentenceSites empty, and the generator
// draws no random number for an empty pool, so the held-out corpus is
// unchanged).

// --- spam lines

func spamLineTableCell(in *injector, text, href string) *html.Node {
	return el("table", class(pick(in.r, in.p.words.Spam.Classes)), el("tbody", nil,
		el("tr", nil, el("td", nil, el("a", []attr{a("href", href)}, txt(text))))))
}

func spamLineFigure(in *injector, text, href string) *html.Node {
	return el("figure", nil, el("a", []attr{a("href", href)}, el("img", []attr{a("src", "/banner.gif"), a("alt", text)})),
		el("figcaption", nil, txt(text)))
}

func spamLineBreadcrumb(in *injector, text, href string) *html.Node {
	return el("div", class(pick(in.r, []string{"breadcrumb", "breadcrumbs", "crumbs"})),
		el("span", nil, el("a", []attr{a("href", href)}, txt(text))))
}

func spamLineMarquee(in *injector, text, href string) *html.Node {
	return el("marquee", []attr{a("scrollamount", "3")}, el("a", []attr{a("href", href)}, txt(text)))
}

func spamLineHeadingLink(in *injector, text, href string) *html.Node {
	return el("h4", nil, el("a", []attr{a("href", href)}, txt(text)))
}

func spamLineCenterFont(in *injector, text, _ string) *html.Node {
	return el("center", nil, el("font", []attr{a("color", "#ff0000")}, el("b", nil, txt(text))))
}

// --- links glued to a paragraph

func glueAfterBreak(in *injector, p, link *html.Node) {
	p.AppendChild(el("br", nil))
	p.AppendChild(link)
}

func glueBracketed(in *injector, p, link *html.Node) {
	open, shut := pick(in.r, []string{" (", " ["}), ")"
	if open == " [" {
		shut = "]"
	}
	p.AppendChild(txt(open))
	p.AppendChild(link)
	p.AppendChild(txt(shut))
}

// --- link farms

func farmTagCloud(in *injector, brands []string, sep string) []*html.Node {
	var kids []*html.Node
	for i, b := range brands {
		if i > 0 {
			kids = append(kids, txt(sep))
		}
		size := fmt.Sprintf("font-size:%dpx", 9+in.r.IntN(12))
		kids = append(kids, el("span", []attr{a("style", size)}, el("a", []attr{a("href", in.hostURL(b))}, txt(b))))
	}
	return kids
}

func farmLineBreaks(in *injector, brands []string, _ string) []*html.Node {
	var kids []*html.Node
	for i, b := range brands {
		if i > 0 {
			kids = append(kids, el("br", nil))
		}
		kids = append(kids, el("a", []attr{a("href", in.hostURL(b))}, txt(b)))
	}
	return kids
}

// --- hiding

// hideInside moves the box's children into a new element of tag inside
// it, an element a browser does not show (noscript, read with scripting
// on, as browsers do).
func hideInside(tag string) func(in *injector, box *html.Node) {
	return func(in *injector, box *html.Node) {
		inner := el(tag, nil)
		for c := box.FirstChild; c != nil; {
			next := c.NextSibling
			box.RemoveChild(c)
			inner.AppendChild(c)
			c = next
		}
		box.AppendChild(inner)
	}
}

// --- brand codes

// brandSeparated spells a code with a separator inside: "tk-88bet",
// "TK.88", "Tk 88 Win".
func brandSeparated(r *rand.Rand, stem, digits, end string) string {
	sep := pick(r, []string{"-", ".", "_", " "})
	if r.IntN(2) == 0 {
		return strings.ToUpper(stem + sep + digits + end)
	}
	return title(stem) + sep + digits + " " + title(end)
}

// brandShort is a short code, one letter and one or two digits, with its
// ending: "k8bet", "F9 WIN".
func brandShort(r *rand.Rand, stem, _, end string) string {
	if end == "" || end == "88" {
		end = "bet"
	}
	code := fmt.Sprintf("%s%d", stem[:1], 1+r.IntN(98))
	if r.IntN(2) == 0 {
		return strings.ToUpper(code) + " " + strings.ToUpper(end)
	}
	return code + end
}

// --- spam sentences

// sentenceOnHeading glues a spam sentence to the end of the first heading
// (h1 to h4) of the page, and returns where, or "" for a page without one.
func sentenceOnHeading(in *injector, text string) string {
	for n := range in.doc.Descendants() {
		if n.Type != html.ElementNode || !domtext.IsHeading(n.DataAtom) || n.DataAtom == atom.H5 || n.DataAtom == atom.H6 {
			continue
		}
		if strings.TrimSpace(domtext.AllText(n)) == "" {
			continue
		}
		n.AppendChild(txt(pick(in.r, []string{" - ", " | ", ": ", " "}) + text))
		return "glued to the end of a <" + n.Data + ">"
	}
	return ""
}
