// Quotations a story reports: the spam an ad says, quoted by a crime
// report or a court story, read as the story's (Quoted), not as spam.

package textscore

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/spam/evidence"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/sentence"
)

// minIntroWords is how many words the sentence that introduces a
// quotation set apart (a blockquote) must have: a clause of the story's
// ("One of the messages, read out in court, said:"), not a label ("Quote:",
// "user123 said:").
const minIntroWords = 4

// Introduces reports text that introduces a quotation set apart after it:
// minIntroWords words or more, ending with a colon.
func Introduces(text string) bool {
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(text)
	return (r == ':' || r == '：') && fold.CountWords(fold.Fold(text)) >= minIntroWords
}

// ReportedSpeech reports text whose spam lies in the quotations it
// reports: taken out, what is left is running prose (MinProseWords words or
// more) none of whose sentences carries spam evidence of its own, and each
// quotation that carries evidence is reported speech (sentence.Reported).
func (m *Model) ReportedSpeech(text string) bool {
	qs := sentence.Quotes(text)
	if len(qs) == 0 {
		return false
	}
	rest := sentence.Unquoted(text, qs)
	if fold.CountWords(fold.Fold(rest)) < MinProseWords {
		return false
	}
	start := 0
	for _, end := range textnorm.SentenceBounds(rest) {
		if m.Value(rest[start:end]) >= EvidenceShare*evidence.Unit {
			return false // a sentence of the story's own carries evidence: spam glued beside the quotation
		}
		start = end
	}
	for _, q := range qs {
		if m.Value(text[q.From:q.To]) >= EvidenceShare*evidence.Unit && !sentence.Reported(text, q) {
			return false
		}
	}
	return true
}

// Quoted reads again s, the ScoreText of a block of plain text, as
// spam.Analyze reads quotations (its quotePass), on a page whose prose holds
// topic of the topic's vocabulary (ProseTopic): nil when text is spam a
// story quotes, in quotation marks as reported speech, or set apart (quote:
// a blockquote; or a block that is one quotation end to end) after intro,
// the block before it, ending with a colon.
func (m *Model) Quoted(text, intro string, quote bool, s *evidence.Score, topic float64) *evidence.Score {
	if s == nil || s.Value < evidence.Unit || topic < MaxBreakMass || !s.FromText() {
		return s
	}
	if (quote || sentence.Whole(text)) && Introduces(intro) {
		if is := m.ScoreText(intro); is == nil || is.Value < evidence.Unit {
			return nil
		}
	}
	if m.ReportedSpeech(text) {
		return nil
	}
	return s
}
