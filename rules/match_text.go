package rules

import (
	"regexp"

	"github.com/winnowhq/winnow/internal/litscan"
	"github.com/winnowhq/winnow/internal/rxhint"
	"github.com/winnowhq/winnow/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// textMatch matches the text of a block (stage text) or the visible text
// of an element (stages dom and article).
type textMatch struct {
	re         *regexp.Regexp // must match the text
	hint       rxhint.Hints   // byte tests told from re
	not        *regexp.Regexp // must not match
	minMatches int            // re must match at least this many times
	// contains is a cheap prefilter: lower-case literals, one of which the
	// text must contain before any regex runs (see setLits).
	contains []string
	minWords int
	maxWords int // 0: no limit
}

// matches applies the text, not-text and min-matches matchers; the
// caller has applied contains (see setLits).
func (tx *textMatch) matches(text string) bool {
	return tx.mayMatch(text) && tx.regexMatches(text)
}

// mayMatch applies the byte tests derived from the text regex (first
// and last byte, required bytes), which cost next to nothing: false means
// the text cannot match.
func (tx *textMatch) mayMatch(text string) bool {
	return tx.hint.May(tx.hint.Window(text))
}

// regexMatches runs the text and not-text regexes.
func (tx *textMatch) regexMatches(text string) bool {
	if tx.not != nil && tx.not.MatchString(text) {
		return false
	}
	if tx.re == nil {
		return true
	}
	t := tx.hint.Window(text)
	if tx.minMatches > 1 {
		return len(tx.re.FindAllStringIndex(t, tx.minMatches)) >= tx.minMatches
	}
	return tx.re.MatchString(t)
}

// wordsWithin reports whether n words are within the word bounds.
func (tx *textMatch) wordsWithin(n int) bool {
	return n >= tx.minWords && (tx.maxWords == 0 || n <= tx.maxWords)
}

// bounded reports whether the match has word bounds.
func (tx *textMatch) bounded() bool { return tx.minWords > 0 || tx.maxWords > 0 }

// textMatch is r.match.text.matches(b.Text), remembered per block for the rule
// being applied (run.ri, its position in the set).
func (run *textRun) textMatch(r *Rule, b *tblock) bool {
	i := run.ri
	if b.memo == nil {
		n := len(run.set.rules)
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
	// bytes, for less than the literal scan of a whole paragraph.
	tx := &r.match.text
	m := tx.hint.EdgesMay(tx.hint.Window(b.Text)) && run.holdsRequired(tx, b)
	switch {
	case !m:
	case tx.hint.First != nil:
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

// holdsRequired applies tx's required-byte test (see requiredBytes) to b,
// from the byte values of b computed once, not by a scan per rule.
func (run *textRun) holdsRequired(tx *textMatch, b *tblock) bool {
	req := tx.hint.Req
	if req == nil {
		return true
	}
	if !b.byteValues().Meets(req) {
		return false
	}
	t := tx.hint.Window(b.Text)
	return len(t) == len(b.Text) || req.In(t) // a tail may lack what the text holds
}

// containsLiteral applies tx's contains matcher to b: the text holds one of
// the literals (true when there are none).
func (run *textRun) containsLiteral(tx *textMatch, b *tblock) bool {
	if len(tx.contains) == 0 {
		return true
	}
	if b.hits == nil {
		b.hits = run.lits.m.Scan(litscan.Fold(b.Text))
	}
	return b.hits.Any(run.lits.contains[run.ri])
}

// textFields are the match keys of a textMatch.
func (p *parser) textFields(tx *textMatch) yamlpos.Fields {
	return yamlpos.Fields{
		"text":        p.regexp(&tx.re, &tx.hint, "text"),
		"contains":    func(v *yaml.Node) { tx.contains = p.literals(v, "contains") },
		"not-text":    func(v *yaml.Node) { tx.not = p.Regexp(v, "not-text") },
		"min-words":   p.count(&tx.minWords, "min-words"),
		"max-words":   p.count(&tx.maxWords, "max-words"),
		"min-matches": p.count(&tx.minMatches, "min-matches"),
	}
}
