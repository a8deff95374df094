package block

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/textnorm"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockWriter turns a DOM subtree into text blocks: one per paragraph,
// heading, list item, quote, caption or preformatted block, split at <br>.
type blockWriter struct {
	out    []Block
	parts  []string // the text nodes of the block being written, not yet copied
	kind   Kind
	level  int
	pre    bool
	lists  []list                // the lists the walk is in, innermost last
	detail Detail                // the structure of the block being written
	images []Link                // images not yet attached to a block
	skip   func(*html.Node) bool // elements not rendered; nil: none
}

// list is an open <ul> or <ol>: for an ordered list, the next number.
type list struct {
	ordered bool
	next    int
}

// FromHTML renders the text of a DOM subtree as blocks, as the text
// stage reads them: the cleaning pipeline renders the article this way, and
// DOM rule examples their result.
func FromHTML(n *html.Node) []Block {
	return FromHTMLSkip(n, nil)
}

// FromHTMLSkip is FromHTML leaving out the elements, and all below them,
// for which skip returns true (nil skips none), so that a subtree can be
// rendered without page furniture and without being changed.
func FromHTMLSkip(n *html.Node, skip func(*html.Node) bool) []Block {
	w := &blockWriter{kind: KindParagraph, skip: skip}
	w.walk(n)
	w.flush()
	return w.out
}

func (w *blockWriter) flush() {
	var t string
	if w.kind == KindPre {
		t = strings.Trim(strings.Join(w.parts, ""), "\n")
		if strings.TrimSpace(t) == "" {
			t = ""
		}
	} else {
		t = collapseParts(w.parts)
	}
	clear(w.parts) // the slice is reused; the page's strings are not kept
	w.parts = w.parts[:0]
	d := &w.detail
	if t == "" {
		w.detail = Detail{}
		return
	}
	images := w.images
	w.images = nil
	b := Block{Kind: w.kind, Level: w.level, Text: t}
	if d.Number != 0 || d.Lang != "" || len(d.Links) > 0 || len(images) > 0 || len(d.Code) > 0 {
		// Copied out only when it holds something: most blocks have no
		// detail, and a Detail per block was a fifth of a large page's
		// allocations.
		kept := *d
		kept.Images = images
		b.Detail = &kept
	}
	w.detail = Detail{}
	w.out = append(w.out, b)
}

// collapseParts is textnorm.Collapse of the parts joined, without joining
// them first when it can: valid UTF-8 parts collapse the same one after
// another as joined, but invalid bytes at the end of one part and the start
// of the next could join into a character.
func collapseParts(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return textnorm.Collapse(parts[0])
	}
	n := 0
	for _, p := range parts {
		if !utf8.ValidString(p) {
			return textnorm.Collapse(strings.Join(parts, ""))
		}
		n += len(p)
	}
	var c textnorm.Collapser
	c.Grow(n)
	for _, p := range parts {
		c.WriteString(p)
	}
	return c.String()
}

