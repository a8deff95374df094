package textscore

import (
	"strings"
	"unicode/utf8"

	"github.com/winnowhq/winnow/spam/evidence"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/subject"
	"github.com/winnowhq/winnow/spam/terms"
)

// OnSubject reads again s, the ScoreText of text, when it scored as spam
// by its vocabulary alone (no brand code) and text is written as a story's
// sentence (storyShaped): when its terms are the page's subject, their
// stems written in the page's own headline head or in its other texts
// written as sentences (others), the vocabulary counts at the topic-page
// discount. A
// story about a casino, a lottery or a gambler's recovery writes its
// subject's words throughout, in any language and whether the lexicon
// knows them as the topic's or not; spam set into a page about something
// else is a stranger to its headline and prose.
func (m *Model) OnSubject(text string, s *evidence.Score, head string, others func(yield func(string) bool)) *evidence.Score {
	if s == nil || s.Value < evidence.Unit || !VocabularyOnly(s) {
		return s
	}
	for _, e := range s.Evidence {
		if e.Counted && e.Signal == lexicon.SigBrand {
			return s
		}
	}
	ft := fold.Fold(text)
	f := m.FoldedFacts(ft, m.terms.Find(ft))
	if !m.storyShaped(text, f.Words) {
		return s
	}
	var pg subject.Page
	pg.Add(fold.Fold(head))
	for t := range others {
		if ot := fold.Fold(t); ot != ft && m.storyShaped(t, fold.CountWords(ot)) {
			pg.Add(ot)
		}
	}
	if !pg.Names(m.subjectTerms(f.Hits)) {
		return s
	}
	return m.discount(&f, "the page's subject: its headline and sentences write its terms")
}

// NamesSubject reports whether the terms of folded text ft (a headline)
// are the subject of the page whose texts are texts: their stems written
// in its texts written as a story's sentences (storyShaped), ft itself
// aside.
func (m *Model) NamesSubject(ft string, texts func(yield func(string) bool)) bool {
	var pg subject.Page
	for t := range texts {
		if ot := fold.Fold(t); ot != ft && m.storyShaped(t, fold.CountWords(ot)) {
			pg.Add(ot)
		}
	}
	return pg.Names(m.subjectTerms(m.terms.Find(ft)))
}

// storyShaped reports text of words words written as a story's sentences:
// SentenceShaped, or long enough (2 × MinProseWords) and ending as a
// sentence does whatever words it uses ("masuk", "gabung" name what a
// gambler did as well as what an ad tells him to do).
func (m *Model) storyShaped(text string, words int) bool {
	if m.SentenceShaped(text, words) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text))
	return words >= 2*MinProseWords && strings.ContainsRune(".!?…。！？", r)
}

// minSubjectWeight is the weight of the lightest term that can name a
// page's subject: the topic's words weigh 0.1 or more; lighter terms
// ("hari ini", today) only add to others.
const minSubjectWeight = 0.1

// subjectTerms returns the texts of the terms in hits that weigh
// minSubjectWeight or more.
func (m *Model) subjectTerms(hits []terms.Count) []string {
	var out []string
	for _, h := range hits {
		if m.terms.Mass([]terms.Count{{ID: h.ID, N: 1}}) >= minSubjectWeight {
			out = append(out, m.terms.Text(h.ID))
		}
	}
	return out
}

// OwnHeadline returns h1, the page's first <h1>, when its title names it
// (whole or as one of its parts): the headline the page gives itself.
func (m *Model) OwnHeadline(title, h1 string) string {
	if titleNames(title, h1) {
		return h1
	}
	return ""
}
