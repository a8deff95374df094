package engine

import (
	"cmp"
	"regexp"

	"github.com/winnowhq/winnow/internal/rxhint"
	"github.com/winnowhq/winnow/internal/rxsort"
)

// TextMatch matches the text of a block (stage text) or the visible text
// of an element (stages dom and article).
type TextMatch struct {
	Re         *regexp.Regexp // must match the text
	Hint       rxhint.Hints   // byte tests told from Re
	Not        *regexp.Regexp // must not match
	MinMatches int            // Re must match at least this many times
	// Contains is a cheap prefilter: lower-case literals, one of which the
	// text must contain before any regex runs (see setLits).
	Contains []string
	MinWords int
	MaxWords int // 0: no limit
	// re and not are Re and Not with their alternatives sorted (see
	// rxsort.Sorted), or Re and Not themselves: set by New (nil
	// before, Re and Not are used).
	re, not *regexp.Regexp
}

// matches applies the text, not-text and min-matches matchers; the
// caller has applied contains (see setLits).
func (tx *TextMatch) matches(text string) bool {
	return tx.mayMatch(text) && tx.regexMatches(text)
}

// mayMatch applies the byte tests derived from the text regex (first
// and last byte, required bytes), which cost next to nothing: false means
// the text cannot match.
func (tx *TextMatch) mayMatch(text string) bool {
	return tx.Hint.May(tx.Hint.Window(text))
}

// regexMatches runs the text and not-text regexes.
func (tx *TextMatch) regexMatches(text string) bool {
	if tx.Not != nil && cmp.Or(tx.not, tx.Not).MatchString(text) {
		return false
	}
	if tx.Re == nil {
		return true
	}
	t := tx.Hint.Window(text)
	if tx.MinMatches > 1 {
		return len(tx.Re.FindAllStringIndex(t, tx.MinMatches)) >= tx.MinMatches
	}
	return cmp.Or(tx.re, tx.Re).MatchString(t)
}

// setSorted sets tx.re and tx.not (see rxsort.Sorted).
func (tx *TextMatch) setSorted() {
	tx.re, tx.not = rxsort.Sorted(tx.Re), rxsort.Sorted(tx.Not)
}

// wordsWithin reports whether n words are within the word bounds.
func (tx *TextMatch) wordsWithin(n int) bool {
	return n >= tx.MinWords && (tx.MaxWords == 0 || n <= tx.MaxWords)
}

// bounded reports whether the match has word bounds.
func (tx *TextMatch) bounded() bool { return tx.MinWords > 0 || tx.MaxWords > 0 }

// textMatch is r.Match.Text.matches(b.Text), remembered per block for the
// rule being applied (run.ri, its position in the program).
func (run *textRun) textMatch(r *Rule, b *tblock) bool {
	i := run.ri
	if b.memo == nil {
		n := len(run.prog.rules)
		if len(run.slab) < n {
			run.slabAll = make([]uint8, n*max(len(run.blocks), 8))
			run.slab = run.slabAll
		}
		b.memo, run.slab = run.slab[:n:n], run.slab[n:]
	}
	switch b.memo[i] {
	case 1:
		return true
	case 2:
		return false
	}
	// Cheapest first. A regex anchored at the start fails within a few
	// bytes, for less than the literal scan of a whole paragraph, unless
	// an earlier rule has had the text scanned.
	tx := &r.Match.Text
	w := tx.Hint.Window(b.Text)
	m := tx.Hint.EdgesMay(w) && run.holdsRequired(tx, b) && (tx.Hint.Runes == nil || tx.Hint.Runes.In(w))
	switch {
	case !m:
	case tx.Hint.First != nil && b.hits == nil:
		m = tx.regexMatches(b.Text) && run.containsLiteral(tx, b)
	default:
		m = run.containsLiteral(tx, b) && tx.regexMatches(b.Text)
	}
	b.memo[i] = 2
	if m {
		b.memo[i] = 1
	}
	return m
}

// holdsRequired applies tx's required-byte test (see rxhint.Required) to b,
// from the byte values of b computed once, not by a scan per rule.
func (run *textRun) holdsRequired(tx *TextMatch, b *tblock) bool {
	req := tx.Hint.Req
	if req == nil {
		return true
	}
	if !b.byteValues().Meets(req) {
		return false
	}
	t := tx.Hint.Window(b.Text)
	return len(t) == len(b.Text) || req.In(t) // a tail may lack what the text holds
}

// containsLiteral applies tx's contains matcher to b, and the literals told
// from its regex: the text holds one of each list (true when there are
// none). The text is scanned once for every rule's literals.
func (run *textRun) containsLiteral(tx *TextMatch, b *tblock) bool {
	implied := run.lits.implied[run.ri]
	if len(tx.Contains) == 0 && len(implied) == 0 {
		return true
	}
	if b.hits == nil {
		b.hits = run.lits.m.ScanFold(b.Text)
	}
	return (len(tx.Contains) == 0 || b.hits.Any(run.lits.contains[run.ri])) && (len(implied) == 0 || b.hits.Any(implied))
}
