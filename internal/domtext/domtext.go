// Package domtext reads what an element of a parsed page shows: its
// visible text, how much of it is inside links, whether its own markup
// hides it, and whether it is a list of teasers or holds prose.
package domtext

import (
	"github.com/winnowhq/winnow/internal/cssvis"
	"strings"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/textnorm"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Stats is what an element shows as text.
type Stats struct {
	Text             string // the visible text, collapsed ("" when Truncated)
	Chars, LinkChars int    // bytes of text (each text node trimmed), and of them inside links
	Links            int
	Truncated        bool // the text passed the limit given to Measure
}

// Measure gathers an element's text, its length, the length inside links and
// the number of links, in one walk. With limit > 0 it stops once the text
// passes limit bytes and sets truncated.
func Measure(n *html.Node, limit int) *Stats {
	st := &Stats{}
	measure(st, n, limit)
	return st
}

// measure is Measure into st, which Text keeps off the heap.
func measure(st *Stats, n *html.Node, limit int) {
	var text textnorm.Collapser
	text.Grow(64)
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if st.Truncated {
			return
		}
		if limit > 0 && text.Len() > limit {
			st.Truncated = true
			return
		}
		switch n.Type {
		case html.TextNode:
			text.WriteString(n.Data)
			c := len(strings.TrimSpace(n.Data))
			st.Chars += c
			if inLink {
				st.LinkChars += c
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.A:
				st.Links++
				inLink = true
			}
			if isBlock(n.DataAtom) {
				text.Space()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	if !st.Truncated {
		st.Text = text.String()
	}
}

// Chars returns Measure(n, 0).Chars, the bytes of n's visible text (each
// text node trimmed), without gathering the text.
func Chars(n *html.Node) int {
	switch n.Type {
	case html.TextNode:
		return len(strings.TrimSpace(n.Data))
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template:
			return 0
		}
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += Chars(c)
	}
	return total
}

// Text returns the visible text of n, blocks separated by spaces.
func Text(n *html.Node) string {
	var st Stats
	measure(&st, n, 0)
	return st.Text
}

// AllText returns every text node of n's subtree, hidden ones and those of
// scripts included, each followed by a space, not collapsed: the words of
// two text nodes never run together, whatever the markup between them or
// the elements removed from it.
func AllText(n *html.Node) string {
	return SpacedText(n, nil, 0)
}

// SpacedText returns the text nodes of n's subtree each followed by a
// space, as AllText does, leaving out the elements skip reports (and all
// below them; a nil skip leaves out none) and stopping after the text node
// that takes the text over limit bytes (0: no limit).
func SpacedText(n *html.Node, skip func(*html.Node) bool, limit int) string {
	var b strings.Builder
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
				b.WriteByte(' ')
				if limit > 0 && b.Len() > limit {
					return false
				}
			case html.ElementNode:
				if (skip == nil || !skip(c)) && !walk(c) {
					return false
				}
			}
		}
		return true
	}
	walk(n)
	return b.String()
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Br, atom.Li, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Section, atom.Article, atom.Aside, atom.Header, atom.Footer, atom.Nav, atom.Table, atom.Tr, atom.Td, atom.Th,
		atom.Blockquote, atom.Pre, atom.Figure, atom.Figcaption, atom.Dd, atom.Dt, atom.Dl, atom.Main, atom.Form, atom.Hr:
		return true
	}
	return false
}

// TextEdge is the Edge of the text a reader sees in a block: scripts and
// styles left out, a space around a block element or a line break.
func TextEdge(c *html.Node) Edge {
	switch c.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template:
		return Skip
	}
	if isBlock(c.DataAtom) {
		return Spaced
	}
	return Inline
}

// HoldsBlocks reports whether n has a block element (a line break aside)
// below it: a box of paragraphs, not one paragraph.
func HoldsBlocks(n *html.Node) bool {
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && c.DataAtom != atom.Br && isBlock(c.DataAtom) {
			return true
		}
	}
	return false
}

// IsHidden reports whether n is hidden by its own markup: the hidden
// attribute, or an inline style with display:none, visibility:hidden, a zero
// font size, a far off-screen position or text indent, or zero size with
// overflow hidden. Stylesheets are not consulted.
func IsHidden(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	style := ""
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			style = a.Val
		}
	}
	if style == "" {
		return false
	}
	if mayHide(style) && hiddenBy(readHiding(style)) {
		return true
	}
	return MayName(style, unseenProps) && cssvis.Unseen(ParseStyle(style))
}

