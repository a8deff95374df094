package rules

import (
	"path"
	"regexp"
	"slices"

	"github.com/andybalholm/cascadia"
	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/rxhint"
	"github.com/winnowhq/winnow/internal/subject"
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

// glyphMode selects decorative glyph runs for the strip action.
type glyphMode int

const (
	glyphsNone glyphMode = iota
	glyphsLeading
	glyphsTrailing
	glyphsBoth
)

// blockPosition restricts a text rule to the first or last block.
type blockPosition int

const (
	posAny blockPosition = iota
	posFirst
	posLast
)

// Rule is one compiled rule: immutable once loaded. Regexes and selectors are
// compiled at load time only.
type Rule struct {
	ID          string
	Description string
	Stage       Stage
	Hosts       []string // host globs; empty means every host
	PageTypes   []string // page types (package pagetype); empty means every type
	Action      Action
	Examples    []Example
	Pos         Pos // where the rule starts in its file

	// Matchers. A rule matches a block or element when every set matcher matches.
	selector    cascadia.Selector
	selectorSrc string
	subjects    subject.Filter // what an element needs for selector to match it
	text        *regexp.Regexp // must match the block or element text
	notText     *regexp.Regexp // must not match
	pattern     *regexp.Regexp // strip: what to cut
	href        *regexp.Regexp // dom: some link inside (or the element itself) has a matching href
	hrefHost    *regexp.Regexp // dom: the same, matched against the link host only
	hrefLits    []string       // dom: lower-case literals one of which the href must hold first
	kinds       []block.Kind
	hidden      bool
	spamScore   float64 // the block's or link's spam score is at least this (0: not a matcher)
	minLinkDens float64
	minLinks    int
	minWords    int
	maxWords    int // 0: no limit
	minMatches  int // text regex must match at least this many times
	position    blockPosition
	afterWords  int // only blocks preceded by at least this many words
	repeats     int // block text occurs at least this many times in the page
	maxCut      float64
	spareProse  int      // dom cut-after: the cut stops at a sibling holding a paragraph of this many words mostly outside links
	class       []string // dom: lower-case substrings, one of which the class or id attribute holds
	notTags     []string // dom: element names never matched
	teasers     int      // dom: at least this many sibling children that each hold a link and little text
	ownHost     bool     // text: the block names the page's own host (a leaked permalink)
	alsoNext    int      // drop: also drop the next block when it has at most this many words
	window      int      // dedupe: compare with the previous window blocks (and the first 3) only // cut-after: the cut may remove at most this share of the words
	sameAsTitle bool
	glyphs      glyphMode
	similarity  float64 // dedupe: 1 = exact after normalisation
	minChars    int     // dedupe: shorter blocks are not compared

	// contains is a cheap prefilter: lower-case literals, one of which the
	// text must contain before any regex runs.
	contains []string
	// textHint and patternHint are the byte tests told from text and pattern.
	textHint, patternHint rxhint.Hints
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

func (r *Rule) hasKind(k block.Kind) bool {
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

// textMatches applies the text, not-text and min-matches matchers; the
// caller has applied contains (see setLits).
func (r *Rule) textMatches(text string) bool {
	return r.textMayMatch(text) && r.textRegexMatches(text)
}

// textMayMatch applies the byte tests derived from the text regex (first
// and last byte, required bytes), which cost next to nothing: false means
// the text cannot match.
func (r *Rule) textMayMatch(text string) bool {
	return r.textHint.May(r.textHint.Window(text))
}

// textRegexMatches runs the text and not-text regexes.
func (r *Rule) textRegexMatches(text string) bool {
	if r.notText != nil && r.notText.MatchString(text) {
		return false
	}
	if r.text == nil {
		return true
	}
	t := r.textHint.Window(text)
	if r.minMatches > 1 {
		return len(r.text.FindAllStringIndex(t, r.minMatches)) >= r.minMatches
	}
	return r.text.MatchString(t)
}
