package rules

import "github.com/winnowhq/winnow/internal/textnorm"

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

func (t *Trace) record(r *Rule, where, text string) {
	t.Record(r.ID, r.Stage.String(), r.Action.String(), where, text)
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
	if t.Detailed {
		t.Hits = append(t.Hits, Hit{Rule: ruleID, Stage: stage, Action: action, Where: where,
			Excerpt: textnorm.Truncate(textnorm.Collapse(text), ExcerptLen)})
	}
}
