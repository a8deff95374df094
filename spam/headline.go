package spam

import (
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
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
	d := w.a.m.onHeadline(text, nodeText(t), s, func(ft string) bool {
		for id := range w.proseTerms {
			if strings.Contains(ft, w.a.m.terms.Text(id)) {
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

// OnHeadline reads again s, the ScoreText of text, when text is the page's
// headline and scored as spam by its vocabulary alone: when the page's
// title is the same words, whole or as one of its parts ("Headline -
// Site"), and the page's running prose below the spam score (prose's
// texts, gluedMinClean words or more) uses a term the headline holds (its
// own, or one within it: the prose's "judi online" within the headline's
// "situs judi online"), the vocabulary counts at the topic-page discount,
// as on a page about the topic. Spam injected into a page does not rewrite
// the <title> and the headline alike and then write a story under them; a
// news story on a blocking order or a police raid names the activity in
// all three, in words spam also uses. A headline with brand codes, links
// or hiding keeps its score: those are not vocabulary alone.
func (m *Model) OnHeadline(text, title string, s *Score, prose func(yield func(string) bool)) *Score {
	return m.onHeadline(text, title, s, func(ft string) bool {
		for hits := range m.cleanProse(prose) {
			for _, h := range hits {
				if strings.Contains(ft, m.terms.Text(h.ID)) {
					return true
				}
			}
		}
		return false
	})
}

// onHeadline is OnHeadline with the prose asked through shares: does the
// page's running prose below the spam score use a term within folded
// text ft.
func (m *Model) onHeadline(text, title string, s *Score, shares func(ft string) bool) *Score {
	if s == nil || s.Value < Unit || !vocabularyOnly(s) || !titleNames(title, text) {
		return s
	}
	for _, e := range s.Evidence {
		if e.Counted && e.Signal == lexicon.SigBrand {
			return s // a headline is not a brand's line
		}
	}
	ft := fold.Fold(text)
	if !shares(ft) {
		return s
	}
	f := m.foldedFacts(ft, m.terms.Find(ft))
	if d := m.discount(&f, "the page's headline: its title, and its prose's terms"); d == nil || d.Value < Unit {
		return d
	}
	return s
}

// vocabularyOnly reports a score that rests on vocabulary alone: terms,
// plain brand codes and the legitimate senses of words.
func vocabularyOnly(s *Score) bool {
	for _, e := range s.Evidence {
		if e.Counted && e.Signal != lexicon.SigTerms && e.Signal != lexicon.SigBrand && e.Signal != lexicon.SigLegit {
			return false
		}
	}
	return true
}

// titleNames reports whether title, whole or one of its parts, is text in
// other words than case, spacing and punctuation.
func titleNames(title, text string) bool {
	want := foldedWords(text)
	if want == "" {
		return false
	}
	if foldedWords(title) == want {
		return true
	}
	for _, sep := range titleSeps {
		for part := range strings.SplitSeq(title, sep) {
			if foldedWords(part) == want {
				return true
			}
		}
	}
	return false
}

func foldedWords(s string) string {
	var b strings.Builder
	for w := range fold.Words(fold.Fold(s)) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// CleanTitle is Model.CleanTitle on the analysed page: the title's part
// that is the page's own headline (see OnHeadline) stays, whatever its
// vocabulary.
func (a *Analysis) CleanTitle(title string) (string, string, *Score) {
	return a.m.cleanTitle(title, a.headline)
}
