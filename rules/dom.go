package rules

import (
	"context"
	"strings"

	"github.com/winnowhq/winnow/internal/litscan"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/spam"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ApplyDOM runs the rules of stage (StageDOM on the page, StageArticle on the
// extracted article) whose scope covers page on doc, in order, removing what
// they match. Every removal is recorded in t (which may be nil).
func (s *Set) ApplyDOM(doc *html.Node, stage Stage, page Page, t *Trace) {
	_ = s.ApplyDOMContext(context.Background(), doc, stage, page, t, nil)
}

// ApplyDOMContext is ApplyDOM with the page's spam analysis already made
// (by the caller, who also wants the page verdict; nil makes it when a
// spam-score rule first needs it), stopping with ctx's error, between rules,
// once ctx is done; doc is then left partly cleaned.
func (s *Set) ApplyDOMContext(ctx context.Context, doc *html.Node, stage Stage, page Page, t *Trace, an *spam.Analysis) error {
	var kept map[*html.Node]bool
	var all []*html.Node // every element in document order, gathered once: one walk serves every rule
	var lens []int       // text bytes per element of all, for word caps
	texts := elemTexts{} // element texts, shared by the rules
	lits := s.literals()
	for ri, r := range s.Rules() {
		if r.Stage != stage || !r.appliesTo(page) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if all == nil {
			all, lens = indexElements(doc)
		}
		if r.spamScore > 0 && an == nil {
			an = s.Spam().Analyze(doc, page.Host)
		}
		for i, n := range all {
			if r.selector != nil && (!r.subjects.Candidate(n) || !r.subjects.Exact() && !r.selector.Match(n)) {
				continue
			}
			// An upper bound (removals only shorten text): far too long for
			// the cap means no match, without reading the text.
			if r.maxWords > 0 && lens[i] > (r.maxWords+1)*48 {
				continue
			}
			var score *spam.Score
			if r.spamScore > 0 {
				if score = an.Score(n); score == nil || score.Value < r.spamScore {
					continue
				}
			}
			if !attached(n, doc) || protected(n, kept) || !domMatches(r, n, texts, lits, ri) {
				continue
			}
			switch r.Action {
			case ActionKeep:
				if kept == nil {
					kept = map[*html.Node]bool{}
				}
				kept[n] = true
			case ActionRemove:
				if t.count(r) {
					t.add(r, nodePath(n), nodeText(n))
					t.scored(score)
				}
				texts.changed(n)
				n.Parent.RemoveChild(n)
			case ActionCutAfter:
				parent := n.Parent
				for c := n; c != nil; {
					next := c.NextSibling
					if c != n && r.spareProse > 0 && holdsProse(c, r.spareProse) {
						break // a marker inside an article: its teasers go, the article stays
					}
					if !kept[c] {
						if t.count(r) {
							t.add(r, nodePath(c), nodeText(c))
						}
						texts.changed(c)
						parent.RemoveChild(c)
					}
					c = next
				}
			}
		}
	}
	return nil
}

// holdsProse reports whether n is, or holds, a paragraph (p, li,
// blockquote, dd) of at least words words with at most a fifth of them
// inside links.
func holdsProse(n *html.Node, words int) bool {
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
	total := textnorm.Words(nodeText(n))
	if total < words {
		return false
	}
	linked := 0
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.A {
			linked += textnorm.Words(nodeText(d))
		}
	}
	return linked*5 <= total
}

// attached reports whether n is still in doc (no removed ancestor).
func attached(n, doc *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == doc {
			return true
		}
	}
	return false
}

func protected(n *html.Node, kept map[*html.Node]bool) bool {
	if kept == nil {
		return false
	}
	for ; n != nil; n = n.Parent {
		if kept[n] {
			return true
		}
	}
	return false
}

// indexElements returns doc's elements in document order and the bytes of
// text each holds (script, style, noscript and template aside), in one walk.
func indexElements(doc *html.Node) ([]*html.Node, []int) {
	var all []*html.Node
	var lens []int
	var walk func(n *html.Node) int
	walk = func(n *html.Node) int {
		i := -1
		switch n.Type {
		case html.TextNode:
			return len(n.Data)
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				all = append(all, n)
				lens = append(lens, 0)
				// Their elements still count as elements to match.
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				return 0
			}
			i = len(all)
			all = append(all, n)
			lens = append(lens, 0)
		}
		total := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			total += walk(c)
		}
		if i >= 0 {
			lens[i] = total
		}
		return total
	}
	walk(doc)
	return all, lens
}

