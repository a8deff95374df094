// Package subject tells whether a text's gambling vocabulary is what its
// page is about, from the page's own words rather than from a lexicon: a
// page about a casino, a lottery or a gambler's recovery writes the words
// of its subject in its headline and throughout its prose, each paragraph
// in its own way ("Wettanbieter" here, "Wettkonten" there, "judi slot" in
// the headline, "judi online" below it). Spam injected into a page about
// something else is a stranger to it: the page's headline and prose never
// write its words.
//
// Words are compared by their stem, their first StemRunes letters, so that
// inflections and compounds of one word agree (casino, casinos; slot,
// slots) in any language that writes words with letters.
package subject

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnowhq/winnow/spam/fold"
)

// StemRunes is the length of a word's stem: words shorter than it carry
// too little of a subject to count.
const StemRunes = 4

// Page holds the stems its texts write.
type Page struct {
	stems map[string]bool
}

// Add adds the stems of folded text ft, one of the page's texts.
func (p *Page) Add(ft string) {
	if p.stems == nil {
		p.stems = map[string]bool{}
	}
	for w := range fold.Words(ft) {
		if s, ok := Stem(w); ok {
			p.stems[s] = true
		}
	}
}

// Names reports whether one of terms (the terms that scored a text as
// spam) is the page's subject: each of its words of StemRunes letters or
// more has a stem one of the page's other texts writes. A term counts
// whole, so that a word it shares with everyday language ("online" of
// "judi online", "ohne" of "ohne Einzahlung") does not name the subject
// alone; a term with no such word (a code, a short word) names none.
func (p *Page) Names(terms []string) bool {
	for _, t := range terms {
		n, all := 0, true
		for w := range fold.Words(t) {
			if utf8.RuneCountInString(w) < StemRunes {
				continue
			}
			if s, ok := Stem(w); !ok || !p.stems[s] {
				all = false // a code (ku88) names no subject
				continue
			}
			n++
		}
		if n > 0 && all {
			return true
		}
	}
	return false
}

// Stem returns the first StemRunes letters of word w, lower-cased, when
// it has that many and they are all letters.
func Stem(w string) (string, bool) {
	if utf8.RuneCountInString(w) < StemRunes {
		return "", false
	}
	var b strings.Builder
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return "", false
		}
		b.WriteRune(unicode.ToLower(r))
		if n++; n == StemRunes {
			break
		}
	}
	return b.String(), true
}
