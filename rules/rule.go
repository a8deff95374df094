package rules

import (
	"path"
	"regexp"

	"github.com/andybalholm/cascadia"
)

// Stage is when a rule runs in the cleaning pipeline.
type Stage int

const (
	// StageDOM rules run on the parsed page, before the readability pass.
	StageDOM Stage = iota
	// StageText rules run on the extracted blocks of text (and on plain-text input).
	StageText
)

func (s Stage) String() string {
	if s == StageDOM {
		return "dom"
	}
	return "text"
}

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

// Glyphs selects decorative glyph runs for the strip action.
type Glyphs int

const (
	GlyphsNone Glyphs = iota
	GlyphsLeading
	GlyphsTrailing
	GlyphsBoth
)

// Position restricts a text rule to the first or last block.
type Position int

const (
	PosAny Position = iota
	PosFirst
	PosLast
)

// Rule is one compiled rule: immutable once loaded. Regexes and selectors are
// compiled at load time only.
type Rule struct {
	ID          string
	Description string
	Stage       Stage
	Hosts       []string // host globs; empty means every host
	Action      Action
	Examples    []Example
	Pos         Pos // where the rule starts in its file

	// Matchers. A rule matches a block or element when every set matcher matches.
	selector    cascadia.Selector
	selectorSrc string
	text        *regexp.Regexp // must match the block or element text
	notText     *regexp.Regexp // must not match
	pattern     *regexp.Regexp // strip: what to cut
	href        *regexp.Regexp // dom: some link inside (or the element itself) has a matching href
	kinds       []Kind
	hidden      bool
	minLinkDens float64
	minLinks    int
	minWords    int
	maxWords    int // 0: no limit
	minMatches  int // text regex must match at least this many times
	position    Position
	afterWords  int // only blocks preceded by at least this many words
	repeats     int // block text occurs at least this many times in the page
	sameAsTitle bool
	glyphs      Glyphs
	similarity  float64 // dedupe: 1 = exact after normalisation
	minChars    int     // dedupe: shorter blocks are not compared
}

// Example is an in/out pair that documents and tests a rule. For text rules
// both are text, one block per line; for DOM rules In is an HTML fragment and
// Out the text left, one block per line.
type Example struct {
	In, Out string
	Pos     Pos
}

// appliesTo reports whether the rule's host scope covers host.
func (r *Rule) appliesTo(host string) bool {
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

func (r *Rule) hasKind(k Kind) bool {
	if len(r.kinds) == 0 {
		return true
	}
	for _, x := range r.kinds {
		if x == k {
			return true
		}
	}
	return false
}
