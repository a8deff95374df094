package rxhint

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minLiteral is the shortest literal worth a scan: shorter ones are in
// most texts.
const minLiteral = 3

// maxLiterals bounds the literals told from one regex.
const maxLiterals = 256

// Literals returns lower-case literals one of which every match of the
// regular expression src holds, once the text is lower-cased rune by rune
// (unicode.ToLower, as package litscan reads a text), or nil when none can
// be told. A (?i) literal is cut to its runes whose case variants all
// lower-case to the same rune: "ſ" (long s) matches (?i)s, and is a
// variant ToLower keeps apart, so (?i)see more gives "ee more".
func Literals(src string) []string {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	lits, ok := literals(re.Simplify())
	if !ok || len(lits) > maxLiterals {
		return nil
	}
	return lits
}

// literals computes Literals for one node.
func literals(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		l := safeRun(re.Rune, re.Flags&syntax.FoldCase != 0)
		return []string{l}, len(l) >= minLiteral
	case syntax.OpCapture, syntax.OpPlus:
		return literals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false
		}
		return literals(re.Sub[0])
	case syntax.OpConcat:
		var best []string
		for _, sub := range re.Sub {
			if c, ok := literals(sub); ok && (best == nil || shortest(c) > shortest(best)) {
				best = c
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			c, ok := literals(sub)
			if !ok || len(out)+len(c) > maxLiterals {
				return nil, false
			}
			out = append(out, c...)
		}
		return out, true
	}
	return nil, false
}

// safeRun returns the longest run of rs, lower-cased, whose runes a
// lower-cased text holds whenever it holds a match of them.
func safeRun(rs []rune, fold bool) string {
	best, cur := "", strings.Builder{}
	for _, r := range rs {
		if r == utf8.RuneError || fold && !foldsToOne(r) {
			if cur.Len() > len(best) {
				best = cur.String()
			}
			cur.Reset()
			continue
		}
		cur.WriteRune(unicode.ToLower(r))
	}
	if cur.Len() > len(best) {
		best = cur.String()
	}
	return best
}

// foldsToOne reports whether every case variant of r lower-cases to the
// same rune.
func foldsToOne(r rune) bool {
	l := unicode.ToLower(r)
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if unicode.ToLower(f) != l {
			return false
		}
	}
	return true
}

// shortest returns the length of the shortest of lits.
func shortest(lits []string) int {
	n := -1
	for _, l := range lits {
		if n < 0 || len(l) < n {
			n = len(l)
		}
	}
	return n
}