// unseenProps name the properties, or parts of them, by which
// cssvis.Unseen finds more ways of hiding than hiddenBy reads: colours,
// scaling, a tiny font or line, content-visibility, positions and indents
// under 999 units.
var unseenProps = []string{"color", "scale", "zoom", "matrix", "visibility", "font", "left", "top", "right", "bottom", "indent", "margin", "line-height", "rotate", "mask"}

// hiding holds the values of the declarations IsHidden reads, each the
// last one of its property, as ParseStyle's map would: read without the
// map and the split, which were most of what IsHidden allocated (it runs
// on every element of several walks).
type hiding struct {
	display, visibility, fontSize, overflow, height, width string
	left, top, textIndent, marginLeft, right               string
}

// readHiding reads the declarations of style that IsHidden reads.
func readHiding(style string) hiding {
	var h hiding
	props := [...]struct {
		name string
		val  *string
	}{
		{"display", &h.display}, {"visibility", &h.visibility}, {"font-size", &h.fontSize},
		{"overflow", &h.overflow}, {"height", &h.height}, {"width", &h.width}, {"left", &h.left},
		{"top", &h.top}, {"text-indent", &h.textIndent}, {"margin-left", &h.marginLeft}, {"right", &h.right},
	}
	eachDecl(style, func(k, v string) {
		for _, p := range props {
			if p.name == k {
				*p.val = v
				return
			}
		}
	})
	return h
}

// hiddenBy reports whether the declarations h hide an element.
func hiddenBy(h hiding) bool {
	switch {
	case h.display == "none", h.visibility == "hidden", h.visibility == "collapse":
		return true
	case isZero(h.fontSize):
		return true
	case isFarOff(h.left) || isFarOff(h.top) || isFarOff(h.textIndent) ||
		isFarOff(h.marginLeft) || isFarOff(h.right):
		return true
	case h.overflow == "hidden" && (isZero(h.height) || isZero(h.width)):
		return true
	}
	return false
}

// hidingProps are the property names, or parts of them, IsHidden reads:
// a style that names none of them cannot hide.
var hidingProps = []string{"display", "visibility", "font-size", "left", "top", "indent", "right", "overflow"}

// mayHide reports whether style may name a property IsHidden reads,
// without parsing it (most inline styles set widths, colours, margins).
func mayHide(style string) bool { return MayName(style, hidingProps) }

// MayName reports whether style may name one of props (property names or
// parts of them), without parsing it: a style with upper-case ASCII or a
// byte beyond ASCII is always said to, as ParseStyle lower-cases its
// property names.
func MayName(style string, props []string) bool {
	for i := 0; i < len(style); i++ {
		if c := style[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return true
		}
	}
	for _, p := range props {
		if strings.Contains(style, p) {
			return true
		}
	}
	return false
}

// ParseStyle reads an inline style (or a CSS rule's declarations) into
// lower-case property: value pairs, !important dropped and ", " inside a
// value written "," (rect(0, 0, 0, 0) as rect(0,0,0,0)). Hand-written: a full
// CSS parser is not needed to read the handful of properties that hide text.
func ParseStyle(s string) map[string]string {
	m := map[string]string{}
	ParseStyleInto(m, s)
	return m
}

// ParseStyleInto is ParseStyle into m, emptied first: a reader of many
// rules (a style sheet) reuses one map instead of making one per rule.
func ParseStyleInto(m map[string]string, s string) {
	clear(m)
	eachDecl(s, func(k, v string) { m[k] = v })
}

// eachDecl calls f with each declaration of s, in order, its property and
// value read as ParseStyle reads them.
func eachDecl(s string, f func(k, v string)) {
	for d := range strings.SplitSeq(s, ";") {
		k, v, ok := strings.Cut(d, ":")
		if !ok {
			continue
		}
		v = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important")))
		f(strings.ToLower(strings.TrimSpace(k)), strings.ReplaceAll(strings.TrimSpace(v), ", ", ","))
	}
}

