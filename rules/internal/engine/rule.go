// Package engine applies compiled rules to a page: to its DOM (the dom and
// article stages, Program.DOM) and to its blocks of text (the text stage,
// Program.Text). It knows nothing of rule files, ids or scopes: package
// rules reads the files, checks them, and decides which rules run on a page;
// a Program only matches and acts, and tells a Recorder what it did, by the
// rule's position.
//
// A Rule is gathered by kind of match (text, block, element, link) and by
// action: match_text.go matches the text of a block or element,
// match_block.go a block's place in the page, match_elem.go an element's
// markup and links; dom.go and text.go apply the rules, strip.go and
// dedupe.go are the two text actions with most to do. The machinery they
// use knows nothing of rules: internal/litscan (literal prefilters),
// internal/rxhint (byte tests told from a regex), internal/subject
// (selector prefilter), internal/shingle (near-repeats), internal/glyph
// (decorative glyphs), internal/domtext (an element's visible text) and
// internal/elemtext (the page's elements, their texts measured once).
package engine

import (
	"regexp"

	"github.com/winnowhq/winnow/internal/rxhint"
)

// Action is what a rule does to what it matches.
type Action int

// Actions. Strings exist only at the YAML boundary and in traces.
const (
	// ActionRemove removes a matched DOM element.
	ActionRemove Action = iota
	// ActionCutAfter removes the matched block or element and everything after it.
	ActionCutAfter
	// ActionDrop drops a matched block of text.
	ActionDrop
	// ActionStrip cuts a pattern or a glyph run out of a block, keeping the rest.
	ActionStrip
	// ActionDedupe drops blocks repeating an earlier block, after normalisation.
	ActionDedupe
	// ActionKeep protects a matched block or element from every later rule.
	ActionKeep
)

// actionNames are the actions' names, indexed by Action.
var actionNames = [...]string{"remove", "cut-after", "drop", "strip", "dedupe", "keep"}

// ActionNames returns the names of the actions, in Action order.
func ActionNames() []string { return actionNames[:] }

func (a Action) String() string {
	if int(a) < len(actionNames) {
		return actionNames[a]
	}
	return "unknown"
}

// Rule is what the engine applies of one compiled rule: what it matches
// and what it does. The zero value of each part of Match matches everything.
type Rule struct {
	Action Action
	Match  Match
	Params Params
}

// Match is what a rule matches, by kind of match: a rule matches a block or
// element when every part set matches. A new kind of match is one new type
// here.
type Match struct {
	Text  TextMatch  // the text of a block or element (every stage)
	Block BlockMatch // a block's place in the page (stage text)
	Elem  ElemMatch  // an element's name, attributes and links (stages dom and article)
	Href  HrefMatch  // a link inside the element (stages dom and article)
	// SpamScore: the block's or link's spam score is at least this (0: not a matcher).
	SpamScore float64
}

// Params are the settings of the actions that take any.
type Params struct {
	Strip    StripParams
	Dedupe   DedupeParams
	Cut      CutParams
	AlsoNext int // drop: also drop the next block when it has at most this many words
	// SpareClean (remove or drop by spam-score): when the spam lies in a
	// run of whole sentences and the rest of the block, at least this many
	// words, shows no spam evidence, only the run goes.
	SpareClean int
}

// GlyphMode selects decorative glyph runs for the strip action.
type GlyphMode int

// Glyph modes: where strip cuts glyph runs.
const (
	GlyphsNone GlyphMode = iota
	GlyphsLeading
	GlyphsTrailing
	GlyphsBoth
)

// StripParams are what strip cuts out of a block.
type StripParams struct {
	Pattern *regexp.Regexp // what to cut
	Hint    rxhint.Hints   // byte tests told from Pattern
	Glyphs  GlyphMode
}

// DedupeParams tune dedupe.
type DedupeParams struct {
	Window     int     // compare with the previous Window blocks (and the lead) only
	Similarity float64 // 1 = exact after normalisation
	MinChars   int     // shorter blocks are not compared
	// SpareLabels, when above 0, keeps every copy of a text the blocks
	// show SpareLabels times or more: a label each item of a list
	// carries, not a lead printed twice.
	SpareLabels int
}

// CutParams bound cut-after.
type CutParams struct {
	MaxCut     float64 // the cut may remove at most this share of the page's words (text) or text bytes (dom)
	SpareProse int     // dom: the cut stops at a sibling holding a paragraph of this many words mostly outside links
	// Repeated (text, with MaxCut): on a page where the rule matches
	// minRepeated blocks or more (a marker under every item), only its
	// first match may cut, and only where the cut removes at most this
	// share: past the page's middle the items are its tail (teasers,
	// reviews), before it they are its content (a listing).
	Repeated float64
}

// minRepeated is how many matches make a marker repeated (see
// CutParams.Repeated).
const minRepeated = 3
