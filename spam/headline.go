package spam

import (
	"slices"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/fold"
	"golang.org/x/net/html/atom"
)

// headlinePass reads again the page's headline (its first <h1>) with
// OnHeadline's evidence: the page's <title> and its running prose below
// the spam score (w.later.proseTexts). A headline read so is the page's
// own: its vocabulary counts in the page's topic, as a headline below the
// spam score does (gluedCount), and headlinePass reports it.
func (w *walker) headlinePass() bool {
	n := domtext.First(w.root, atom.H1)
	t := domtext.First(w.root, atom.Title)
	if n == nil || t == nil {
		return false
	}
	s := w.a.scores[n]
	if s == nil || s.Value < Unit {
		return false
	}
	text := domtext.ElementText(n)
	tm := w.a.m.Terms()
	d := w.a.m.OnHeadlineShares(text, domtext.ElementText(t), s, func(ft string) bool {
		return slices.ContainsFunc(w.later.proseTexts, func(pt string) bool { return tm.Share(ft, pt) }) || w.a.m.NamesSubject(ft, slices.Values(w.later.proseTexts))
	})
	if d == s {
		return false
	}
	w.a.scores[n] = d
	w.a.h1 = d
	w.a.headline = text
	w.spam--
	w.a.spamWords = max(w.a.spamWords-fold.CountWords(fold.Fold(text)), 0)
	hits := tm.Find(fold.Fold(text))
	w.later.proseTopic += tm.Mass(hits) + tm.LegitMass(hits)
	return true
}

// CleanTitle is Model.CleanTitle on the analysed page: the title's part
// that is the page's own headline (see OnHeadline) stays, whatever its
// vocabulary.
func (a *Analysis) CleanTitle(title string) (string, string, *Score) {
	return a.m.CleanTitleKeeping(title, a.headline)
}
