package textscore

import (
	"strings"

	"github.com/winnowhq/winnow/spam/evidence"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
)

// OnHeadline reads again s, the ScoreText of text, when text is the page's
// headline and scored as spam by its vocabulary alone: when the page's
// title is the same words, whole or as one of its parts ("Headline -
// Site"), and the page's running prose below the spam score (prose's
// texts, MinProseWords words or more) shares a term with the headline (one
// found in either within the other: the prose's "judi online" within the
// headline's "situs judi online", the headline's "judi online" within the
// prose's "kecanduan judi online"), the vocabulary counts at the topic-page discount,
// as on a page about the topic. Spam injected into a page does not rewrite
// the <title> and the headline alike and then write a story under them; a
// news story on a blocking order or a police raid names the activity in
// all three, in words spam also uses. A headline with brand codes, links
// or hiding keeps its score: those are not vocabulary alone.
//
// The prose counts the texts that score as spam but read below it on the
// page's topic (OnTopic, topic: ProseTopic), as spam.Analyze's headline
// pass counts what its topic pass read so.
func (m *Model) OnHeadline(text, title string, s *evidence.Score, prose func(yield func(string) bool), topic float64) *evidence.Score {
	return m.OnHeadlineShares(text, title, s, func(ft string) bool {
		for pt := range m.cleanProseTexts(prose, topic) {
			if m.terms.Share(ft, pt) {
				return true
			}
		}
		return false
	})
}

// OnHeadlineShares is OnHeadline with the prose asked through shares: does the
// page's running prose below the spam score share a term with folded
// text ft (terms.Matcher.Share).
func (m *Model) OnHeadlineShares(text, title string, s *evidence.Score, shares func(ft string) bool) *evidence.Score {
	if s == nil || s.Value < evidence.Unit || !VocabularyOnly(s) || !titleNames(title, text) {
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
	f := m.FoldedFacts(ft, m.terms.Find(ft))
	if d := m.discount(&f, "the page's headline: its title, and its prose's terms"); d == nil || d.Value < evidence.Unit {
		return d
	}
	return s
}

// OnSection reads again s, the ScoreText of text, a section's heading
// that scored as spam by its vocabulary alone, on a page whose prose holds
// topic of the topic's vocabulary (above MaxTopicMass): when next, the
// running prose that opens its section, reads below the spam score on that
// topic (OnTopic) and shares a term with it, the heading names what its
// section is about ("No deposit bonus" over a paragraph on what one is
// worth), as a headline names its story (OnHeadline), and its vocabulary
// counts at the topic-page discount. Spam's heading opens spam, or a
// story about something else.
func (m *Model) OnSection(text, next string, s *evidence.Score, topic float64) *evidence.Score {
	if s == nil || s.Value < evidence.Unit || topic <= MaxTopicMass || !VocabularyOnly(s) {
		return s
	}
	for _, e := range s.Evidence {
		if e.Counted && e.Signal == lexicon.SigBrand {
			return s // a heading is not a brand's line
		}
	}
	nf := m.Facts(next)
	if nf.Words < MinProseWords && !m.SentenceShaped(next, nf.Words) {
		return s
	}
	if ns := m.OnTopic(next, m.ScoreText(next), topic); ns != nil && ns.Value >= evidence.Unit {
		return s
	}
	ft := fold.Fold(text)
	if !m.terms.Share(ft, fold.Fold(next)) {
		return s
	}
	f := m.FoldedFacts(ft, m.terms.Find(ft))
	return m.discount(&f, "its section's prose, on "+topicWhy(topic))
}

// VocabularyOnly reports a score that rests on vocabulary alone: terms,
// plain brand codes and the legitimate senses of words.
func VocabularyOnly(s *evidence.Score) bool {
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
	want := fold.Phrase(text)
	if want == "" {
		return false
	}
	if fold.Phrase(title) == want {
		return true
	}
	for _, sep := range titleSeps {
		for part := range strings.SplitSeq(title, sep) {
			if fold.Phrase(part) == want {
				return true
			}
		}
	}
	return false
}
