package spam

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// namesHost reports an anchor text that is a code (digits in it) and the
// name of the link's host: "W332" -> w332.club, "789555" -> 789555.asia,
// "six86.com" -> six86.com, "Tyga69" -> tyga690.vip.
func (m *Model) namesHost(ft string, hi hostInfo) bool {
	var all, bare strings.Builder // the words; the words less domain endings
	digits := false
	for tok := range words(ft) {
		all.WriteString(tok)
		if bare.Len() == 0 || !commonTLD[tok] && !m.tlds[tok] {
			bare.WriteString(tok) // "six86.com": six86
		}
		digits = digits || strings.IndexAny(tok, "0123456789") >= 0
	}
	name, _, _ := strings.Cut(hi.site, ".")
	name = strings.ReplaceAll(name, "-", "")
	return digits && all.Len() >= 3 && (sameCode(name, all.String()) || sameCode(name, bare.String()))
}

// sameCode reports a host name and an anchor code that are the same code,
// or one the other with a few characters more (tyga69 -> tyga690.vip).
func sameCode(name, code string) bool {
	if name == code {
		return true
	}
	short, long := name, code
	if len(short) > len(long) {
		short, long = long, short
	}
	return len(short) >= 4 && len(long)-len(short) <= 3 && strings.HasPrefix(long, short)
}

// placement says where a link sits in its block: glued to the end or the
// start of a real paragraph (ten words or more of text outside it, and
// nothing but spaces and marks between it and the block's edge; at the end,
// "after-sentence" when a finished sentence precedes it), inside a sentence
// (words before it and after it), or neither.
func placement(a *html.Node) string {
	blk := a.Parent
	for blk != nil && blk.Type == html.ElementNode && !isUnitBlock(blk.DataAtom) {
		blk = blk.Parent
	}
	if blk == nil || blk.Type != html.ElementNode {
		return ""
	}
	var before, after strings.Builder
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
				after.WriteString(n.Data)
			} else {
				before.WriteString(n.Data)
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
					after.WriteString(" ")
				} else {
					before.WriteString(" ")
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(blk)
	bw, aw := countWords(before.String()), countWords(after.String())
	switch {
	case bw >= 10 && aw == 0 && afterSentence(before.String()):
		return "after-sentence"
	case bw >= 10 && aw == 0:
		return "glued-end"
	case aw >= 10 && bw == 0:
		return "glued-start"
	case bw >= 3 && aw >= 1 && afterSentence(before.String()):
		return "between-sentences" // set between two sentences, not part of one
	case bw >= 3 && aw >= 1:
		return "inline"
	}
	return ""
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

// linkHost returns the lower-case host of an absolute or scheme-relative
// link, without port, or "".
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
	if j := strings.LastIndexByte(h, ':'); j >= 0 && !strings.Contains(h[j:], "]") {
		h = h[:j]
	}
	return strings.ToLower(h)
}

// pathQuery returns the path and query of a link.
func pathQuery(href string) string {
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
