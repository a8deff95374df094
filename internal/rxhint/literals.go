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
	lits, ok := literals.parse(src)
	if !ok || len(lits) > maxLiterals {
		return nil
	}
	return lits
}

// literals computes Literals for one node: a literal gives its longest
// safe run; a concatenation keeps the part whose shortest literal is
// longest; an alternation lists every branch's, up to maxLiterals.
var literals = need[[]string]{
	leaf: func(re *syntax.Regexp) ([]string, bool) {
		if re.Op != syntax.OpLiteral {
			return nil, false
		}
		l := safeRun(re.Rune, re.Flags&syntax.FoldCase != 0)
		return []string{l}, len(l) >= minLiteral
	},
	better: func(c, best []string) bool { return shortest(c) > shortest(best) },
	union: func(acc, c []string) ([]string, bool) {
		return append(acc, c...), len(acc)+len(c) <= maxLiterals
	},
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
