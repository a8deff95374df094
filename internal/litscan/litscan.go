// Package litscan finds which of a fixed set of literals occur in a text,
// in one pass over its bytes.
package litscan

import "strings"

// Matcher finds which of a fixed set of literals occur in a text, in one
// pass over its bytes: an Aho-Corasick automaton compiled to a DFA over byte
// classes. The rules' prefilters (contains, class, href-contains) are literal
// lists; checked one strings.Contains at a time they cost more than the
// regexes they guard, since every block and element meets dozens of them.
//
// Written here rather than taken from a module: the Go implementations on
// the module proxy either keep two 256-pointer arrays per trie node (about
// 4 KB a node, megabytes for our 1,700 literal bytes), report only
// non-overlapping matches (a prefilter needs every literal that occurs), or
// are unmaintained. This one is a plain table, built once per rule set.
type Matcher struct {
	class  [256]uint16 // byte -> byte class; 0 for bytes in no literal
	nclass int
	out    [][]int // state -> ids of the literals that end there (suffixes included)
	n      int     // literals
	// delta is the transition table, state*nclass + class -> the target
	// state's row offset (state*nclass), negated when literals end there.
	delta []int32
}

// New compiles lits, which must not hold upper-case ASCII
// letters (rule literals are lower-cased when loaded); a literal's id is its
// index. Empty literals match nothing. Upper-case ASCII in a scanned text
// matches as lower case, so that ASCII text needs no lower-casing first.
func New(lits []string) *Matcher {
	m := &Matcher{n: len(lits)}
	for _, l := range lits {
		for i := 0; i < len(l); i++ {
			if m.class[l[i]] == 0 {
				m.nclass++
				m.class[l[i]] = uint16(m.nclass)
			}
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		m.class[c] = m.class[c+'a'-'A']
	}
	m.nclass++ // class 0: any other byte
	// The trie, as the DFA's table with -1 for "no edge yet".
	next := make([]int32, m.nclass) // the DFA, state*nclass + class -> state
	for i := range next {
		next[i] = -1
	}
	m.out = [][]int{nil}
	for id, l := range lits {
		if l == "" {
			continue
		}
		s := int32(0)
		for i := 0; i < len(l); i++ {
			c := int32(m.class[l[i]])
			if next[s*int32(m.nclass)+c] < 0 {
				next[s*int32(m.nclass)+c] = int32(len(m.out))
				m.out = append(m.out, nil)
				for range m.nclass {
					next = append(next, -1)
				}
			}
			s = next[s*int32(m.nclass)+c]
		}
		m.out[s] = append(m.out[s], id)
	}
	// Breadth-first: fail links, then missing edges filled from the fail
	// state's, and outputs inherited along fail links.
	fail := make([]int32, len(m.out))
	queue := make([]int32, 0, len(m.out))
	nc := int32(m.nclass)
	for c := range nc {
		if t := next[c]; t < 0 {
			next[c] = 0
		} else {
			queue = append(queue, t) // fail[t] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		m.out[s] = append(m.out[s], m.out[fail[s]]...)
		for c := range nc {
			t := next[s*nc+c]
			if t < 0 {
				next[s*nc+c] = next[fail[s]*nc+c]
				continue
			}
			fail[t] = next[fail[s]*nc+c]
			queue = append(queue, t)
		}
	}
	for i, t := range next { // in place: next becomes delta
		next[i] = t * nc
		if len(m.out[t]) > 0 {
			next[i] = -t*nc - 1
		}
	}
	m.delta = next
	return m
}

// Hits is a bit set of literal ids.
type Hits []uint64

func (h Hits) Has(id int) bool { return h[id>>6]&(1<<(id&63)) != 0 }

// any reports whether one of ids is in h.
func (h Hits) Any(ids []int) bool {
	for _, id := range ids {
		if h.Has(id) {
			return true
		}
	}
	return false
}

// Fold prepares a text for scanning: ASCII text as it is (the
// automaton folds ASCII case), other text lower-cased by Unicode rules.
func Fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// ScanAny reports whether s holds one of the literals in want, stopping at
// the first.
func (m *Matcher) ScanAny(s string, want Hits) bool { return m.scanAny(s, want, false) }

// Scan returns the ids of the literals occurring in s (see Fold).
func (m *Matcher) Scan(s string) Hits { return m.scan(s, false) }

// ScanAnyFold is ScanAny(Fold(s), want) in one pass over ASCII text: the
// scan reads s as it is and starts again on the lower-cased text only at
// the first non-ASCII byte. What it found before that byte it would find
// in the lower-cased text too (lower-casing leaves ASCII as the automaton
// reads it), so the answer is the same. Fold's pass before the scan was
// half the cost of the class tests on every element.
func (m *Matcher) ScanAnyFold(s string, want Hits) bool { return m.scanAny(s, want, true) }

// ScanFold is Scan(Fold(s)) in one pass over ASCII text (see ScanAnyFold):
// at the first non-ASCII byte the hits so far are dropped and the
// lower-cased text is scanned whole.
func (m *Matcher) ScanFold(s string) Hits { return m.scan(s, true) }

// scanAny runs the automaton over s for ScanAny and, when fold, ScanAnyFold.
func (m *Matcher) scanAny(s string, want Hits, fold bool) bool {
	row, nc := int32(0), int32(m.nclass)
	delta, class := m.delta, &m.class
	for i := 0; i < len(s); i++ {
		c := s[i]
		if fold && c >= 0x80 {
			return m.scanAny(strings.ToLower(s), want, false)
		}
		row = delta[row+int32(class[c])]
		if row < 0 { // literals end here: rare
			row = -row - 1
			for _, id := range m.out[row/nc] {
				if want.Has(id) {
					return true
				}
			}
		}
	}
	return false
}

// scan runs the automaton over s for Scan and, when fold, ScanFold.
func (m *Matcher) scan(s string, fold bool) Hits {
	h := make(Hits, (m.n+63)/64)
	row, nc := int32(0), int32(m.nclass)
	delta, class := m.delta, &m.class
	for i := 0; i < len(s); i++ {
		c := s[i]
		if fold && c >= 0x80 {
			return m.scan(strings.ToLower(s), false)
		}
		row = delta[row+int32(class[c])]
		if row < 0 { // literals end here: rare
			row = -row - 1
			for _, id := range m.out[row/nc] {
				h[id>>6] |= 1 << (id & 63)
			}
		}
	}
	return h
}

// Builder gives literals ids, the same literal the same id, and compiles
// the literals it has seen into a Matcher.
type Builder struct {
	ids  map[string]int
	lits []string
}

// IDs returns the ids of list, giving new literals the next ids.
func (b *Builder) IDs(list []string) []int {
	if b.ids == nil {
		b.ids = map[string]int{}
	}
	out := make([]int, len(list))
	for i, l := range list {
		id, ok := b.ids[l]
		if !ok {
			id = len(b.lits)
			b.ids[l] = id
			b.lits = append(b.lits, l)
		}
		out[i] = id
	}
	return out
}

// Build compiles the literals given so far (see New).
func (b *Builder) Build() *Matcher { return New(b.lits) }

// Len returns the number of distinct literals given so far.
func (b *Builder) Len() int { return len(b.lits) }

// NewHits returns the set of ids among n literals; nil when ids is empty.
func NewHits(n int, ids []int) Hits {
	if len(ids) == 0 {
		return nil
	}
	h := make(Hits, (n+63)/64)
	for _, id := range ids {
		h[id>>6] |= 1 << (id & 63)
	}
	return h
}

// Words finds whether any of a fixed list of lower-case words occurs in a
// string, upper case matching as lower case: what a class or id test asks of
// every element. ASCII is scanned once for all the words, as it is; other
// text is lower-cased by Unicode rules first (Fold).
type Words struct {
	m   *Matcher
	all Hits
}

// NewWords compiles words, which must not hold upper-case ASCII letters.
func NewWords(words []string) *Words {
	ids := make([]int, len(words))
	for i := range ids {
		ids[i] = i
	}
	return &Words{m: New(words), all: NewHits(len(words), ids)}
}

// In reports whether s holds one of the words.
func (w *Words) In(s string) bool { return w.m.ScanAnyFold(s, w.all) }
