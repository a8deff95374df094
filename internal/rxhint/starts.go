package rxhint

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// maxStart is how many runes of a match's start Starts keeps.
const maxStart = 4

// maxStarts bounds the starts told from one regex.
const maxStarts = 512

// maxSkip is how many runes of the skipped class Starts.May steps over
// before it gives up and lets the regex decide.
const maxSkip = 64

// Starts is what begins every match of a regex anchored at the text's
// start whose body, after an optional run of one character class (the
// "[\s\p{P}\p{S}]*" of the furniture patterns), starts with literals: the
// first runes of each, case-folded. Go's regexp runs such a pattern, a
// long case-insensitive alternation, on its NFA, at a cost of microseconds
// per text; a look at the first runes rules out nearly every text
// ("The ..." does not start "theo dõi").
type Starts struct {
	skip []rune // the skipped class, as lo, hi pairs; nil when none
	// set holds the starts, canonical (see canon), by length in runes.
	set [maxStart + 1]map[string]struct{}
}

// StartsOf returns the starts of the regex src, or nil when none can be
// told: src is not anchored at the text's start, or what follows the
// anchor (and the skipped class) may start with anything.
func StartsOf(src string) *Starts {
	re, begin, _ := anchors(src)
	if re == nil || !begin {
		return nil
	}
	body := re.Sub[1:]
	s := &Starts{}
	if len(body) > 0 && body[0].Op == syntax.OpStar && body[0].Sub[0].Op == syntax.OpCharClass {
		s.skip = body[0].Sub[0].Rune
		body = body[1:]
	}
	ps, _, ok := startsSeq(body)
	if !ok || len(ps) == 0 {
		return nil
	}
	for _, p := range ps {
		n := utf8.RuneCountInString(p)
		if n == 0 {
			return nil // a match may start with anything
		}
		if s.set[n] == nil {
			s.set[n] = map[string]struct{}{}
		}
		s.set[n][p] = struct{}{}
	}
	return s
}

// startsOf returns the canonical starts of re's matches (at most maxStart
// runes each), whether re matches exactly those strings (so that what
// follows re extends them), and false when they cannot be told.
func startsOf(re *syntax.Regexp) (ps []string, exact, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, false, false
		}
		rs := re.Rune
		if len(rs) > maxStart {
			rs = rs[:maxStart]
		}
		b := make([]byte, 0, len(rs)*utf8.UTFMax)
		for _, r := range rs {
			b = utf8.AppendRune(b, canon(r))
		}
		return []string{string(b)}, len(re.Rune) <= maxStart, true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
			if n > 16 || re.Rune[i+1] > unicode.MaxRune {
				return nil, false, false
			}
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if c := string(canon(r)); !seen[c] {
					seen[c] = true
					ps = append(ps, c)
				}
			}
		}
		return ps, true, len(ps) > 0
	case syntax.OpCapture:
		return startsOf(re.Sub[0])
	case syntax.OpPlus:
		ps, _, ok = startsOf(re.Sub[0])
		return ps, false, ok
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false, false
		}
		ps, _, ok = startsOf(re.Sub[0])
		return ps, false, ok
	case syntax.OpConcat:
		return startsSeq(re.Sub)
	case syntax.OpEmptyMatch:
		return []string{""}, true, true
	case syntax.OpAlternate:
		exact = true
		for _, sub := range re.Sub {
			c, ex, ok := startsOf(sub)
			if !ok || len(ps)+len(c) > maxStarts {
				return nil, false, false
			}
			ps, exact = append(ps, c...), exact && ex
		}
		return ps, exact, true
	}
	return nil, false, false
}

// startsSeq is startsOf for the concatenation of subs.
func startsSeq(subs []*syntax.Regexp) (ps []string, exact, ok bool) {
	if len(subs) == 0 {
		return []string{""}, true, true
	}
	if subs[0].Op == syntax.OpQuest {
		// With the optional part, or without it.
		with := append([]*syntax.Regexp{subs[0].Sub[0]}, subs[1:]...)
		a, exA, okA := startsSeq(with)
		b, exB, okB := startsSeq(subs[1:])
		if !okA || !okB || len(a)+len(b) > maxStarts {
			return nil, false, false
		}
		return append(a, b...), exA && exB, true
	}
	first, exact, ok := startsOf(subs[0])
	if !ok {
		return nil, false, false
	}
	if !exact {
		return first, false, true
	}
	rest, restExact, ok := startsSeq(subs[1:])
	if !ok {
		// What follows is unknown: the starts end with the first part.
		return first, false, true
	}
	if len(first)*len(rest) > maxStarts {
		return nil, false, false
	}
	exact = restExact
	for _, f := range first {
		for _, r := range rest {
			c := f + r
			if utf8.RuneCountInString(c) > maxStart {
				c = string([]rune(c)[:maxStart])
				exact = false
			}
			ps = append(ps, c)
		}
	}
	return ps, exact, true
}

// canon returns the least code point of r's case-folding orbit: runes that
// match one another case-insensitively share it.
func canon(r rune) rune {
	if r < utf8.RuneSelf {
		// An ASCII rune's orbit holds no lesser code point than its
		// upper case (k, K and the Kelvin sign give K).
		if 'a' <= r && r <= 'z' {
			return r - ('a' - 'A')
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}

// May reports whether text may match: false means it cannot.
func (s *Starts) May(text string) bool {
	i := 0
	for range maxSkip {
		if s.at(text[i:]) {
			return true
		}
		if i == len(text) || s.skip == nil {
			return false
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !inRanges(s.skip, r) {
			return false
		}
		i += n
	}
	return true
}

// at reports whether text starts with one of the starts.
func (s *Starts) at(text string) bool {
	var buf [maxStart * utf8.UTFMax]byte
	b := buf[:0]
	for n, i := 1, 0; n <= maxStart && i < len(text); n++ {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		b = utf8.AppendRune(b, canon(r))
		if set := s.set[n]; set != nil {
			if _, ok := set[string(b)]; ok {
				return true
			}
		}
	}
	return false
}

// inRanges reports whether r is in the sorted lo, hi pairs of ranges.
func inRanges(ranges []rune, r rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if r < ranges[i] {
			return false
		}
		if r <= ranges[i+1] {
			return true
		}
	}
	return false
}
