package rules

import (
	"context"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

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
	var kept map[*html.Node]bool
	var all []*html.Node // every element in document order, gathered once: one walk serves every rule
	var lens []int       // text bytes per element of all, for word caps
	texts := elemTexts{} // element texts, shared by the rules
	lits := s.literals()
	for ri, r := range s.Rules() {
		if r.Stage != stage || !r.appliesTo(page) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if all == nil {
			all, lens = indexElements(doc)
		}
		pageChars := -1 // the page's text bytes, measured at this rule's first capped cut
		if r.match.spamScore > 0 && an == nil {
			an = s.Spam().Analyze(doc, page.Host)
		}
		for i, n := range all {
			if r.match.elem.selector != nil && (!r.match.elem.subjects.Candidate(n) || !r.match.elem.subjects.Exact() && !r.match.elem.selector.Match(n)) {
				continue
			}
			// An upper bound (removals only shorten text): far too long for
			// the cap means no match, without reading the text.
			if r.match.text.maxWords > 0 && lens[i] > (r.match.text.maxWords+1)*48 {
				continue
			}
			var score *spam.Score
			if r.match.spamScore > 0 {
				if score = an.Score(n); score == nil || score.Value < r.match.spamScore {
					continue
				}
			}
			if !attached(n, doc) || protected(n, kept) || !domMatches(r, n, texts, lits, ri) {
				continue
			}
			switch r.Action {
			case ActionKeep:
				if kept == nil {
					kept = map[*html.Node]bool{}
				}
				kept[n] = true
			case ActionRemove:
				if t.count(r) {
					t.add(r, domtext.Path(n), domtext.Text(n))
					t.scored(score)
				}
				texts.changed(n)
				n.Parent.RemoveChild(n)
			case ActionCutAfter:
				victims := cutVictims(r, n, kept)
				if r.act.cut.maxCut > 0 {
					// The share is of the page's text as it stands now
					// (earlier rules' removals already gone): a marker
					// above a product grid or a result list would take
					// the page's content with it.
					if pageChars < 0 {
						pageChars = domtext.Measure(doc, 0).Chars
					}
					cutChars := 0
					for _, c := range victims {
						cutChars += domtext.Measure(c, 0).Chars
					}
					if float64(cutChars) > r.act.cut.maxCut*float64(pageChars) {
						continue
					}
					pageChars -= cutChars
				}
				for _, c := range victims {
					if t.count(r) {
						t.add(r, domtext.Path(c), domtext.Text(c))
					}
					texts.changed(c)
					c.Parent.RemoveChild(c)
				}
			}
		}
	}
	return nil
}

// cutVictims returns what cut-after removes for a match at n: n and its
// later siblings, up to the first that holds prose when the rule spares it,
// those a keep rule protects aside.
func cutVictims(r *Rule, n *html.Node, kept map[*html.Node]bool) []*html.Node {
	var out []*html.Node
	for c := n; c != nil; c = c.NextSibling {
		if c != n && r.act.cut.spareProse > 0 && domtext.HoldsProse(c, r.act.cut.spareProse) {
			break // a marker inside an article: its teasers go, the article stays
		}
		if !kept[c] {
			out = append(out, c)
		}
	}
	return out
}

// attached reports whether n is still in doc (no removed ancestor).
func attached(n, doc *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == doc {
			return true
		}
	}
	return false
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

// indexElements returns doc's elements in document order and the bytes of
// text each holds (script, style, noscript and template aside), in one walk.
func indexElements(doc *html.Node) ([]*html.Node, []int) {
	var all []*html.Node
	var lens []int
	var walk func(n *html.Node) int
	walk = func(n *html.Node) int {
		i := -1
		switch n.Type {
		case html.TextNode:
			return len(n.Data)
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				all = append(all, n)
				lens = append(lens, 0)
				// Their elements still count as elements to match.
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				return 0
			}
			i = len(all)
			all = append(all, n)
			lens = append(lens, 0)
		}
		total := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			total += walk(c)
		}
		if i >= 0 {
			lens[i] = total
		}
		return total
	}
	walk(doc)
	return all, lens
}
