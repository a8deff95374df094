// Package rxhint tells from a regular expression's source, once, cheap
// byte tests that rule texts out before the regex runs: bytes (and
// non-ASCII code points) one of which every match holds, the ASCII bytes a
// match of an anchored regex can start or end with, and whether it only
// looks at a text's end.
//
// Hand-written: Go's regexp exposes none of this (its one-pass and literal
// prefix analyses are internal), and a scan of a text's bytes is far
// cheaper than the backtracker on an unanchored pattern.
package rxhint

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// ByteSet is a set of byte values.
type ByteSet [4]uint64

func (s *ByteSet) add(b byte)      { s[b>>6] |= 1 << (b & 63) }
func (s *ByteSet) Has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }
func (s *ByteSet) union(o *ByteSet) {
	s[0], s[1], s[2], s[3] = s[0]|o[0], s[1]|o[1], s[2]|o[2], s[3]|o[3]
}
func (s *ByteSet) addRange(lo, hi byte) {
	for b := int(lo); b <= int(hi); b++ {
		s.add(byte(b))
	}
}

// Meets reports whether s and o share a byte.
func (s *ByteSet) Meets(o *ByteSet) bool {
	return s[0]&o[0]|s[1]&o[1]|s[2]&o[2]|s[3]&o[3] != 0
}

// BytesOf returns the set of byte values in text.
func BytesOf(text string) ByteSet {
	var seen [256]bool // a store per byte, with no chain of loads between them
	for i := 0; i < len(text); i++ {
		seen[text[i]] = true
	}
	var s ByteSet
	for c, ok := range seen {
		if ok {
			s.add(byte(c))
		}
	}
	return s
}

// In reports whether text holds a byte of s.
func (s *ByteSet) In(text string) bool {
	for i := 0; i < len(text); i++ {
		if s.Has(text[i]) {
			return true
		}
	}
	return false
}

// weight estimates how often text holds a byte of s: white space and
// lower-case letters are everywhere, capitals less so, digits and
// punctuation rarer still. Of several sets every match must meet, the
// lightest makes the best prefilter.
func (s *ByteSet) weight() int {
	w := 0
	for c := 0; c < 256; c++ {
		if !s.Has(byte(c)) {
			continue
		}
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			w += 100
		case 'a' <= c && c <= 'z':
			w += 10
		case 'A' <= c && c <= 'Z':
			w += 3
		default:
			w++
		}
	}
	return w
}

// maxWeight is the heaviest required-byte set worth a scan: a set that
// most texts meet saves nothing.
const maxWeight = 30

// Required returns a set of bytes of which every match of the regular
// expression src holds at least one (for \d: the ten digits), or nil when
// no useful set can be told. A text without any of them cannot match, so the
// regex need not run: a scan of the text's bytes is far cheaper than Go's
// backtracker on an unanchored pattern.
func Required(src string) *ByteSet {
	s, ok := required.parse(src)
	if !ok || s.weight() > maxWeight {
		return nil
	}
	return &s
}

// required computes Required for one node: ok is false when a match
// of re may hold none of a small set (it may be empty, or be any byte). A
// concatenation keeps its part of least weight; an alternation unites its
// branches'.
var required = need[ByteSet]{
	leaf:   byteLeaf,
	better: func(c, best ByteSet) bool { return c.weight() < best.weight() },
	union: func(acc, c ByteSet) (ByteSet, bool) {
		acc.union(&c)
		return acc, true
	},
}

func byteLeaf(re *syntax.Regexp) (s ByteSet, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return s, false
		}
		// The rune whose lead bytes (case variants included) weigh least.
		best := -1
		for _, r := range re.Rune {
			var c ByteSet
			addLead(&c, r)
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					addLead(&c, f)
				}
			}
			if w := c.weight(); best < 0 || w < best {
				s, best = c, w
			}
		}
		return s, true
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return s, false
		}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], min(re.Rune[i+1], unicode.MaxRune)
			// UTF-8 lead bytes grow with the code point: the range's lead
			// bytes lie between those of its ends.
			s.addRange(leadByte(lo), leadByte(hi))
			if lo <= utf8.RuneError && utf8.RuneError <= hi {
				s.addRange(0x80, 0xff) // an invalid byte reads as U+FFFD
			}
		}
		return s, true
	}
	// Empty matches, anchors, word boundaries, any character, star, quest.
	return s, false
}

func leadByte(r rune) byte {
	var b [utf8.UTFMax]byte
	utf8.EncodeRune(b[:], r)
	return b[0]
}

func addLead(s *ByteSet, r rune) {
	if r == utf8.RuneError {
		s.addRange(0x80, 0xff) // an invalid byte reads as U+FFFD
	}
	s.add(leadByte(r))
}

// Edge returns, for a regex every match of which ends at the end of
// the text (last) or starts at its start (!last), the ASCII bytes one of
// which ends (starts) every text it matches; nil when the regex is not so
// anchored or may match an empty string. A text ending (starting) in another
// ASCII byte cannot match: a block ending in a full stop is told from
// "... kv79 bet" without running the backtracker over its tail, which tries
// every start position, and one starting "The" from "Reporting by ...".
// A text ending (starting) in a non-ASCII byte is left to the regex.
func Edge(src string, last bool) *ByteSet {
	re, begin, end := anchors(src)
	if re == nil || last && !end || !last && !begin {
		return nil
	}
	s, nullable := outerBytes(re, last)
	if nullable {
		return nil
	}
	return &s
}