func isZero(v string) bool {
	if v == "" {
		return false
	}
	v = strings.TrimRight(v, "abcdefghijklmnopqrstuvwxyz%")
	v = strings.TrimLeft(v, "+-")
	return strings.Trim(v, "0.") == "" && v != ""
}

// isFarOff reports a negative length of at least 999 units (px, em, ...).
func isFarOff(v string) bool {
	if !strings.HasPrefix(v, "-") {
		return false
	}
	num := strings.TrimRight(v[1:], "abcdefghijklmnopqrstuvwxyz%")
	if i := strings.IndexByte(num, '.'); i >= 0 {
		num = num[:i]
	}
	return len(num) >= 3 && strings.Trim(num, "0123456789") == "" && (len(num) > 3 || num >= "999")
}

// maxTeaserWords caps the words of one teaser card.
const maxTeaserWords = 60

// IsTeaserList reports whether n lists teasers: at least min element
// children with the same tag, each holding a link and at most maxTeaserWords
// words, with a fair share (a quarter) of each child's text inside links.
// Article paragraphs that cite a link carry far less link text than that.
func IsTeaserList(n *html.Node, min int) bool {
	if n.Type != html.ElementNode {
		return false
	}
	// The cheap test first: enough element children, all of one tag.
	var tag atom.Atom
	count := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if tag == 0 {
			tag = c.DataAtom
		}
		if c.DataAtom != tag {
			return false
		}
		count++
	}
	if count < min {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		st := Measure(c, (maxTeaserWords+1)*12)
		if st.Truncated || st.Links == 0 || st.Chars == 0 || st.LinkChars*4 < st.Chars {
			return false
		}
		if textnorm.Words(st.Text) > maxTeaserWords {
			return false
		}
	}
	return true
}

// HoldsProse reports whether n is, or holds, a paragraph (p, li,
// blockquote, dd) of at least words words with at most a fifth of them
// inside links.
func HoldsProse(n *html.Node, words int) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && isProse(d, words) {
			return true
		}
	}
	return isProse(n, words)
}

func isProse(n *html.Node, words int) bool {
	switch n.DataAtom {
	case atom.P, atom.Li, atom.Blockquote, atom.Dd:
	default:
		return false
	}
	total := textnorm.Words(Text(n))
	if total < words {
		return false
	}
	linked := 0
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.A {
			linked += textnorm.Words(Text(d))
		}
	}
	return linked*5 <= total
}

// LinkHost returns the host of an absolute or scheme-relative link, or "".
// Hand-cut rather than url.Parse: it runs on every link of every page.
func LinkHost(href string) string {
	i := strings.Index(href, "//")
	if i < 0 || strings.IndexByte(href[:i], '/') >= 0 {
		return ""
	}
	h := href[i+2:]
	for j := 0; j < len(h); j++ { // strings.IndexAny would build a byte set per link
		if c := h[j]; c == '/' || c == '?' || c == '#' {
			h = h[:j]
			break
		}
	}
	if j := strings.LastIndexByte(h, '@'); j >= 0 {
		h = h[j+1:]
	}
	return strings.ToLower(h)
}

// Path names an element for traces: tag, id and first classes of it and
// its two nearest ancestors.
func Path(n *html.Node) string {
	var parts []string
	for d := 0; n != nil && n.Type == html.ElementNode && d < 3; d++ {
		s := n.Data
		if id := Attr(n, "id"); id != "" {
			s += "#" + id
		}
		if cl := strings.Fields(Attr(n, "class")); len(cl) > 0 {
			if len(cl) > 2 {
				cl = cl[:2]
			}
			s += "." + strings.Join(cl, ".")
		}
		parts = append(parts, s)
		n = n.Parent
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, " > ")
}

// First returns the first element below n, in document order, whose atom is a;
// nil when there is none.
func First(n *html.Node, a atom.Atom) *html.Node {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			return d
		}
	}
	return nil
}