func (w *blockWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.parts = append(w.parts, n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		return
	default:
		return
	}
	if w.element(n) {
		return
	}
	if w.skip != nil && w.skip(n) {
		return
	}
	kind, level, isBlock := blockKind(n, w)
	if !isBlock {
		if w.kind != KindPre && separate(n) {
			w.parts = append(w.parts, " ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		return
	}
	w.flush()
	saveKind, saveLevel := w.kind, w.level
	if kind != "" {
		w.kind, w.level = kind, level
	}
	w.open(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	w.flush()
	if n.DataAtom == atom.Ul || n.DataAtom == atom.Ol {
		w.lists = w.lists[:len(w.lists)-1]
	}
	w.kind, w.level = saveKind, saveLevel
}

// separate reports whether the inline element n shows apart from the
// inline element right before it, with no text between them: two links,
// a label and its value, two spans side by side (a title and its year, a
// facet and its count, the parts of a rating), which a page lays out as
// separate items (flex rows, tag lists, chips) though nothing in the markup
// spaces them. Code is left alone: there spans split one token.
func separate(n *html.Node) bool {
	p := n.PrevSibling
	if p == nil || p.Type != html.ElementNode || !(item(p.DataAtom) && item(n.DataAtom)) {
		return false
	}
	for a, i := n.Parent, 0; a != nil && i < 4; a, i = a.Parent, i+1 {
		switch a.DataAtom {
		case atom.Code, atom.Pre, atom.Kbd, atom.Samp:
			return false
		}
	}
	return true
}

// item reports whether an inline element of this tag is laid out as an
// item of its own when it sits right after another.
func item(a atom.Atom) bool {
	switch a {
	case atom.A, atom.Span, atom.Label, atom.Time:
		return true
	}
	return false
}

// element handles the elements that are not walked as blocks or inline
// text (left out, breaks, images, data tables) and records links; done
// says n is handled.
func (w *blockWriter) element(n *html.Node) (done bool) {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Svg, atom.Math,
		atom.Button, atom.Select, atom.Textarea, atom.Input, atom.Iframe, atom.Object, atom.Canvas:
		return true
	case atom.Br, atom.Hr:
		w.flush()
		return true
	case atom.Img:
		src := domtext.Attr(n, "src")
		if src == "" || strings.HasPrefix(src, "data:") {
			src = domtext.Attr(n, "data-src")
		}
		if src != "" && !strings.HasPrefix(src, "data:") {
			w.images = append(w.images, Link{Text: textnorm.Collapse(domtext.Attr(n, "alt")), URL: src})
		}
		return true
	case atom.A:
		if href := domtext.Attr(n, "href"); href != "" && !strings.HasPrefix(href, "#") && !textnorm.LowerHasPrefix(href, "javascript:") {
			if t := textnorm.Collapse(innerText(n)); t != "" {
				w.detail.Links = append(w.detail.Links, Link{Text: t, URL: href})
			}
		}
	case atom.Code, atom.Kbd, atom.Samp:
		if w.kind != KindPre {
			if t := textnorm.Collapse(innerText(n)); t != "" {
				w.detail.Code = append(w.detail.Code, t)
			}
		}
	case atom.Table:
		if w.skip != nil && w.skip(n) {
			return true // skipped whole, not rendered as data
		}
		if rows := dataTable(n); rows != nil {
			w.flush()
			for _, r := range rows {
				w.out = append(w.out, r)
			}
			return true
		}
	}
	return false
}

// open starts what n opens besides a block: a list, a list item's number,
// a code block's language.
func (w *blockWriter) open(n *html.Node) {
	switch n.DataAtom {
	case atom.Ul:
		w.lists = append(w.lists, list{})
	case atom.Ol:
		start := 1
		if v, err := strconv.Atoi(strings.TrimSpace(domtext.Attr(n, "start"))); err == nil {
			start = v
		}
		w.lists = append(w.lists, list{ordered: true, next: start})
	case atom.Li:
		if k := len(w.lists) - 1; k >= 0 && w.lists[k].ordered {
			num := w.lists[k].next
			if v, err := strconv.Atoi(strings.TrimSpace(domtext.Attr(n, "value"))); err == nil {
				num = v
			}
			w.lists[k].next = num + 1
			w.detail.Number = num
		}
	case atom.Pre:
		w.detail.Lang = codeLang(n)
	}
}

// headings are the heading elements by level, h1 first.
var headings = [...]atom.Atom{atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6}

// blockKind says whether n starts a block and, if it changes the block kind,
// which.
func blockKind(n *html.Node, w *blockWriter) (Kind, int, bool) {
	if i := slices.Index(headings[:], n.DataAtom); i >= 0 {
		return KindHeading, i + 1, true
	}
	switch n.DataAtom {
	case atom.Li, atom.Dt, atom.Dd:
		return KindListItem, len(w.lists), true
	case atom.Blockquote:
		return KindQuote, 0, true
	case atom.Pre:
		return KindPre, 0, true
	case atom.Figcaption, atom.Caption:
		return KindCaption, 0, true
	case atom.P:
		if w.kind == KindQuote || w.kind == KindListItem {
			return "", 0, true
		}
		return KindParagraph, 0, true
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer, atom.Nav, atom.Aside,
		atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr, atom.Td, atom.Th,
		atom.Figure, atom.Form, atom.Fieldset, atom.Details, atom.Summary, atom.Address, atom.Center:
		return "", 0, true
	}
	return "", 0, false
}

// dataTable returns the rows of a table that holds data, one block per row,
// or nil for a table used for layout (a cell holding paragraphs, lists,
// headings or another table, or long text), which is walked as blocks.
func dataTable(t *html.Node) []Block {
	var rows []Block
	maxCells := 0
	var walk func(n *html.Node, head bool) bool
	walk = func(n *html.Node, head bool) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Thead:
				if !walk(c, true) {
					return false
				}
			case atom.Tbody, atom.Tfoot:
				if !walk(c, false) {
					return false
				}
			case atom.Tr:
				row, ok := tableRow(c, head)
				if !ok {
					return false
				}
				if row.Text != "" {
					rows = append(rows, row)
					maxCells = max(maxCells, len(row.Detail.Cells))
				}
			case atom.Caption, atom.Colgroup, atom.Col, atom.Script, atom.Style, atom.Template:
			default:
				return false
			}
		}
		return true
	}
	if !walk(t, false) || len(rows) == 0 || maxCells > 30 {
		return nil
	}
	if maxCells < 2 && len(rows) < 2 {
		return nil // one cell: a box, not a table
	}
	return rows
}

