// Package litscan finds which of a fixed set of literals occur in a text,
// in one pass over its bytes.
package litscan

import "strings"

// Matcher finds which of a fixed set of literals occur in a text, in one
// pass over its bytes: an Aho-Corasick automaton over byte classes. The
// rules' prefilters (contains, class, href-contains) are literal lists;
// checked one strings.Contains at a time they cost more than the regexes
// they guard, since every block and element meets dozens of them. The spam
// lexicon's terms (package spam/terms) are found with it too, every
// occurrence with its place.
//
// Written here rather than taken from a module: the Go implementations on
// the module proxy either keep two 256-pointer arrays per trie node (about
// 4 KB a node, megabytes for our 1,700 literal bytes), report only
// non-overlapping matches (a prefilter needs every literal that occurs), or
// keep a full table row for every state (coregx/ahocorasick: 7.4 MB for
// the spam lexicon's automata, live for the whole run).
//
// The automaton is a table only where a table pays: the states near the
// root, which a text passes through at nearly every byte, and those with
// more than one child, have a row of the DFA (every state of a small
// automaton has one); every other state, the long
// tail of one literal, keeps its one edge and its fail link, and a byte
// that leaves the edge follows the fail link (see step): the same states
// and outputs in 0.74 MB instead of 7.4 for the spam lexicon, 0.15 MB
// instead of 1.1 for the rules' literals.
type Matcher struct {
	class  [256]uint16 // byte -> byte class; 0 for bytes in no literal
	nclass int
	n      int   // literals
	lens   []int // literal lengths, by id
	// The ids of the literals that end in each state (suffixes included):
	// those of state i are ends[outAt[i]:outAt[i+1]].
	outAt []uint32
	ends  []int32
	// The states: ids below denseEnd are row offsets (state*nclass) into
	// dense; an id from denseEnd on is denseEnd plus an index into tails.
	// A target with outFlag set is a state where literals end.
	dense    []uint32
	denseEnd uint32
	tails    []tail
}

// tail is a state with one child: its edge's class and target, and its
// fail link (unflagged).
type tail struct {
	class      uint32
	next, fail uint32
}

const outFlag = 1 << 31

// denseDepth is the depth up to which every state has a row; an automaton
// of at most smallTable transitions has a row for every state (a DFA).
const (
	denseDepth = 2
	smallTable = 1 << 15
)

// New compiles lits, which must not hold upper-case ASCII
// letters (rule literals are lower-cased when loaded); a literal's id is its
// index. Empty literals match nothing. Upper-case ASCII in a scanned text
// matches as lower case, so that ASCII text needs no lower-casing first.
func New(lits []string) *Matcher { return build(lits, true) }

// NewCased compiles lits to match byte for byte: upper-case ASCII in a
// text matches only upper-case ASCII in a literal.
func NewCased(lits []string) *Matcher { return build(lits, false) }

func build(lits []string, foldASCII bool) *Matcher {
	m := &Matcher{n: len(lits), lens: make([]int, len(lits))}
	for id, l := range lits {
		m.lens[id] = len(l)
		for i := 0; i < len(l); i++ {
			if m.class[l[i]] == 0 {
				m.nclass++
				m.class[l[i]] = uint16(m.nclass)
			}
		}
	}
	if foldASCII {
		for c := 'A'; c <= 'Z'; c++ {
			m.class[c] = m.class[c+'a'-'A']
		}
	}
	m.nclass++ // class 0: any other byte
	m.compact(newTrie(lits, &m.class, m.nclass))
	return m
}

// trie is the automaton while it is built: the DFA's full table, the fail
// links, depths and child counts.
type trie struct {
	next     []int32 // state*nclass + class -> state
	fail     []int32
	depth    []int
	children []int
	edge     []int32 // the class of a state's last child
	out      [][]int
	nc       int32
}

