package rules

import (
	"context"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/rules/internal/engine"
	"github.com/winnowhq/winnow/spam"
	"golang.org/x/net/html"
)

// Page carries what rules may need to know about the page: its host (for
// host scopes and own-host), title (for same-as-title) and page type (for
// page_types scopes; "" when unknown).
type Page = engine.Page

// ApplyDOM runs the rules of stage (StageDOM on the page, StageArticle on the
// extracted article) whose scope covers page on doc, in order, removing what
// they match. Every removal is recorded in t (which may be nil).
func (s *Set) ApplyDOM(doc *html.Node, stage Stage, page Page, t *Trace) {
	_ = s.ApplyDOMContext(context.Background(), doc, stage, page, t, nil)
}

// ApplyDOMContext is ApplyDOM with the page's spam analysis already made
// (by the caller, who also wants the page verdict; nil makes it when a
// spam-score rule first needs it), stopping with ctx's error, between rules,
// once ctx is done; doc is then left partly cleaned.
func (s *Set) ApplyDOMContext(ctx context.Context, doc *html.Node, stage Stage, page Page, t *Trace, an *spam.Analysis) error {
	if s == nil {
		return nil
	}
	return s.prog.DOM(ctx, doc, s.applies(stage, page), page, s.recorder(t), an)
}

// ApplyText runs the text-stage rules on blocks, in order, and returns the
// blocks left. blocks is not modified. Every removal or change is recorded in
// t (which may be nil).
//
// The rules run again until a pass changes nothing (at most a few passes):
// one rule can expose what an earlier one matches (a brand cut from a line's
// end uncovers a glyph), and cleaning clean text must change nothing.
func (s *Set) ApplyText(blocks []block.Block, page Page, t *Trace) []block.Block {
	out, _ := s.ApplyTextContext(context.Background(), blocks, page, t)
	return out
}

// ApplyTextContext is ApplyText stopping with ctx's error, between rules,
// once ctx is done.
func (s *Set) ApplyTextContext(ctx context.Context, blocks []block.Block, page Page, t *Trace) ([]block.Block, error) {
	if s == nil {
		out := make([]block.Block, len(blocks))
		copy(out, blocks)
		return out, nil
	}
	return s.prog.Text(ctx, blocks, s.applies(StageText, page), page, s.recorder(t))
}

// applies returns whether the rule at a position runs at stage on page.
func (s *Set) applies(stage Stage, page Page) func(int) bool {
	return func(i int) bool {
		r := s.rules[i]
		return r.Stage == stage && r.appliesTo(page)
	}
}

// recorder returns what tells t of the engine's removals: nil for a nil t.
func (s *Set) recorder(t *Trace) engine.Recorder {
	if t == nil {
		return nil
	}
	return traceRecorder{t, s.rules}
}

// traceRecorder records the engine's removals in a Trace, by rule.
type traceRecorder struct {
	t     *Trace
	rules []*Rule
}

func (tr traceRecorder) Count(i int) bool { return tr.t.count(tr.rules[i]) }

func (tr traceRecorder) Detail(i int, where, text string, score *spam.Score) {
	tr.t.add(tr.rules[i], where, text)
	tr.t.scored(score)
}
