package engine

import (
	"sync"

	"github.com/winnowhq/winnow/spam"
)

// Page carries what rules may need to know about the page.
type Page struct {
	Host  string // lower-case host, for host-scoped rules and own-host
	Title string // page title, for same-as-title
	Type  string // page type (package pagetype), for rules scoped by page type; "" when unknown
}

// Recorder is told what the rules did. Count is called for every removal
// or change, with the rule's position in the Program; Detail follows only
// when Count returns true, so that where and what are formatted only for a
// detailed record. score is the spam score that matched, or nil.
type Recorder interface {
	Count(rule int) (detail bool)
	Detail(rule int, where, text string, score *spam.Score)
}

// Program is an ordered list of rules, ready to apply: immutable and safe
// for concurrent use.
type Program struct {
	rules []Rule
	// needText marks, by position, the rules that cannot match an element
	// without text: an element holding no text bytes is not measured.
	needText []bool
	// spam returns the spam model of the spam-score rules, asked for only
	// when one runs.
	spam     func() *spam.Model
	litsOnce sync.Once
	lits     *setLits
	// runs holds *textRun scratch (block copies, memos, dedupe maps) for
	// reuse by later Text calls: rebuilding the maps on every page,
	// growing and rehashing them, cost more than the lookups themselves.
	runs sync.Pool
}

// New returns a Program applying rules in order; model gives the spam
// model of the spam-score rules.
func New(rules []Rule, model func() *spam.Model) *Program {
	p := &Program{rules: rules, spam: model, needText: make([]bool, len(rules))}
	for i := range rules {
		rules[i].Match.Text.setSorted()
		p.needText[i] = rejectsEmpty(&rules[i])
	}
	return p
}

// rejectsEmpty reports whether r's text matchers rule out an element with
// no text (and so no words, no characters, no literal).
func rejectsEmpty(r *Rule) bool {
	tx := &r.Match.Text
	switch {
	case len(tx.Contains) > 0, tx.MinWords > 0, r.Match.Elem.MinLinkDensity > 0:
		return true
	}
	return (tx.Re != nil || tx.Not != nil) && !tx.matches("")
}