// tableRow reads one <tr>: its cells' texts, a cell spanning n columns
// followed by n-1 empty ones. ok is false when a cell holds block content.
func tableRow(tr *html.Node, head bool) (Block, bool) {
	d := &Detail{Header: true}
	any := false
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
			continue
		}
		if c.DataAtom == atom.Td && !head {
			d.Header = false
		}
		for n := range c.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			switch n.DataAtom {
			case atom.Table, atom.Ul, atom.Ol, atom.Dl, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
				atom.Blockquote, atom.Pre, atom.Form, atom.Article, atom.Section, atom.Aside, atom.Nav:
				return Block{}, false
			case atom.A:
				if href := domtext.Attr(n, "href"); href != "" && !strings.HasPrefix(href, "#") {
					if t := textnorm.Collapse(innerText(n)); t != "" {
						d.Links = append(d.Links, Link{Text: t, URL: href})
					}
				}
			}
		}
		t := textnorm.Collapse(innerText(c))
		if len(t) > 400 {
			return Block{}, false
		}
		if t != "" {
			any = true
		}
		d.Cells = append(d.Cells, t)
		if span, err := strconv.Atoi(domtext.Attr(c, "colspan")); err == nil && span > 1 {
			for range min(span, 30) - 1 {
				d.Cells = append(d.Cells, "")
			}
		}
	}
	if !any {
		return Block{Kind: KindRow, Detail: d}, true
	}
	var nonEmpty []string
	for _, c := range d.Cells {
		if c != "" {
			nonEmpty = append(nonEmpty, c)
		}
	}
	return Block{Kind: KindRow, Text: strings.Join(nonEmpty, " | "), Detail: d}, true
}

// innerText is the text of n's subtree, scripts and styles left out, with a
// space for each line break.
func innerText(n *html.Node) string {
	return domtext.Gather(n, func(c *html.Node) domtext.Edge {
		switch c.DataAtom {
		case atom.Script, atom.Style:
			return domtext.Skip
		case atom.Br:
			return domtext.Spaced
		}
		return domtext.Inline
	})
}

// codeLang is the language a <pre> or its <code> names in a class
// "language-x" or "lang-x".
func codeLang(pre *html.Node) string {
	for n := range pre.Descendants() {
		if n.Type != html.ElementNode || n.DataAtom != atom.Code {
			continue
		}
		if l := langClass(n); l != "" {
			return l
		}
		break
	}
	return langClass(pre)
}

func langClass(n *html.Node) string {
	for c := range strings.FieldsSeq(domtext.Attr(n, "class")) {
		for _, p := range []string{"language-", "lang-"} {
			if l, ok := strings.CutPrefix(c, p); ok && l != "" && len(l) <= 20 {
				return l
			}
		}
	}
	return ""
}
