package spam

import (
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/textscore"
	"golang.org/x/net/html/atom"
)

// subjectPass reads again the blocks of running text still scored as spam
// by their vocabulary alone (w.later.prose, after topicPass) with
// Model.OnSubject: the page's headline is its first <h1> when its <title>
// names it, its sentences its running prose below the spam score and the
// other blocks read here. A block read so is the page's prose.
func (w *walker) subjectPass() {
	var head string
	if n, t := domtext.First(w.root, atom.H1), domtext.First(w.root, atom.Title); n != nil && t != nil && textscore.TitleNames(domtext.ElementText(t), domtext.ElementText(n)) {
		head = domtext.ElementText(n)
	}
	texts := make([]string, len(w.later.prose))
	for i, u := range w.later.prose {
		texts[i] = domtext.ElementText(u.n)
	}
	others := func(yield func(string) bool) {
		for _, t := range w.later.proseTexts {
			if !yield(t) {
				return
			}
		}
		for _, t := range texts {
			if !yield(t) {
				return
			}
		}
	}
	left := w.later.prose[:0]
	for i, u := range w.later.prose {
		d := w.a.m.OnSubject(texts[i], w.a.scores[u.n], head, others)
		if d != nil && d.Value >= Unit {
			left = append(left, u)
			continue
		}
		w.a.scores[u.n] = d
		w.spam--
		w.a.spamWords -= u.f.Words
		w.later.proseTexts = append(w.later.proseTexts, fold.Fold(texts[i]))
	}
	w.later.prose = left
}