// Contains reports whether a is n or an ancestor of n.
func Contains(a, n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// HasAttr reports whether n has the attribute key, whatever its value.
func HasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// Attr returns the value of n's attribute key, "" when it has none.
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// JSONLD returns the JSON text of n when n is a JSON-LD script
// (<script type="application/ld+json">) with content, "" otherwise.
func JSONLD(n *html.Node) string {
	if n.Type != html.ElementNode || n.DataAtom != atom.Script || n.FirstChild == nil ||
		!strings.EqualFold(strings.TrimSpace(Attr(n, "type")), "application/ld+json") {
		return ""
	}
	return n.FirstChild.Data
}

// JSONStrings returns the string values of keys (each written with its
// quotes, `"name"`) in data, JSON read no further than its first limit
// bytes, each followed by ". ": reading the strings is enough to score
// them, and a page's broken JSON still gives what it holds.
func JSONStrings(data string, limit int, keys ...string) string {
	if len(data) > limit {
		data = data[:limit]
	}
	var b strings.Builder
	for _, key := range keys {
		for rest := data; ; {
			i := strings.Index(rest, key)
			if i < 0 {
				break
			}
			rest = rest[i+len(key):]
			j := strings.IndexByte(rest, '"')
			if j < 0 || strings.TrimSpace(strings.TrimLeft(rest[:j], ": \t\n")) != "" {
				continue
			}
			rest = rest[j+1:]
			k := strings.IndexByte(rest, '"')
			if k < 0 {
				break
			}
			b.WriteString(rest[:k])
			b.WriteString(". ")
			rest = rest[k:]
		}
	}
	return b.String()
}

// Edge says how Gather takes an element's text.
type Edge uint8

const (
	// Inline takes the element's text as it stands.
	Inline Edge = iota
	// Spaced takes it with a space on either side (a line break, a cell).
	Spaced
	// Skip leaves the element and all below it out.
	Skip
)

// Gather returns the text of n's subtree as it stands (not collapsed),
// asking edge how to take each element; a nil edge takes each inline.
//
// The text of a lone text node (or of one piece among empty ones) is
// returned as it is, with no copy (Joiner): most paragraphs are one.
func Gather(n *html.Node, edge func(*html.Node) Edge) string {
	var j Joiner
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				j.Add(c.Data)
			case html.ElementNode:
				e := Inline
				if edge != nil {
					e = edge(c)
				}
				switch e {
				case Inline:
					walk(c)
				case Spaced:
					j.Add(" ")
					walk(c)
					j.Add(" ")
				}
			}
		}
	}
	walk(n)
	return j.String()
}

// Joiner joins pieces of text into one string and copies nothing while
// it holds one piece, and allocates once for up to eight: a builder per
// call, grown as it went, was the largest share of what the spam walk
// allocated, and most paragraphs are one text node or a few. The zero
// Joiner is empty and ready.
type Joiner struct {
	pieces [8]string // the pieces so far, while they fit
	n      int       // how many of pieces hold one
	b      strings.Builder
	many   bool // b holds the pieces
}

// Add appends s.
func (j *Joiner) Add(s string) {
	switch {
	case s == "":
	case j.many:
		j.b.WriteString(s)
	case j.n < len(j.pieces):
		j.pieces[j.n] = s
		j.n++
	default:
		j.build(len(s))
		j.b.WriteString(s)
	}
}

// build moves the pieces into b, with room for more bytes besides.
func (j *Joiner) build(more int) {
	size := more
	for _, p := range j.pieces[:j.n] {
		size += len(p)
	}
	j.b.Grow(size)
	for _, p := range j.pieces[:j.n] {
		j.b.WriteString(p)
	}
	j.many = true
}

// String returns the pieces joined.
func (j *Joiner) String() string {
	switch {
	case j.many:
	case j.n == 0:
		return ""
	case j.n == 1:
		return j.pieces[0]
	default:
		j.build(0)
	}
	return j.b.String()
}

// CutText removes the bytes [from, to) of the text Gather(n, edge)
// returns from n's subtree: text nodes are shortened, and elements whose
// text lay wholly in the cut go with it (an emphasis or a link inside the
// cut run). The text outside the range, and its markup, stay.
func CutText(n *html.Node, edge func(*html.Node) Edge, from, to int) {
	off := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			switch c.Type {
			case html.TextNode:
				start := off
				off += len(c.Data)
				if off > from && start < to {
					lo, hi := max(from, start)-start, min(to, off)-start
					if c.Data = c.Data[:lo] + c.Data[hi:]; c.Data == "" {
						n.RemoveChild(c)
					}
				}
			case html.ElementNode:
				e := Inline
				if edge != nil {
					e = edge(c)
				}
				if e == Skip {
					break
				}
				if e == Spaced {
					off++
				}
				start := off
				walk(c)
				if off > start && start >= from && off <= to {
					n.RemoveChild(c)
				}
				if e == Spaced {
					off++
				}
			}
			c = next
		}
	}
	walk(n)
}

