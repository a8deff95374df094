package rxhint

import (
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// RuneSet is a set of non-ASCII code points, as sorted, disjoint ranges.
type RuneSet struct {
	ranges []rune // lo, hi pairs
	// lead holds the lead bytes of the set's code points: a text without
	// one holds no rune of the set.
	lead ByteSet
}

// maxRunes is the largest rune set worth a scan: the letters of a whole
// script are in most texts of that script.
const maxRunes = 1 << 14

// RequiredRunes returns a set of non-ASCII code points one of which every
// match of the regular expression src holds, or nil when none can be told
// (a match may be all ASCII) or the set is too large to be worth a scan. It
// is sharper than Required where lead bytes are shared: U+2190 (an arrow)
// and U+201D (a closing quote) both begin with 0xE2.
func RequiredRunes(src string) *RuneSet {
	rs, ok := requiredRunes.parse(src)
	if !ok || size(rs) > maxRunes {
		return nil
	}
	s := &RuneSet{ranges: rs}
	for i := 0; i+1 < len(rs); i += 2 {
		s.lead.addRange(leadByte(rs[i]), leadByte(rs[i+1]))
	}
	if s.has(utf8.RuneError) {
		s.lead.addRange(0x80, 0xff) // an invalid byte reads as U+FFFD
	}
	return s
}

// requiredRunes computes RequiredRunes for one node as sorted ranges: ok
// is false when a match of re may hold no non-ASCII code point. A
// concatenation keeps its part with the fewest code points; an alternation
// unites its branches'.
var requiredRunes = need[[]rune]{
	leaf:   runeLeaf,
	better: func(c, best []rune) bool { return size(c) < size(best) },
	union:  func(acc, c []rune) ([]rune, bool) { return union(acc, c), true },
}

func runeLeaf(re *syntax.Regexp) (rs []rune, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		// The non-ASCII rune of the literal with the fewest case variants.
		for _, r := range re.Rune {
			if r < utf8.RuneSelf {
				continue
			}
			c := []rune{r}
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					c = append(c, f)
				}
			}
			if slices.ContainsFunc(c, func(f rune) bool { return f < utf8.RuneSelf }) {
				continue // a case variant is ASCII (K, the Kelvin sign, is k)
			}
			if rs == nil || len(c) < size(rs) {
				rs = normalise(c)
			}
		}
		return rs, rs != nil
	case syntax.OpCharClass:
		if len(re.Rune) == 0 || re.Rune[0] < utf8.RuneSelf {
			return nil, false // the class holds ASCII (its ranges are sorted)
		}
		return slices.Clone(re.Rune), true
	}
	return nil, false
}

// size returns the number of code points in ranges.
func size(ranges []rune) int {
	n := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		n += int(ranges[i+1]-ranges[i]) + 1
	}
	return n
}

// normalise turns single code points into sorted ranges.
func normalise(rs []rune) []rune {
	var out []rune
	for _, r := range rs {
		out = union(out, []rune{r, r})
	}
	return out
}

// union merges two sorted range lists.
func union(a, b []rune) []rune {
	all := append(slices.Clone(a), b...)
	type span struct{ lo, hi rune }
	spans := make([]span, 0, len(all)/2)
	for i := 0; i+1 < len(all); i += 2 {
		spans = append(spans, span{all[i], all[i+1]})
	}
	slices.SortFunc(spans, func(x, y span) int { return int(x.lo - y.lo) })
	var out []rune
	for _, s := range spans {
		if n := len(out); n > 0 && s.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], s.hi)
			continue
		}
		out = append(out, s.lo, s.hi)
	}
	return out
}

// has reports whether r is in s.
func (s *RuneSet) has(r rune) bool {
	rs := s.ranges
	// The first pair whose hi is at least r.
	i, j := 0, len(rs)/2
	for i < j {
		h := int(uint(i+j) >> 1)
		if rs[2*h+1] < r {
			i = h + 1
		} else {
			j = h
		}
	}
	return i < len(rs)/2 && rs[2*i] <= r
}

// In reports whether text holds a code point of s. An invalid byte reads as
// U+FFFD, as the regexp package reads it.
func (s *RuneSet) In(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if s.lead.Has(c) && s.has(r) {
			return true
		}
		i += n
	}
	return false
}