// classHas reports whether n's class or id attribute holds one of the
// literals in want, ignoring case.
func classHas(n *html.Node, m *litscan.Matcher, want litscan.Hits) bool {
	for _, a := range n.Attr {
		if (a.Key != "class" && a.Key != "id") || a.Val == "" {
			continue
		}
		if m.ScanAny(litscan.Fold(a.Val), want) {
			return true
		}
	}
	return false
}

func domMatches(r *Rule, n *html.Node, texts elemTexts, lits *setLits, ri int) bool {
	for _, t := range r.notTags {
		if n.Data == t {
			return false
		}
	}
	if len(r.class) > 0 && !classHas(n, lits.m, lits.classSet[ri]) {
		return false
	}
	if r.hidden && !IsHidden(n) {
		return false
	}
	if r.teasers > 0 && !isTeaserList(n, r.teasers) {
		return false
	}
	if (r.href != nil || r.hrefHost != nil) && !hasHref(n, r, lits.m, lits.hrefSet[ri]) {
		return false
	}
	needText := r.text != nil || r.notText != nil || r.minWords > 0 || r.maxWords > 0 || r.minLinkDens > 0
	if !needText && r.minLinks == 0 {
		return true
	}
	// With a word cap, stop gathering text well past it: a heading rule must
	// not read the whole text of every div on the page.
	limit := 0
	if r.maxWords > 0 {
		limit = (r.maxWords + 1) * 64
	}
	et := texts.get(n, limit)
	if et == nil {
		return false // longer than limit
	}
	if r.minLinks > 0 && et.links < r.minLinks {
		return false
	}
	if !needText {
		return true
	}
	if r.minWords > 0 || r.maxWords > 0 {
		w := et.wordCount()
		if w < r.minWords || (r.maxWords > 0 && w > r.maxWords) {
			return false
		}
	}
	if r.minLinkDens > 0 {
		if et.chars == 0 || float64(et.linkChars)/float64(et.chars) < r.minLinkDens {
			return false
		}
	}
	if len(r.contains) > 0 {
		if et.hits == nil {
			et.hits = lits.m.Scan(litscan.Fold(et.text))
		}
		if !et.hits.Any(lits.contains[ri]) {
			return false
		}
	}
	return r.textMatches(et.text)
}

// elemText is what the text matchers read of one element.
type elemText struct {
	text                    string       // visible text, collapsed
	hits                    litscan.Hits // literals found in the lower-cased text, once asked for
	words                   int          // -1 until counted
	chars, linkChars, links int
	cut                     int // > 0: text is only known to be longer than this
}

func (e *elemText) wordCount() int {
	if e.words < 0 {
		e.words = textnorm.Words(e.text)
	}
	return e.words
}

// elemTexts measures each element's text at most once per DOM stage, for
// all the rules that read it; a removal drops the entries of the removed
// node's ancestors, whose text it changes.
type elemTexts map[*html.Node]*elemText

// get returns n's text, or nil when limit > 0 and the text is longer.
func (c elemTexts) get(n *html.Node, limit int) *elemText {
	e := c[n]
	if e != nil && e.cut > 0 {
		if limit > 0 && limit <= e.cut {
			return nil
		}
		e = nil // measured with a smaller limit: measure again
	}
	if e == nil {
		st := measure(n, limit)
		e = &elemText{text: st.text.String(), words: -1, chars: st.chars, linkChars: st.linkChars, links: st.links}
		if st.truncated {
			e.text, e.cut = "", limit
		}
		c[n] = e
	}
	if e.cut > 0 || (limit > 0 && len(e.text) > limit) {
		return nil
	}
	return e
}

// changed drops the entries of n's ancestors: call it before removing n.
func (c elemTexts) changed(n *html.Node) {
	for p := n.Parent; p != nil; p = p.Parent {
		delete(c, p)
	}
}

