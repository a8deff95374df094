package rules

import (
	"regexp"
	"strings"

	"github.com/andybalholm/cascadia"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/litscan"
	"github.com/winnowhq/winnow/internal/subject"
	"github.com/winnowhq/winnow/internal/yamlpos"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// elemMatch matches an element by its name, attributes, markup and links
// (stages dom and article).
type elemMatch struct {
	selector    cascadia.Selector
	selectorSrc string
	subjects    subject.Filter // what an element needs for selector to match it
	class       []string       // lower-case substrings, one of which the class or id attribute holds
	notTags     []string       // element names never matched
	hidden      bool           // hidden by its own markup (domtext.IsHidden)
	teasers     int            // at least this many sibling children that each hold a link and little text
	minLinkDens float64        // at least this share of the text inside links
	minLinks    int
}

// hrefMatch matches an element that is, or holds, a link whose href
// matches (stages dom and article).
type hrefMatch struct {
	re   *regexp.Regexp // the href matches
	host *regexp.Regexp // the link's host matches
	lits []string       // lower-case literals one of which the href must hold first
}

func (h *hrefMatch) set() bool { return h.re != nil || h.host != nil }

// domMatches reports whether n matches every matcher of r but the
// selector and spam score, which the caller has applied. ri is r's
// position in the set, for its literal prefilters.
func domMatches(r *Rule, n *html.Node, texts elemTexts, lits *setLits, ri int) bool {
	em, tx := &r.match.elem, &r.match.text
	if !em.markupMatches(n, lits, ri) {
		return false
	}
	if r.match.href.set() && !r.match.href.holds(n, lits.m, lits.hrefSet[ri]) {
		return false
	}
	needText := tx.re != nil || tx.not != nil || tx.bounded() || em.minLinkDens > 0
	if !needText && em.minLinks == 0 {
		return true
	}
	// With a word cap, stop gathering text well past it: a heading rule must
	// not read the whole text of every div on the page.
	limit := 0
	if tx.maxWords > 0 {
		limit = (tx.maxWords + 1) * 64
	}
	et := texts.get(n, limit)
	if et == nil {
		return false // longer than limit
	}
	if em.minLinks > 0 && et.links < em.minLinks {
		return false
	}
	if !needText {
		return true
	}
	if tx.bounded() && !tx.wordsWithin(et.wordCount()) {
		return false
	}
	if em.minLinkDens > 0 {
		if et.chars == 0 || float64(et.linkChars)/float64(et.chars) < em.minLinkDens {
			return false
		}
	}
	if len(tx.contains) > 0 {
		if et.hits == nil {
			et.hits = lits.m.Scan(litscan.Fold(et.text))
		}
		if !et.hits.Any(lits.contains[ri]) {
			return false
		}
	}
	return tx.matches(et.text)
}

// markupMatches applies the matchers that read n's markup alone: not-tag,
// class, hidden and teasers.
func (em *elemMatch) markupMatches(n *html.Node, lits *setLits, ri int) bool {
	for _, t := range em.notTags {
		if n.Data == t {
			return false
		}
	}
	if len(em.class) > 0 && !classHas(n, lits.m, lits.classSet[ri]) {
		return false
	}
	if em.hidden && !domtext.IsHidden(n) {
		return false
	}
	return em.teasers == 0 || domtext.IsTeaserList(n, em.teasers)
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

// holds reports whether n is, or holds, a link h matches.
func (h *hrefMatch) holds(n *html.Node, m *litscan.Matcher, want litscan.Hits) bool {
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

func (h *hrefMatch) matches(href string, m *litscan.Matcher, want litscan.Hits) bool {
	if want != nil && !m.ScanAny(litscan.Fold(href), want) {
		return false
	}
	if h.re != nil && !h.re.MatchString(href) {
		return false
	}
	return h.host == nil || h.host.MatchString(domtext.LinkHost(href))
}

// elemFields are the match keys of an elemMatch.
func (p *parser) elemFields(em *elemMatch) yamlpos.Fields {
	return yamlpos.Fields{
		"selector": func(v *yaml.Node) {
			em.selectorSrc = p.String(v, "selector")
			sel, err := cascadia.Compile(em.selectorSrc)
			if err != nil {
				p.Errorf(v, "bad selector %q: %v", em.selectorSrc, err)
			}
			em.selector = sel
			em.subjects = subject.Read(em.selectorSrc)
		},
		"hidden":       p.flag(&em.hidden, "hidden"),
		"link-density": func(v *yaml.Node) { em.minLinkDens = p.Float(v, "link-density", 0, 1) },
		"min-links":    p.count(&em.minLinks, "min-links"),
		"class":        func(v *yaml.Node) { em.class = p.literals(v, "class") },
		"not-tag": func(v *yaml.Node) {
			for _, t := range p.Strings(v, "not-tag") {
				em.notTags = append(em.notTags, strings.ToLower(t))
			}
		},
		"teasers": p.count(&em.teasers, "teasers"),
	}
}

// hrefFields are the match keys of an hrefMatch.
func (p *parser) hrefFields(h *hrefMatch) yamlpos.Fields {
	return yamlpos.Fields{
		"href":          func(v *yaml.Node) { h.re = p.Regexp(v, "href") },
		"href-host":     func(v *yaml.Node) { h.host = p.Regexp(v, "href-host") },
		"href-contains": func(v *yaml.Node) { h.lits = p.literals(v, "href-contains") },
	}
}