// outerBytes returns the ASCII bytes a non-empty match of re may end in
// (last) or start with (!last), and whether re may match an empty string. It
// errs on the side of more bytes: empty-width assertions count as empty
// matches.
func outerBytes(re *syntax.Regexp, last bool) (s ByteSet, nullable bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return s, false
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return s, true
		}
		r := re.Rune[0]
		if last {
			r = re.Rune[len(re.Rune)-1]
		}
		addASCII(&s, r)
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				addASCII(&s, f)
			}
		}
		return s, false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if lo := re.Rune[i]; lo < utf8.RuneSelf {
				s.addRange(byte(lo), byte(min(re.Rune[i+1], utf8.RuneSelf-1)))
			}
		}
		return s, false
	case syntax.OpAnyChar:
		s.addRange(0, utf8.RuneSelf-1)
		return s, false
	case syntax.OpAnyCharNotNL:
		s.addRange(0, '\n'-1)
		s.addRange('\n'+1, utf8.RuneSelf-1)
		return s, false
	case syntax.OpCapture, syntax.OpPlus:
		return outerBytes(re.Sub[0], last)
	case syntax.OpStar, syntax.OpQuest:
		s, _ = outerBytes(re.Sub[0], last)
		return s, true
	case syntax.OpRepeat:
		if re.Max == 0 {
			return s, true
		}
		s, nullable = outerBytes(re.Sub[0], last)
		return s, nullable || re.Min == 0
	case syntax.OpConcat:
		// The outermost sub that cannot match empty bounds the match; the
		// ones outside it may add their bytes.
		for k := range re.Sub {
			i := k
			if last {
				i = len(re.Sub) - 1 - k
			}
			c, null := outerBytes(re.Sub[i], last)
			s.union(&c)
			if !null {
				return s, false
			}
		}
		return s, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			c, null := outerBytes(sub, last)
			s.union(&c)
			nullable = nullable || null
		}
		return s, nullable
	}
	// Empty matches, anchors and word boundaries.
	return s, true
}

func addASCII(s *ByteSet, r rune) {
	if 0 <= r && r < utf8.RuneSelf {
		s.add(byte(r))
	}
}

// MayEnd reports whether text may be matched by a regex ending every match
// in one of last's bytes (nil: any text may); MayStart is the same for the
// first byte.
func MayEnd(last *ByteSet, text string) bool {
	if last == nil || text == "" {
		return true
	}
	b := text[len(text)-1]
	return b >= utf8.RuneSelf || last.Has(b)
}

func MayStart(first *ByteSet, text string) bool {
	if first == nil || text == "" {
		return true
	}
	return text[0] >= utf8.RuneSelf || first.Has(text[0])
}

// endAnchoredOnly reports a regex that must match at the end of the text but
// may start anywhere: a concatenation ending in $ (end of text) that does not
// begin with ^.
func endAnchoredOnly(src string) bool {
	_, begin, end := anchors(src)
	return end && !begin
}

// anchors parses src and, when it is a concatenation, returns it simplified
// and whether it begins with ^ (start of text) and ends with $ (end of
// text); re is nil otherwise.
func anchors(src string) (re *syntax.Regexp, begin, end bool) {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil, false, false
	}
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) == 0 {
		return nil, false, false
	}
	return re, re.Sub[0].Op == syntax.OpBeginText, re.Sub[len(re.Sub)-1].Op == syntax.OpEndText
}

// tailWindow is how much of a text's end an end-anchored regex looks at. The
// built-in end-anchored patterns (captions, credits, brands) span far less.
const tailWindow = 320

// tailStart returns where the tail window of s starts, on a rune boundary.
func tailStart(s string) int {
	if len(s) <= tailWindow {
		return 0
	}
	i := len(s) - tailWindow
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// Hints are the byte tests told from one regex; the zero Hints rule out
// nothing.
type Hints struct {
	// Tail marks a regex anchored at the end only: it is run on the last
	// tailWindow bytes of a text, not the whole of it.
	Tail bool
	// Req holds bytes one of which every match contains (nil: none known);
	// see Required.
	Req *ByteSet
	// First and Last hold the ASCII bytes one of which starts (ends) every
	// text the regex matches (nil: not known); see Edge.
	First, Last *ByteSet
	// Runes holds non-ASCII code points one of which every match contains
	// (nil: none known); see RequiredRunes. Tested after Req, which it
	// sharpens.
	Runes *RuneSet
	// Lits holds lower-case literals one of which every match contains
	// (nil: none known); see Literals. A caller scans for them with
	// package litscan, once per text for every regex.
	Lits []string
	// Starts holds what may begin a match of a regex anchored at the
	// text's start (nil: not known); see StartsOf.
	Starts *Starts
}

// Of returns the hints of the regex src.
func Of(src string) Hints {
	return Hints{Tail: endAnchoredOnly(src), Req: Required(src), First: Edge(src, false), Last: Edge(src, true),
		Runes: RequiredRunes(src), Lits: Literals(src), Starts: StartsOf(src)}
}

// Window returns the part of text the regex runs on: its tail window for a
// Tail regex, else all of it.
func (h *Hints) Window(text string) string {
	if h.Tail {
		return text[tailStart(text):]
	}
	return text
}

// EdgesMay applies the first and last byte tests and the starts to w, a
// text's window: false means the regex cannot match it.
func (h *Hints) EdgesMay(w string) bool {
	return MayStart(h.First, w) && MayEnd(h.Last, w) && (h.Starts == nil || h.Starts.May(w))
}

// May applies every byte test to w, a text's window: false means the regex
// cannot match it.
func (h *Hints) May(w string) bool {
	return h.EdgesMay(w) && (h.Req == nil || h.Req.In(w)) && (h.Runes == nil || h.Runes.In(w))
}
