package rules

import (
	"fmt"
	"slices"

	"github.com/winnowhq/winnow/rules/internal/engine"
	"github.com/winnowhq/winnow/spam"
)

// Set is an immutable, ordered set of compiled rules, safe for concurrent use.
// Within a stage, keep rules run first, then the others in load order (files
// by name, rules in file order).
type Set struct {
	rules []*Rule
	byID  map[string]*Rule
	// lexicons extend the built-in spam lexicon, in order; model is the
	// compiled result (nil: the built-in model).
	lexicons []*spam.Lexicon
	model    *spam.Model
	// prog applies the rules, in the same order.
	prog *engine.Program
}

// NewSet builds a Set from rules in order. Duplicate ids are errors.
func NewSet(rs ...*Rule) (*Set, error) {
	s := &Set{byID: make(map[string]*Rule, len(rs))}
	var errs ErrorList
	for _, r := range rs {
		if prev, dup := s.byID[r.ID]; dup {
			errs.Add(r.Pos, "duplicate rule id %q (first defined at %s)", r.ID, prev.Pos)
			continue
		}
		s.byID[r.ID] = r
		s.rules = append(s.rules, r)
	}
	// Keep rules first within their stage; stable, so load order holds otherwise.
	slices.SortStableFunc(s.rules, func(a, b *Rule) int {
		ka, kb := a.Action == ActionKeep, b.Action == ActionKeep
		switch {
		case ka == kb:
			return 0
		case ka:
			return -1
		}
		return 1
	})
	if err := errs.Err(); err != nil {
		return nil, err
	}
	compiled := make([]engine.Rule, len(s.rules))
	for i, r := range s.rules {
		compiled[i] = r.compiled()
	}
	s.prog = engine.New(compiled, s.Spam)
	return s, nil
}

// Merge returns a Set of s's rules followed by others', and their
// lexicons in the same order. Duplicate ids are errors.
func (s *Set) Merge(others ...*Set) (*Set, error) {
	all := slices.Clone(s.Rules())
	var lex []*spam.Lexicon
	if s != nil {
		lex = slices.Clone(s.lexicons)
	}
	for _, o := range others {
		all = append(all, o.Rules()...)
		if o != nil {
			lex = append(lex, o.lexicons...)
		}
	}
	set, err := NewSet(all...)
	if err != nil || len(lex) == 0 {
		return set, err
	}
	return set.WithLexicons(lex...)
}

// WithLexicons returns a copy of s whose spam model is the built-in
// lexicon extended and overridden by lexicons, in order.
func (s *Set) WithLexicons(lexicons ...*spam.Lexicon) (*Set, error) {
	base, err := spam.Builtin()
	if err != nil {
		return nil, err
	}
	m, err := spam.Compile(append([]*spam.Lexicon{base}, lexicons...)...)
	if err != nil {
		return nil, err
	}
	out, err := NewSet(s.Rules()...)
	if err != nil {
		return nil, err
	}
	out.lexicons, out.model = slices.Clone(lexicons), m
	return out, nil
}

// Spam returns the spam model the set's spam-score rules use: the built-in
// lexicon, extended by the lexicons of the set's rule files.
func (s *Set) Spam() *spam.Model {
	if s != nil && s.model != nil {
		return s.model
	}
	m, err := spam.Default()
	if err != nil {
		panic("winnow: built-in spam lexicon: " + err.Error()) // embedded and tested: cannot happen
	}
	return m
}

// Without returns a Set lacking the rules with the given ids. An id that names
// no rule is an error, so that a typo in --disable is not silently ignored.
func (s *Set) Without(ids ...string) (*Set, error) {
	drop := map[string]bool{}
	for _, id := range ids {
		if _, ok := s.byID[id]; !ok {
			return nil, fmt.Errorf("no rule with id %q", id)
		}
		drop[id] = true
	}
	var keep []*Rule
	for _, r := range s.Rules() {
		if !drop[r.ID] {
			keep = append(keep, r)
		}
	}
	out, err := NewSet(keep...)
	if err != nil {
		return nil, err
	}
	out.lexicons, out.model = s.lexicons, s.model
	return out, nil
}

// Rules returns the rules in application order. The slice must not be modified.
func (s *Set) Rules() []*Rule {
	if s == nil {
		return nil
	}
	return s.rules
}

// Rule returns the rule with the given id, or nil.
func (s *Set) Rule(id string) *Rule {
	if s == nil {
		return nil
	}
	return s.byID[id]
}

// Len returns the number of rules.
func (s *Set) Len() int { return len(s.Rules()) }