// CountElements returns the number of nodes in n and its element
// descendants (n counted whatever its type): the size to give a slice or map
// that holds an entry per element of the tree, so that it need not grow.
func CountElements(n *html.Node) int {
	k := 1
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			k += CountElements(c)
		}
	}
	return k
}

// minDisclosureWords is how many words a button needs to be read as the
// question or title of what it opens ("Where can I leave my luggage?"),
// not as a control ("Menu", "Show more", "Need help?").
const minDisclosureWords = 3

// IsDisclosure reports whether n is a button worded as the question or
// title of a part of the page it opens: an FAQ's question, an accordion's
// section title. A reader sees it as text, not as a control. It is a button
// of minDisclosureWords words or more that holds a heading, ends with a
// question mark (of any script), or opens a panel (aria-expanded,
// aria-controls, a collapse toggle).
func IsDisclosure(n *html.Node) bool {
	if n.DataAtom != atom.Button {
		return false
	}
	t := strings.TrimSpace(Text(n))
	if len(strings.Fields(t)) < minDisclosureWords {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(t); r == '?' || r == '\uff1f' || r == '\u061f' || r == '\u037e' {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "aria-expanded", "aria-controls":
			return true
		case "data-toggle", "data-bs-toggle":
			if a.Val == "collapse" {
				return true
			}
		}
	}
	for d := range n.Descendants() {
		if IsHeading(d.DataAtom) {
			return d.Type == html.ElementNode
		}
	}
	return false
}

// IsHeading reports the atoms of the six heading elements, h1 to h6.
func IsHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// Parts returns the outermost elements of n's subtree (n aside) that part
// reports, and the text outside them, each text node followed by a space
// (scripts and styles left out): what a block is made of, and what it
// says between them.
func Parts(n *html.Node, part func(*html.Node) bool) (parts []*html.Node, rest string) {
	var b strings.Builder
	var walk func(c *html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			switch {
			case k.Type == html.TextNode:
				b.WriteString(k.Data)
				b.WriteByte(' ')
			case k.Type != html.ElementNode || k.DataAtom == atom.Script || k.DataAtom == atom.Style:
			case part(k):
				parts = append(parts, k)
			default:
				walk(k)
			}
		}
	}
	walk(n)
	return parts, b.String()
}

// NextElement returns the element after n among its siblings, or nil.
func NextElement(n *html.Node) *html.Node {
	for n = n.NextSibling; n != nil && n.Type != html.ElementNode; n = n.NextSibling {
	}
	return n
}

// PrevElement returns the element before n among its siblings, or nil.
func PrevElement(n *html.Node) *html.Node {
	for n = n.PrevSibling; n != nil && n.Type != html.ElementNode; n = n.PrevSibling {
	}
	return n
}

// ElementText returns the text nodes of n, a space before each element
// and scripts, styles, noscript and templates left out: the words of two
// elements never run together, and the text is not collapsed.
func ElementText(n *html.Node) string {
	var b strings.Builder
	b.Grow(elementText(n, nil)) // a page's text is large: one buffer of its size, not a doubling series
	elementText(n, &b)
	return b.String()
}

// FirstText returns the text of root's first element a (First), or ""
// when it has none.
func FirstText(root *html.Node, a atom.Atom) string {
	if n := First(root, a); n != nil {
		return ElementText(n)
	}
	return ""
}

// elementText writes n's text as ElementText reads it to b (when not nil)
// and returns its length in bytes.
func elementText(n *html.Node, b *strings.Builder) int {
	switch n.Type {
	case html.TextNode:
		if b != nil {
			b.WriteString(n.Data)
		}
		return len(n.Data)
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template:
			return 0
		}
		if b != nil {
			b.WriteByte(' ')
		}
	}
	size := 0
	if n.Type == html.ElementNode {
		size = 1
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		size += elementText(c, b)
	}
	return size
}
