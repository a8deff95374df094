package spam

import (
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/fold"
	"golang.org/x/net/html/atom"
)

// headlinePass reads again the page's headline (its first <h1>) with
// OnHeadline's evidence: the page's <title> and its running prose below
// the spam score (the terms gluedCount kept of it).
func (w *walker) headlinePass() {
	n := domtext.First(w.root, atom.H1)
	t := domtext.First(w.root, atom.Title)
	if n == nil || t == nil {
		return
	}
	s := w.a.scores[n]
	if s == nil || s.Value < Unit {
		return
	}
	text := nodeText(n)
	d := w.a.m.OnHeadlineShares(text, nodeText(t), s, func(ft string) bool {
		for id := range w.later.proseTerms {
			if strings.Contains(ft, w.a.m.Terms().Text(id)) {
				return true
			}
		}
		return false
	})
	if d == s {
		return
	}
	w.a.scores[n] = d
	w.a.h1 = d
	w.a.headline = text
	w.spam--
	w.a.spamWords = max(w.a.spamWords-fold.CountWords(fold.Fold(text)), 0)
}

// CleanTitle is Model.CleanTitle on the analysed page: the title's part
// that is the page's own headline (see OnHeadline) stays, whatever its
// vocabulary.
func (a *Analysis) CleanTitle(title string) (string, string, *Score) {
	return a.m.CleanTitleKeeping(title, a.headline)
}
