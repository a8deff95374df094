package rules

import (
	"sync"

	"github.com/winnowhq/winnow/internal/litscan"
)

// setLits is a set's literal matcher and, per rule position, the ids of each
// rule's literal lists (class and href-contains as bit sets, for ScanAny).
// The rules' prefilters (contains, class, href-contains) are literal lists;
// checked one strings.Contains at a time they cost more than the regexes
// they guard, since every block and element meets dozens of them.
type setLits struct {
	m                 *litscan.Matcher
	contains          [][]int
	classSet, hrefSet []litscan.Hits
}

// literals returns s's literal matcher, built on first use; nil for a nil
// set, which has no rules to ask for it.
func (s *Set) literals() *setLits {
	if s == nil {
		return nil
	}
	s.litsOnce.Do(func() {
		var b litscan.Builder
		sl := &setLits{
			contains: make([][]int, len(s.rules)),
			classSet: make([]litscan.Hits, len(s.rules)),
			hrefSet:  make([]litscan.Hits, len(s.rules)),
		}
		class, hrefs := make([][]int, len(s.rules)), make([][]int, len(s.rules))
		for i, r := range s.rules {
			sl.contains[i] = b.IDs(r.match.text.contains)
			class[i] = b.IDs(r.match.elem.class)
			hrefs[i] = b.IDs(r.match.href.lits)
		}
		sl.m = b.Build()
		for i := range s.rules {
			sl.classSet[i], sl.hrefSet[i] = litscan.NewHits(b.Len(), class[i]), litscan.NewHits(b.Len(), hrefs[i])
		}
		s.lits = sl
	})
	return s.lits
}

// litsOnce and lits are the lazily built literal matcher of a Set.
type litsState struct {
	litsOnce sync.Once
	lits     *setLits
}
