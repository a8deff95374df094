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

// Page counts, for each stem, how many of the page's texts write it; its
// headline counts as HeadlineWeight texts (a page names its subject there
// once, and its prose under it).
type Page struct {
	stems map[string]int
}

// HeadlineWeight is what the page's headline counts for.
const HeadlineWeight = 2

// MinTexts is how many texts (the headline counting HeadlineWeight) must
// write a stem for it to be the page's subject.
const MinTexts = 2

// Add counts the stems of folded text ft as written in weight texts.
func (p *Page) Add(ft string, weight int) {
	if p.stems == nil {
		p.stems = map[string]int{}
	}
	seen := map[string]bool{}
	for w := range fold.Words(ft) {
		if s, ok := Stem(w); ok && !seen[s] {
			seen[s] = true
			p.stems[s] += weight
		}
	}
}

// Names reports whether one of words (the words of the terms that scored
// a text as spam) has a stem that MinTexts of the page's texts write.
func (p *Page) Names(words []string) bool {
	for _, w := range words {
		if s, ok := Stem(w); ok && p.stems[s] >= MinTexts {
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

// TermWords returns the words of terms, each once.
func TermWords(terms []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range terms {
		for w := range fold.Words(t) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}