func hasHref(n *html.Node, r *Rule, m *litscan.Matcher, want litscan.Hits) bool {
	if n.DataAtom == atom.A && hrefMatches(r, attr(n, "href"), m, want) {
		return true
	}
	for d := range n.Descendants() {
		if d.DataAtom == atom.A && hrefMatches(r, attr(d, "href"), m, want) {
			return true
		}
	}
	return false
}

func hrefMatches(r *Rule, href string, m *litscan.Matcher, want litscan.Hits) bool {
	if want != nil && !m.ScanAny(litscan.Fold(href), want) {
		return false
	}
	if r.href != nil && !r.href.MatchString(href) {
		return false
	}
	return r.hrefHost == nil || r.hrefHost.MatchString(linkHost(href))
}

// linkHost returns the host of an absolute or scheme-relative link, or "".
// Hand-cut rather than url.Parse: it runs on every link of every page.
func linkHost(href string) string {
	i := strings.Index(href, "//")
	if i < 0 || strings.IndexByte(href[:i], '/') >= 0 {
		return ""
	}
	h := href[i+2:]
	if j := strings.IndexAny(h, "/?#"); j >= 0 {
		h = h[:j]
	}
	if j := strings.LastIndexByte(h, '@'); j >= 0 {
		h = h[j+1:]
	}
	return strings.ToLower(h)
}

type textStats struct {
	text             textnorm.Collapser // the visible text, collapsed
	chars, linkChars int
	links            int
	truncated        bool
}

// measure gathers an element's text, its length, the length inside links and
// the number of links, in one walk. With limit > 0 it stops once the text
// passes limit bytes and sets truncated.
func measure(n *html.Node, limit int) *textStats {
	st := &textStats{}
	st.text.Grow(64)
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if st.truncated {
			return
		}
		if limit > 0 && st.text.Len() > limit {
			st.truncated = true
			return
		}
		switch n.Type {
		case html.TextNode:
			st.text.WriteString(n.Data)
			c := len(strings.TrimSpace(n.Data))
			st.chars += c
			if inLink {
				st.linkChars += c
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.A:
				st.links++
				inLink = true
			}
			if isBlock(n.DataAtom) {
				st.text.Space()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return st
}

// maxTeaserWords caps the words of one teaser card.
const maxTeaserWords = 60

// isTeaserList reports whether n lists teasers: at least min element
// children with the same tag, each holding a link and at most maxTeaserWords
// words, with a fair share (a quarter) of each child's text inside links.
// Article paragraphs that cite a link carry far less link text than that.
func isTeaserList(n *html.Node, min int) bool {
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
		st := measure(c, (maxTeaserWords+1)*12)
		if st.truncated || st.links == 0 || st.chars == 0 || st.linkChars*4 < st.chars {
			return false
		}
		if textnorm.Words(st.text.String()) > maxTeaserWords {
			return false
		}
	}
	return true
}

// nodeText returns the visible text of n, blocks separated by spaces.
func nodeText(n *html.Node) string {
	return measure(n, 0).text.String()
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

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// nodePath names an element for traces: tag, id and first classes of it and
// its two nearest ancestors.
func nodePath(n *html.Node) string {
	var parts []string
	for d := 0; n != nil && n.Type == html.ElementNode && d < 3; d++ {
		s := n.Data
		if id := attr(n, "id"); id != "" {
			s += "#" + id
		}
		if cl := strings.Fields(attr(n, "class")); len(cl) > 0 {
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
	decl := parseStyle(style)
	switch {
	case decl["display"] == "none", decl["visibility"] == "hidden", decl["visibility"] == "collapse":
		return true
	case isZero(decl["font-size"]):
		return true
	case isFarOff(decl["left"]) || isFarOff(decl["top"]) || isFarOff(decl["text-indent"]) ||
		isFarOff(decl["margin-left"]) || isFarOff(decl["right"]):
		return true
	case decl["overflow"] == "hidden" && (isZero(decl["height"]) || isZero(decl["width"])):
		return true
	}
	return false
}

// parseStyle reads an inline style into lower-case property: value pairs,
// !important dropped. Hand-written: a full CSS parser is not needed to read
// the handful of properties that hide text.
func parseStyle(s string) map[string]string {
	m := map[string]string{}
	for _, d := range strings.Split(s, ";") {
		k, v, ok := strings.Cut(d, ":")
		if !ok {
			continue
		}
		v = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important")))
		m[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
	}
	return m
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