func newTrie(lits []string, class *[256]uint16, nclass int) *trie {
	nc := int32(nclass)
	t := &trie{nc: nc, out: [][]int{nil}, depth: []int{0}, children: []int{0}, edge: []int32{0}}
	states := 1 // at most one a literal byte, and the root
	for _, l := range lits {
		states += len(l)
	}
	t.next = make([]int32, nc, states*int(nc)) // -1: no edge yet
	for i := range t.next {
		t.next[i] = -1
	}
	for id, l := range lits {
		if l == "" {
			continue
		}
		s := int32(0)
		for i := 0; i < len(l); i++ {
			c := int32(class[l[i]])
			if t.next[s*nc+c] < 0 {
				t.next[s*nc+c] = int32(len(t.out))
				t.children[s]++
				t.edge[s] = c
				t.out = append(t.out, nil)
				t.depth = append(t.depth, t.depth[s]+1)
				t.children = append(t.children, 0)
				t.edge = append(t.edge, 0)
				for range nc {
					t.next = append(t.next, -1)
				}
			}
			s = t.next[s*nc+c]
		}
		t.out[s] = append(t.out[s], id)
	}
	// Breadth-first: fail links, then missing edges filled from the fail
	// state's, and outputs inherited along fail links.
	t.fail = make([]int32, len(t.out))
	queue := make([]int32, 0, len(t.out))
	for c := range nc {
		if n := t.next[c]; n < 0 {
			t.next[c] = 0
		} else {
			queue = append(queue, n) // fail[n] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		t.out[s] = append(t.out[s], t.out[t.fail[s]]...)
		for c := range nc {
			n := t.next[s*nc+c]
			if n < 0 {
				t.next[s*nc+c] = t.next[t.fail[s]*nc+c]
				continue
			}
			t.fail[n] = t.next[t.fail[s]*nc+c]
			queue = append(queue, n)
		}
	}
	return t
}

// compact keeps rows for the states near the root and those that branch,
// an edge and a fail link for the others.
func (m *Matcher) compact(t *trie) {
	nc := t.nc
	ids := make([]uint32, len(t.out)) // old state -> new id, unflagged
	var rows, tails []int32
	small := len(t.out)*int(nc) <= smallTable
	for s := range t.out {
		if small || t.depth[s] <= denseDepth || t.children[s] > 1 {
			ids[s] = uint32(len(rows)) * uint32(nc)
			rows = append(rows, int32(s))
		} else {
			tails = append(tails, int32(s))
		}
	}
	m.denseEnd = uint32(len(rows)) * uint32(nc)
	for i, s := range tails {
		ids[s] = m.denseEnd + uint32(i)
	}
	target := func(s int32) uint32 {
		if len(t.out[s]) > 0 {
			return ids[s] | outFlag
		}
		return ids[s]
	}
	m.outAt = make([]uint32, 1, len(t.out)+1)
	addOut := func(s int32) {
		for _, id := range t.out[s] {
			m.ends = append(m.ends, int32(id))
		}
		m.outAt = append(m.outAt, uint32(len(m.ends)))
	}
	m.dense = make([]uint32, len(rows)*int(nc))
	for i, s := range rows {
		addOut(s)
		for c := range nc {
			m.dense[int32(i)*nc+c] = target(t.next[s*nc+c])
		}
	}
	m.tails = make([]tail, len(tails))
	for i, s := range tails {
		addOut(s)
		tl := tail{class: uint32(t.edge[s]), fail: ids[t.fail[s]]}
		if t.children[s] == 1 {
			tl.next = target(t.next[s*nc+t.edge[s]])
		} else {
			tl.class = ^uint32(0) // a leaf: every byte follows the fail link
		}
		m.tails[i] = tl
	}
}

// step returns the state after reading a byte of class c in state id
// (unflagged), flagged where literals end.
func (m *Matcher) step(id, c uint32) uint32 {
	for id >= m.denseEnd {
		tl := &m.tails[id-m.denseEnd]
		if tl.class == c {
			return tl.next
		}
		id = tl.fail
	}
	return m.dense[id+c]
}

// out returns the ids of the literals that end in state id (unflagged).
func (m *Matcher) out(id uint32) []int32 {
	s := int(m.denseEnd)/m.nclass + int(id-m.denseEnd)
	if id < m.denseEnd {
		s = int(id) / m.nclass
	}
	return m.ends[m.outAt[s]:m.outAt[s+1]]
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
	id := uint32(0)
	class := &m.class
	for i := 0; i < len(s); i++ {
		c := s[i]
		if fold && c >= 0x80 {
			return m.scanAny(strings.ToLower(s), want, false)
		}
		id = m.step(id, uint32(class[c]))
		if id&outFlag != 0 { // literals end here: rare
			id &^= outFlag
			for _, id := range m.out(id) {
				if want.Has(int(id)) {
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
	id := uint32(0)
	class := &m.class
	for i := 0; i < len(s); i++ {
		c := s[i]
		if fold && c >= 0x80 {
			return m.scan(strings.ToLower(s), false)
		}
		id = m.step(id, uint32(class[c]))
		if id&outFlag != 0 { // literals end here: rare
			id &^= outFlag
			for _, id := range m.out(id) {
				h[id>>6] |= 1 << (id & 63)
			}
		}
	}
	return h
}

// Match is one occurrence of a literal: its id and where it starts and ends
// in the text.
type Match struct{ ID, Start, End int }

// Matches returns every occurrence of every literal in s, overlapping ones
// included, by end; literals ending at the same byte longest first (see
// New and NewCased for the case of ASCII).
func (m *Matcher) Matches(s []byte) []Match {
	var all []Match
	id := uint32(0)
	class := &m.class
	for i, c := range s {
		id = m.step(id, uint32(class[c]))
		if id&outFlag != 0 { // literals end here: rare
			id &^= outFlag
			for _, lit := range m.out(id) {
				all = append(all, Match{ID: int(lit), Start: i + 1 - m.lens[lit], End: i + 1})
			}
		}
	}
	return all
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
