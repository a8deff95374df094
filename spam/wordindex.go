package spam

import "github.com/coregx/ahocorasick"

// wordIndex finds the ASCII terms of the lexicon in text by where they can
// start. A term whose first letter is a letter or digit matches only at the
// start of a word (its left boundary), so only word starts are tried, and
// there only the terms whose first three bytes are the text's there: most
// words start no term. It finds every occurrence at those places, as an
// overlapping automaton scan followed by the boundary check does, without
// stepping through every byte of the text.
type wordIndex struct {
	start    []uint32 // bucket k holds ids[start[k]:start[k+1]]
	ids      []int    // term ids, by bucket
	anywhere bool     // some term may start inside a word: every position is tried
}

// keySyms is the number of symbols of a key byte: a-z, 0-9 and anything else.
const keySyms = 37

func keySym(c byte) int {
	switch {
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 1
	case c >= '0' && c <= '9':
		return int(c-'0') + 27
	}
	return 0
}

// key reads the bucket of the text at h's start: its first three bytes.
func key(h []byte) int {
	k := 0
	for j := 0; j < 3; j++ {
		k *= keySyms
		if j < len(h) {
			k += keySym(h[j])
		}
	}
	return k
}

// newWordIndex indexes the terms ids of terms (ASCII terms all).
func newWordIndex(terms []term, ids []int) *wordIndex {
	buckets := make([][]int, keySyms*keySyms*keySyms)
	x := &wordIndex{}
	for _, id := range ids {
		t := terms[id]
		if !t.left {
			x.anywhere = true
		}
		// A term shorter than three bytes goes into every bucket its
		// bytes begin.
		lo, n := 0, 1
		for j := 0; j < 3; j++ {
			lo *= keySyms
			n *= keySyms
			if j < len(t.text) {
				lo += keySym(t.text[j])
				n /= keySyms
			}
		}
		for k := lo; k < lo+n; k++ {
			buckets[k] = append(buckets[k], id)
		}
	}
	x.start = make([]uint32, len(buckets)+1)
	for k, b := range buckets {
		x.ids = append(x.ids, b...)
		x.start[k+1] = uint32(len(x.ids))
	}
	return x
}

// find appends the occurrences of the indexed terms in h that can start
// where they are: at a word start (or anywhere, for a term that need not
// start a word).
func (x *wordIndex) find(h []byte, terms []term, out []ahocorasick.Match) []ahocorasick.Match {
	for i := 0; i < len(h); i++ {
		if !x.anywhere {
			if !isAlnumASCII(h[i]) || !boundaryBefore(h, i) {
				continue
			}
		}
		k := key(h[i:])
		for _, id := range x.ids[x.start[k]:x.start[k+1]] {
			t := terms[id].text
			if len(h)-i >= len(t) && string(h[i:i+len(t)]) == t {
				out = append(out, ahocorasick.Match{PatternID: id, Start: i, End: i + len(t)})
			}
		}
		if !x.anywhere {
			for i+1 < len(h) && isAlnumASCII(h[i+1]) {
				i++ // inside a word: no boundary before
			}
		}
	}
	return out
}

func isAlnumASCII(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}
