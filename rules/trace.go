package rules

import (
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/spam"
)

// Trace records what rules did to one page. Counts are always kept; Hits only
// when Detailed is set, so that a plain run pays for no excerpts. A nil *Trace
// records nothing.
type Trace struct {
	Detailed bool
	Counts   map[string]int
	Hits     []Hit
}

// ExcerptLen is how many runes of touched text a Hit keeps.
const ExcerptLen = 80

// count counts one hit for r and reports whether the hit's details are
// wanted, so that callers format where and what only for a detailed trace.
func (t *Trace) count(r *Rule) bool {
	if t == nil {
		return false
	}
	if t.Counts == nil {
		t.Counts = map[string]int{}
	}
	t.Counts[r.ID]++
	return t.Detailed
}

// add keeps the details of a hit already counted.
func (t *Trace) add(r *Rule, where, text string) {
	t.Hits = append(t.Hits, Hit{Rule: r.ID, Stage: r.Stage.String(), Action: r.Action.String(), Where: where,
		Excerpt: textnorm.Truncate(textnorm.Collapse(text), ExcerptLen)})
}

// scored adds a spam score and its evidence to the last hit kept.
func (t *Trace) scored(s *spam.Score) {
	if s == nil || len(t.Hits) == 0 {
		return
	}
	h := &t.Hits[len(t.Hits)-1]
	h.Score, h.Evidence = s.Value, s.String()
}

// Record counts one hit for ruleID and, when detailed, keeps an excerpt of
// text. The clean package uses it for its own built-in steps.
func (t *Trace) Record(ruleID, stage, action, where, text string) {
	if t == nil {
		return
	}
	if t.Counts == nil {
		t.Counts = map[string]int{}
	}
	t.Counts[ruleID]++
	t.Note(ruleID, stage, action, where, text)
}

// Note keeps, when detailed, the details of a step that is not a rule's
// removal (content selection leaving a candidate out) without counting it,
// so that Counts stay the same with or without details.
func (t *Trace) Note(id, stage, action, where, text string) {
	if t == nil || !t.Detailed {
		return
	}
	t.Hits = append(t.Hits, Hit{Rule: id, Stage: stage, Action: action, Where: where,
		Excerpt: textnorm.Truncate(textnorm.Collapse(text), ExcerptLen)})
}
