package engine

import (
	"github.com/winnowhq/winnow/internal/litscan"
)

// setLits is a program's literal matcher and, per rule position, the ids of
// each rule's literal lists (those it names, and those told from its text
// regex) (class and href-contains as bit sets, for
// ScanAny). The rules' prefilters (contains, class, href-contains) are
// literal lists; checked one strings.Contains at a time they cost more than
// the regexes they guard, since every block and element meets dozens of them.
type setLits struct {
	m                 *litscan.Matcher
	contains          [][]int
	classSet, hrefSet []litscan.Hits
	// classM matches the class literals alone (classSet's ids are its
	// own): a class attribute, met on every element, is scanned with an
	// automaton of a few states that stays in the cache, not with the
	// large one of every rule's literals.
	classM *litscan.Matcher
	// implied holds, per rule position, the literals told from the text
	// regex (rxhint.Literals): one must occur for the regex to match.
	implied [][]int
}

// literals returns p's literal matcher, built on first use; nil for a nil
// program, which has no rules to ask for it.
func (p *Program) literals() *setLits {
	if p == nil {
		return nil
	}
	p.litsOnce.Do(func() {
		var b, cb litscan.Builder
		sl := &setLits{
			contains: make([][]int, len(p.rules)),
			classSet: make([]litscan.Hits, len(p.rules)),
			hrefSet:  make([]litscan.Hits, len(p.rules)),
			implied:  make([][]int, len(p.rules)),
		}
		class, hrefs := make([][]int, len(p.rules)), make([][]int, len(p.rules))
		for i := range p.rules {
			m := &p.rules[i].Match
			sl.contains[i] = b.IDs(m.Text.Contains)
			sl.implied[i] = b.IDs(m.Text.Hint.Lits)
			class[i] = cb.IDs(m.Elem.Class)
			hrefs[i] = b.IDs(m.Href.Contains)
		}
		sl.m, sl.classM = b.Build(), cb.Build()
		for i := range p.rules {
			sl.classSet[i], sl.hrefSet[i] = litscan.NewHits(cb.Len(), class[i]), litscan.NewHits(b.Len(), hrefs[i])
		}
		p.lits = sl
	})
	return p.lits
}
