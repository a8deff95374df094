package rules

import (
	"path"
	"slices"

	"github.com/winnowhq/winnow/rules/internal/engine"
)

// Stage is when a rule runs in the cleaning pipeline.
type Stage int

const (
	// StageDOM rules run on the parsed page, before the readability pass.
	StageDOM Stage = iota
	// StageText rules run on the extracted blocks of text (and on plain-text input).
	StageText
	// StageArticle rules run on the article DOM the readability pass chose,
	// before it is rendered to text: furniture removed here (bylines,
	// captions, share bars) cannot sway which part of the page wins.
	StageArticle
)

func (s Stage) String() string {
	switch s {
	case StageDOM:
		return "dom"
	case StageArticle:
		return "article"
	}
	return "text"
}

// isDOM reports whether the stage works on elements.
func (s Stage) isDOM() bool { return s == StageDOM || s == StageArticle }

// Action is what a rule does to what it matches (see Actions in the
// package doc).
type Action = engine.Action

// Actions. Strings exist only at the YAML boundary and in traces.
const (
	ActionRemove   = engine.ActionRemove   // remove a matched DOM element
	ActionCutAfter = engine.ActionCutAfter // remove the match and everything after it
	ActionDrop     = engine.ActionDrop     // drop a matched block of text
	ActionStrip    = engine.ActionStrip    // cut a pattern or glyph run out of a block
	ActionDedupe   = engine.ActionDedupe   // drop blocks repeating an earlier one
	ActionKeep     = engine.ActionKeep     // protect the match from every later rule
)

// Rule is one compiled rule: immutable once loaded. Regexes and selectors are
// compiled at load time only. What it matches is gathered by kind of match
// (text, block, element, link), how it acts by action: a new kind of match
// is one new type in the engine's Match, not a field per setting here.
type Rule struct {
	ID          string
	Description string
	Scope       // where the rule runs
	Action      Action
	Examples    []Example
	Pos         Pos // where the rule starts in its file

	match  engine.Match  // a rule matches a block or element when every set part matches
	params engine.Params // how the action is done
}

// Scope is where a rule runs: its stage, and the hosts and page types it
// covers. The Set decides from it which rules run on a page; the engine
// only applies them.
type Scope struct {
	Stage     Stage
	Hosts     []string // host globs; empty means every host
	PageTypes []string // page types (package pagetype); empty means every type
}

// Example is an in/out pair that documents and tests a rule. For text rules
// both are text, one block per line; for DOM rules In is an HTML fragment and
// Out the text left, one block per line.
type Example struct {
	In, Out string
	Pos     Pos
}

// appliesTo reports whether the rule's scope covers the page: its host and
// its page type (a page of unknown type is in every type's scope).
func (r *Rule) appliesTo(page Page) bool {
	if len(r.PageTypes) > 0 && page.Type != "" && !slices.Contains(r.PageTypes, page.Type) {
		return false
	}
	host := page.Host
	if len(r.Hosts) == 0 {
		return true
	}
	for _, g := range r.Hosts {
		if ok, _ := path.Match(g, host); ok {
			return true
		}
	}
	return false
}

// compiled returns what the engine applies of r.
func (r *Rule) compiled() engine.Rule {
	return engine.Rule{Action: r.Action, Match: r.match, Params: r.params}
}
