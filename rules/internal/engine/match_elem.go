package engine

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/andybalholm/cascadia"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/elemtext"
	"github.com/winnowhq/winnow/internal/litscan"
	"github.com/winnowhq/winnow/internal/subject"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ElemMatch matches an element by its name, attributes, markup and links
// (stages dom and article).
type ElemMatch struct {
	Selector       cascadia.Selector
	SelectorSrc    string
	Subjects       subject.Filter // what an element needs for Selector to match it
	Class          []string       // lower-case substrings, one of which the class or id attribute holds
	NotTags        []string       // element names never matched
	Hidden         bool           // hidden by its own markup (domtext.IsHidden)
	Teasers        int            // at least this many sibling children that each hold a link and little text
	MinLinkDensity float64        // at least this share of the text inside links
	MinLinks       int
}

// HrefMatch matches an element that is, or holds, a link whose href
// matches (stages dom and article).
type HrefMatch struct {
	Re       *regexp.Regexp // the href matches
	Host     *regexp.Regexp // the link's host matches
	Contains []string       // lower-case literals one of which the href must hold first
}

func (h *HrefMatch) set() bool { return h.Re != nil || h.Host != nil }

// domMatches reports whether n matches every matcher of r but the
// selector and spam score, which the caller has applied. ri is r's
// position in the program, for its literal prefilters.
func domMatches(r *Rule, n *html.Node, texts *elemtext.Cache, lits *setLits, ri int) bool {
	em, tx := &r.Match.Elem, &r.Match.Text
	if !em.markupMatches(n, lits, ri) {
		return false
	}
	if r.Match.Href.set() && !r.Match.Href.holds(n, lits.m, lits.hrefSet[ri]) {
		return false
	}
	needText := tx.Re != nil || tx.Not != nil || tx.bounded() || em.MinLinkDensity > 0
	if !needText && em.MinLinks == 0 {
		return true
	}
	// With a word cap, stop gathering text well past it: a heading rule must
	// not read the whole text of every div on the page.
	limit := 0
	if tx.MaxWords > 0 {
		limit = (tx.MaxWords + 1) * 64
	}
	et := texts.Get(n, limit)
	if et == nil {
		return false // longer than limit
	}
	if em.MinLinks > 0 && et.Links < em.MinLinks {
		return false
	}
	if !needText {
		return true
	}
	if tx.bounded() && !tx.wordsWithin(et.Words()) {
		return false
	}
	if em.MinLinkDensity > 0 {
		if et.Chars == 0 || float64(et.LinkChars)/float64(et.Chars) < em.MinLinkDensity {
			return false
		}
	}
	if len(tx.Contains) > 0 || len(lits.implied[ri]) > 0 {
		if et.Hits == nil {
			et.Hits = lits.m.ScanFold(et.Text)
		}
		if len(tx.Contains) > 0 && !et.Hits.Any(lits.contains[ri]) || len(lits.implied[ri]) > 0 && !et.Hits.Any(lits.implied[ri]) {
			return false
		}
	}
	return tx.matches(et.Text)
}

// markupMatches applies the matchers that read n's markup alone: not-tag,
// class, hidden and teasers.
func (em *ElemMatch) markupMatches(n *html.Node, lits *setLits, ri int) bool {
	for _, t := range em.NotTags {
		if n.Data == t {
			return false
		}
	}
	if len(em.Class) > 0 && !classHas(n, lits.classM, lits.classSet[ri]) {
		return false
	}
	if em.Hidden && !domtext.IsHidden(n) {
		return false
	}
	return em.Teasers == 0 || domtext.IsTeaserList(n, em.Teasers)
}

// classHas reports whether n's class or id attribute holds one of the
// literals in want, ignoring case.
func classHas(n *html.Node, m *litscan.Matcher, want litscan.Hits) bool {
	for _, a := range n.Attr {
		if (a.Key != "class" && a.Key != "id") || a.Val == "" {
			continue
		}
		if m.ScanAnyFold(a.Val, want) && (a.Key == "class" || !anchorID(n, a.Val)) {
			return true
		}
	}
	return false
}

// anchorID reports whether id spells n's own text, as the anchors a page
// gives its headings do ("recommended-providers" on "Recommended
// Providers", "notes_1" on the second "Notes"): the id names the words of
// the heading, not the box it sits in, so the words do not mark furniture.
func anchorID(n *html.Node, id string) bool {
	iw := alnumRuns(id)
	tw := alnumRuns(domtext.AllText(n))
	if len(iw) == len(tw)+1 && isDigits(iw[len(iw)-1]) {
		iw = iw[:len(iw)-1] // a repeated heading's suffix
	}
	return len(tw) > 0 && slices.Equal(iw, tw)
}

// alnumRuns returns the runs of letters and digits of s, lower-cased.
func alnumRuns(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// holds reports whether n is, or holds, a link h matches.
func (h *HrefMatch) holds(n *html.Node, m *litscan.Matcher, want litscan.Hits) bool {
	if n.DataAtom == atom.A && h.matches(domtext.Attr(n, "href"), m, want) {
		return true
	}
	for d := range n.Descendants() {
		if d.DataAtom == atom.A && h.matches(domtext.Attr(d, "href"), m, want) {
			return true
		}
	}
	return false
}

func (h *HrefMatch) matches(href string, m *litscan.Matcher, want litscan.Hits) bool {
	if want != nil && !m.ScanAnyFold(href, want) {
		return false
	}
	if h.Re != nil && !h.Re.MatchString(href) {
		return false
	}
	return h.Host == nil || h.Host.MatchString(domtext.LinkHost(href))
}
