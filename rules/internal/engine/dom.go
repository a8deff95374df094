package engine

import (
	"context"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/elemtext"
	"github.com/winnowhq/winnow/spam"
	"golang.org/x/net/html"
)

// DOM runs the rules at the positions applies admits on doc, in order,
// removing what they match, and tells rec (which may be nil) of every
// removal. an is the page's spam analysis, already made by the caller (who
// also wants the page verdict); nil makes it when a spam-score rule first
// needs it. DOM stops with ctx's error, between rules, once ctx is done;
// doc is then left partly cleaned.
func (p *Program) DOM(ctx context.Context, doc *html.Node, applies func(rule int) bool, page Page, rec Recorder, an *spam.Analysis) error {
	if p == nil {
		return nil
	}
	run := domRun{prog: p, doc: doc, page: page, rec: rec, an: an, lits: p.literals()}
	for ri := range p.rules {
		if !applies(ri) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		run.apply(ri, &p.rules[ri])
	}
	return nil
}

// domRun is the state of one DOM call.
type domRun struct {
	prog *Program
	doc  *html.Node
	page Page
	rec  Recorder
	an   *spam.Analysis
	kept map[*html.Node]bool
	all  []*html.Node // every element in document order, gathered once: one walk serves every rule
	lens []int        // text bytes per element of all, for word caps
	// texts holds element texts, shared by the rules.
	texts *elemtext.Cache
	lits  *setLits
	// pageChars is the page's text bytes, measured at a rule's first
	// capped cut (-1: not yet).
	pageChars int
}

// apply runs r, at position ri, on every element of the page.
func (run *domRun) apply(ri int, r *Rule) {
	if run.all == nil {
		run.all, run.lens = elemtext.Index(run.doc)
		// The rules measure about two elements in five (AEB): made at
		// half the page's size, the text cache is not grown and rehashed
		// entry by entry.
		run.texts = elemtext.NewCache(len(run.all) / 2)
	}
	run.pageChars = -1
	if r.Match.SpamScore > 0 {
		if run.an == nil {
			run.an = spam.Analyze(run.prog.spam(), run.doc, run.page.Host)
		}
		if run.an.MaxScore() < r.Match.SpamScore {
			return // no element scores enough: most pages
		}
	}
	em := &r.Match.Elem
	for i, n := range run.all {
		if em.Selector != nil && (!em.Subjects.Candidate(n) || !em.Subjects.Exact() && !em.Selector.Match(n)) {
			continue
		}
		// An upper bound (removals only shorten text): far too long for
		// the cap, or no text where the rule needs some, means no match,
		// without reading the text.
		if r.Match.Text.MaxWords > 0 && run.lens[i] > (r.Match.Text.MaxWords+1)*48 || run.lens[i] == 0 && run.prog.needText[ri] {
			continue
		}
		var score *spam.Score
		if r.Match.SpamScore > 0 {
			if score = run.an.Score(n); score == nil || score.Value < r.Match.SpamScore {
				continue
			}
		}
		// domtext.Contains: n is still in the page (no removed ancestor).
		if !domtext.Contains(run.doc, n) || protected(n, run.kept) || !domMatches(r, n, run.texts, run.lits, ri) {
			continue
		}
		run.act(ri, r, n, score)
	}
}

// act does r's action to n, which r (at position ri) matched with score.
func (run *domRun) act(ri int, r *Rule, n *html.Node, score *spam.Score) {
	switch r.Action {
	case ActionKeep:
		if run.kept == nil {
			run.kept = map[*html.Node]bool{}
		}
		run.kept[n] = true
	case ActionRemove:
		if r.Params.SpareClean > 0 && run.spareClean(ri, n, score, r.Params.SpareClean) || score != nil && run.an.Glued(n) {
			return // a glued spam sentence is cut, or the paragraph stays
		}
		run.remove(ri, n, score)
	case ActionCutAfter:
		victims := cutVictims(r, n, run.kept)
		if r.Params.Cut.MaxCut > 0 {
			// The share is of the page's text as it stands now (earlier
			// rules' removals already gone): a marker above a product grid
			// or a result list would take the page's content with it.
			if run.pageChars < 0 {
				run.pageChars = domtext.Chars(run.doc)
			}
			cutChars := 0
			for _, c := range victims {
				cutChars += domtext.Chars(c)
			}
			if float64(cutChars) > r.Params.Cut.MaxCut*float64(run.pageChars) {
				return
			}
			run.pageChars -= cutChars
		}
		for _, c := range victims {
			run.remove(ri, c, nil)
		}
	}
}

// remove removes n from the page for the rule at position ri, telling the
// recorder.
func (run *domRun) remove(ri int, n *html.Node, score *spam.Score) {
	if run.rec != nil && run.rec.Count(ri) {
		run.rec.Detail(ri, domtext.Path(n), domtext.Text(n), score)
	}
	run.texts.Changed(n)
	n.Parent.RemoveChild(n)
}

// spareClean cuts from n, a paragraph whose spam score comes from its own
// text, only the run of sentences the spam lies in, when the rest is a
// real paragraph of at least minClean words; it reports whether it did.
func (run *domRun) spareClean(ri int, n *html.Node, score *spam.Score, minClean int) bool {
	if !score.FromText() || domtext.HoldsBlocks(n) {
		return false
	}
	text := domtext.Gather(n, domtext.TextEdge)
	from, to, s, ok := run.an.SpamRun(n, text, minClean)
	if !ok {
		return false
	}
	if run.rec != nil && run.rec.Count(ri) {
		run.rec.Detail(ri, domtext.Path(n), text[from:to], s)
	}
	run.texts.Changed(n)
	domtext.CutText(n, domtext.TextEdge, from, to)
	return true
}

// cutVictims returns what cut-after removes for a match at n: n and its
// later siblings, up to the first that holds prose when the rule spares it,
// those a keep rule protects aside.
func cutVictims(r *Rule, n *html.Node, kept map[*html.Node]bool) []*html.Node {
	var out []*html.Node
	for c := n; c != nil; c = c.NextSibling {
		if c != n && r.Params.Cut.SpareProse > 0 && domtext.HoldsProse(c, r.Params.Cut.SpareProse) {
			break // a marker inside an article: its teasers go, the article stays
		}
		if !kept[c] {
			out = append(out, c)
		}
	}
	return out
}

func protected(n *html.Node, kept map[*html.Node]bool) bool {
	if kept == nil {
		return false
	}
	for ; n != nil; n = n.Parent {
		if kept[n] {
			return true
		}
	}
	return false
}
