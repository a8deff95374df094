package spam

import (
	"slices"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/fold"
	"golang.org/x/net/html/atom"
)

// subjectPass reads again the running text still spam by its vocabulary alone
// (w.later.prose) with Model.OnSubject, on the page's headline and paragraphs.
func (w *walker) subjectPass() {
	head := w.a.m.OwnHeadline(domtext.FirstText(w.root, atom.Title), domtext.FirstText(w.root, atom.H1))
	var texts []string
	for _, u := range w.later.prose {
		texts = append(texts, domtext.ElementText(u.n))
	}
	for _, n := range w.later.plain {
		texts = append(texts, domtext.ElementText(n))
	}
	left := w.later.prose[:0]
	for i, u := range w.later.prose {
		if d := w.a.m.OnSubject(texts[i], w.a.scores[u.n], head, slices.Values(texts)); d != nil && d.Value >= Unit {
			left = append(left, u)
		} else {
			w.a.scores[u.n], w.a.spamWords, w.spam = d, w.a.spamWords-u.f.Words, w.spam-1
			w.later.proseTexts = append(w.later.proseTexts, fold.Fold(texts[i]))
		}
	}
	w.later.prose = left
}
