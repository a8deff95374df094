package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/textnorm"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockWriter turns a DOM subtree into text blocks: one per paragraph,
// heading, list item, quote, caption or preformatted block, split at <br>.
type blockWriter struct {
	out   []Block
	parts []string // the text nodes of the block being written, not yet copied
	kind  Kind
	level int
	pre   bool
	lists int
	skip  func(*html.Node) bool // elements not rendered; nil: none
}

// HTMLBlocks renders the text of a DOM subtree as blocks, as the text
// stage reads them: the cleaning pipeline renders the article this way, and
// DOM rule examples their result.
func HTMLBlocks(n *html.Node) []Block {
	return HTMLBlocksSkip(n, nil)
}

// HTMLBlocksSkip is HTMLBlocks leaving out the elements, and all below them,
// for which skip returns true (nil skips none), so that a subtree can be
// rendered without page furniture and without being changed.
func HTMLBlocksSkip(n *html.Node, skip func(*html.Node) bool) []Block {
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
	if t == "" {
		return
	}
	w.out = append(w.out, Block{Kind: w.kind, Level: w.level, Text: t})
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
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Svg, atom.Math,
		atom.Button, atom.Select, atom.Textarea, atom.Input, atom.Iframe, atom.Object, atom.Canvas:
		return
	case atom.Br, atom.Hr:
		w.flush()
		return
	case atom.Img:
		return
	}
	if w.skip != nil && w.skip(n) {
		return
	}
	kind, level, isBlock := blockKind(n, w)
	if !isBlock {
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
	if n.DataAtom == atom.Ul || n.DataAtom == atom.Ol {
		w.lists++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	w.flush()
	if n.DataAtom == atom.Ul || n.DataAtom == atom.Ol {
		w.lists--
	}
	w.kind, w.level = saveKind, saveLevel
}

// blockKind says whether n starts a block and, if it changes the block kind,
// which.
func blockKind(n *html.Node, w *blockWriter) (Kind, int, bool) {
	switch n.DataAtom {
	case atom.H1:
		return KindHeading, 1, true
	case atom.H2:
		return KindHeading, 2, true
	case atom.H3:
		return KindHeading, 3, true
	case atom.H4:
		return KindHeading, 4, true
	case atom.H5:
		return KindHeading, 5, true
	case atom.H6:
		return KindHeading, 6, true
	case atom.Li, atom.Dt, atom.Dd:
		return KindListItem, w.lists, true
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
