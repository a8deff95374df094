// Package anchor reads a link: its host and path, and where it sits in its
// paragraph (glued to the start or end of real prose, after a finished
// sentence, inside a sentence as a citation is).
package anchor

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/fold"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Placement is where a link sits in its block.
type Placement int

// Placements.
const (
	Apart            Placement = iota // none of the below: a link of its own, a list item, a menu entry
	GluedEnd                          // at the very end of a real paragraph
	GluedStart                        // at the very start of a real paragraph
	AfterSentence                     // at the end, after a finished sentence
	BetweenSentences                  // after a finished sentence, with more text after it
	Inline                            // inside a sentence, as a citation is
)

var placementNames = [...]string{"", "glued-end", "glued-start", "after-sentence", "between-sentences", "inline"}

func (p Placement) String() string { return placementNames[p] }

// Glued reports a link stuck to real prose rather than part of it.
func (p Placement) Glued() bool { return p >= GluedEnd && p <= BetweenSentences }

// Place says where link a sits in its block: glued to the end or the
// start of a real paragraph (ten words or more of text outside it, and
// nothing but spaces and marks between it and the block's edge; at the end,
// AfterSentence when a finished sentence precedes it), inside a sentence
// (words before it and after it), or neither.
func Place(a *html.Node) Placement {
	before, after, ok := around(a)
	if !ok {
		return Apart
	}
	bw, aw := fold.CountWordsUpTo(before, 10), fold.CountWordsUpTo(after, 10) // ten words is the most the cases below ask
	switch {
	case bw >= 10 && aw == 0 && afterSentence(before):
		return AfterSentence
	case bw >= 10 && aw == 0:
		return GluedEnd
	case aw >= 10 && bw == 0:
		return GluedStart
	case bw >= 3 && aw >= 1 && afterSentence(before):
		return BetweenSentences // set between two sentences, not part of one
	case bw >= 3 && aw >= 1:
		return Inline
	}
	return Apart
}

// around returns the text of link a's block before and after it (other
// links left out), and false when a sits in no block.
func around(a *html.Node) (string, string, bool) {
	blk := a.Parent
	for blk != nil && blk.Type == html.ElementNode && !isUnitBlock(blk.DataAtom) {
		blk = blk.Parent
	}
	if blk == nil || blk.Type != html.ElementNode {
		return "", "", false
	}
	var before, after domtext.Joiner
	seen := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n == a {
			seen = true
			return
		}
		switch n.Type {
		case html.TextNode:
			if seen {
				after.Add(n.Data)
			} else {
				before.Add(n.Data)
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript:
				return
			case atom.A:
				// Other links are not the paragraph's prose: a row of
				// spam anchors is glued to it as one.
				if seen {
					after.Add(" ")
				} else {
					before.Add(" ")
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(blk)
	return before.String(), after.String(), true
}

// Mentioned reports a link whose folded words (ft) the prose of its block
// names too: a product or project linked where the paragraph talks about
// it ("... ships with ICU4X" and a link on ICU4X), not a code stuck to a
// paragraph it has nothing to do with.
func Mentioned(a *html.Node, ft string) bool {
	before, after, ok := around(a)
	if !ok {
		return false
	}
	prose := map[string]bool{}
	for _, s := range []string{before, after} {
		for w := range fold.Words(fold.Fold(s)) {
			prose[w] = true
		}
	}
	for w := range fold.Words(ft) {
		if len(w) >= 3 && prose[w] {
			return true
		}
	}
	return false
}

// afterSentence reports text that ends a sentence and then, at most, a
// separator: "... the minister said. ", "...reward. → ", "...2027. (". A
// link placed there is appended to a finished paragraph, not part of it.
func afterSentence(s string) bool {
	s = strings.TrimRight(s, " \t\n\u00a0-–—|(→»:")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '。', '！', '？', '"', '”', '’', ')', '」':
		return true
	}
	return false
}

func isUnitBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Td, atom.Th, atom.Dd, atom.Blockquote, atom.Section, atom.Article,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Figcaption, atom.Body:
		return true
	}
	return false
}

// Host returns the lower-case host of an absolute or scheme-relative
// link, without port, or "": domtext.LinkHost with the port cut off, so
// that a brand host is compared by name alone.
func Host(href string) string {
	h := domtext.LinkHost(href)
	if j := strings.LastIndexByte(h, ':'); j >= 0 && !strings.Contains(h[j:], "]") {
		h = h[:j]
	}
	return h
}

// Target returns where a redirect link leads: the absolute URL that its
// query or fragment carries as a parameter value (out?url=https%3A%2F%2F...,
// /l.php?u=..., #go=//...), decoded, or "" when the link carries none. A
// tracking redirector hides the link's real host behind its own; spam
// and affiliate links use them as often as ordinary sites do for their
// outbound links, so the target, not the redirector, is the link's host.
func Target(href string) string {
	i := strings.IndexAny(href, "?#")
	if i < 0 || !strings.Contains(href[i:], "//") && !strings.Contains(href[i:], "%2") {
		return ""
	}
	for _, kv := range strings.FieldsFunc(href[i+1:], func(r rune) bool { return r == '&' || r == ';' || r == '?' || r == '#' }) {
		_, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		// Encoded once or twice (a redirector behind a redirector).
		for range 2 {
			if d, err := url.QueryUnescape(v); err == nil {
				v = d
			}
		}
		if l := strings.ToLower(v); strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "//") {
			if Host(v) != "" {
				return v
			}
		}
	}
	return ""
}

// Sponsored reports a link its page declares as paid: rel="sponsored",
// the mark search engines ask of advertising and affiliate links. Spam
// injected into a page is there for the ranking a link passes, which a
// link so marked gives up.
func Sponsored(a *html.Node) bool {
	for f := range strings.FieldsSeq(strings.ToLower(domtext.Attr(a, "rel"))) {
		if f == "sponsored" {
			return true
		}
	}
	return false
}

// PathQuery returns the path and query of a link.
func PathQuery(href string) string {
	if i := strings.Index(href, "//"); i >= 0 {
		href = href[i+2:]
		if j := strings.IndexAny(href, "/?"); j >= 0 {
			href = href[j:]
		} else {
			return ""
		}
	}
	if j := strings.IndexByte(href, '#'); j >= 0 {
		href = href[:j]
	}
	return href
}

// LazyPlace is Place(A), read once, when first asked for.
type LazyPlace struct {
	A     *html.Node
	where Placement
	read  bool
}

// Get returns Place(A), reading it the first time.
func (l *LazyPlace) Get() Placement {
	if !l.read {
		l.where, l.read = Place(l.A), true
	}
	return l.where
}
