package rules

import (
	"path"
	"regexp"
	"slices"

	"github.com/winnowhq/winnow/internal/rxhint"
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

var actionNames = [...]string{"remove", "cut-after", "drop", "strip", "dedupe", "keep"}

func (a Action) String() string {
	if int(a) < len(actionNames) {
		return actionNames[a]
	}
	return "unknown"
}

// Rule is one compiled rule: immutable once loaded. Regexes and selectors are
// compiled at load time only. What it matches is gathered by kind of match
// (text, block, element, link), how it acts by action: a new kind of match
// is one new type in match, not a field per setting here.
type Rule struct {
	ID          string
	Description string
	Scope       // where the rule runs
	Action      Action
	Examples    []Example
	Pos         Pos // where the rule starts in its file

	match matcher      // a rule matches a block or element when every set part matches
	act   actionParams // how the action is done
}

// Scope is where a rule runs: its stage, and the hosts and page types it
// covers.
type Scope struct {
	Stage     Stage
	Hosts     []string // host globs; empty means every host
	PageTypes []string // page types (package pagetype); empty means every type
}

// matcher is what a rule matches, by kind of match; the zero value of each
// part matches everything.
type matcher struct {
	text  textMatch  // the text of a block or element (both stages)
	block blockMatch // a block's place in the page (stage text)
	elem  elemMatch  // an element's name, attributes and links (stages dom and article)
	href  hrefMatch  // a link inside the element (stages dom and article)
	// spamScore: the block's or link's spam score is at least this (0: not a matcher).
	spamScore float64
}

// actionParams are the settings of the actions that take any.
type actionParams struct {
	strip    stripParams
	dedupe   dedupeParams
	cut      cutParams
	alsoNext int // drop: also drop the next block when it has at most this many words
}

// glyphMode selects decorative glyph runs for the strip action.
type glyphMode int

const (
	glyphsNone glyphMode = iota
	glyphsLeading
	glyphsTrailing
	glyphsBoth
)

// stripParams are what strip cuts out of a block.
type stripParams struct {
	pattern *regexp.Regexp // what to cut
	hint    rxhint.Hints   // byte tests told from pattern
	glyphs  glyphMode
}

// dedupeParams tune dedupe.
type dedupeParams struct {
	window     int     // compare with the previous window blocks (and the lead) only
	similarity float64 // 1 = exact after normalisation
	minChars   int     // shorter blocks are not compared
}

// cutParams bound cut-after.
type cutParams struct {
	maxCut     float64 // the cut may remove at most this share of the page's words (text) or text bytes (dom)
	spareProse int     // dom: the cut stops at a sibling holding a paragraph of this many words mostly outside links
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
