package textscore

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/winnowhq/winnow/spam/evidence"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/promo"
	"github.com/winnowhq/winnow/spam/script"
	"github.com/winnowhq/winnow/spam/sentence"
	"github.com/winnowhq/winnow/spam/terms"
)

// EvidenceShare is the score, as a share of evidence.Unit, at which a
// sentence carries spam evidence of its own: a sentence that names a casino once
// ("casino" weighs 0.3) does not; "situs judi terpercaya" does.
const EvidenceShare = 0.5

// SpamRun finds, in a block of text that scored as spam, the run of whole
// sentences the spam lies in, when the rest of the block is a real
// paragraph: at least minClean words that show no spam evidence of their
// own. "The city council met on Tuesday to discuss the budget. Situs judi
// slot gacor terpercaya daftar sekarang." keeps its first sentence. It
// returns the byte range [from, to) of text to cut and the run's score;
// ok is false when the spam is spread through the block (every sentence,
// or sentences of the rest too), when the rest is short, or when the run
// alone does not score as spam.
//
// Sentences end at . ! ? … (and their full-width forms), the Arabic
// question mark and Urdu full stop, the Devanagari danda, and the full
// stops of Armenian, Ethiopic, Burmese and Khmer, followed by a space; or
// at 。！？ directly. Text without such marks (Thai, a list of
// keywords) is one sentence, and the block goes whole.
func (m *Model) SpamRun(text string, minClean int) (from, to int, s *evidence.Score, ok bool) {
	if from, to, ok = sentence.Run(text, minClean, EvidenceShare*evidence.Unit, EvidenceShare*evidence.Unit, m.Value); !ok {
		return 0, 0, nil, false
	}
	if s = m.ScoreText(text[from:to]); s == nil || s.Value < evidence.Unit {
		return 0, 0, nil, false
	}
	return from, to, s, true
}

// value is the value of text's ScoreText, 0 when nothing counts.
func (m *Model) Value(text string) float64 {
	if s := m.ScoreText(text); s != nil {
		return s.Value
	}
	return 0
}

// RunScore scores a run of sentences glued into a paragraph of a page
// about something else: its text's score (vocabulary, brand codes), with
// what a promotion carries that a sentence on the topic does not (weak
// evidence, counted only beside the run's own vocabulary): a promotion
// figure (200%, 100k, $50), a bare code number where a brand stands, at
// the run's first or last word (… en 3388, 28288: …), a call to action
// (sign up, daftar, regístrate); a brand code that the page names nowhere
// else (page counts the page's codes; nil when not known); a script other
// than that of the paragraph around it (around, "" when not known); and,
// when topicBreak, that it breaks the topic: the paragraph around it holds
// no gambling word (the page's prose is checked by spam.Analyze).
func (m *Model) RunScore(run, around string, topicBreak bool, page map[string]int) *evidence.Score {
	ft := fold.Fold(run)
	f := m.FoldedFacts(ft, m.terms.Find(ft))
	if len(f.Hits) == 0 && f.Brands.Gambling == 0 {
		return nil
	}
	sc := m.Scorer()
	sc.Text(&f)
	// Like the vocabulary, the promotion's evidence is a density: a long
	// run (a real sentence that no stop parts from the spam after it)
	// weighs it less.
	d := evidence.Density(f.Words)
	if p := promo.Figure(ft); p != "" {
		sc.Weighted(lexicon.SigPromo, 1/d, p)
	}
	if c := promo.CodeNumber(ft); c != "" {
		sc.Weighted(lexicon.SigCodeNumber, 1/d, c)
	}
	if m.calls.In(ft) {
		sc.Weighted(lexicon.SigCall, 1/d, "")
	}
	if c := loneCode(m.brand.CodeCounts(ft), page); c != "" {
		sc.Weighted(lexicon.SigLoneCode, 1/d, c)
	}
	if a, b := script.Main(run), script.Main(around); a != b && a != "" && b != "" {
		sc.Weighted(lexicon.SigScriptBreak, 1/d, a+" in "+b)
	}
	// The break counts for a run naming two terms or more, or a term
	// beside a brand code (plain or gambling), or a gambling brand code:
	// one term alone ("login link", "easy win") is as often a sentence of
	// the page's own that happens to use a word of the lexicon (WCXB dev:
	// two pages).
	if topicBreak && (len(f.Hits) >= minBreakTerms || f.Brands.Gambling > 0 || f.Brands.Plain > 0) {
		sc.Weighted(lexicon.SigTopicBreak, 1/d, "the paragraph's only gambling words")
	}
	return sc.Result()
}

// loneCode returns a code of a run (run counts its codes) that the page
// (page counts the page's, the run's among them) names only in the run.
func loneCode(run, page map[string]int) string {
	if page == nil {
		return ""
	}
	lone := ""
	for c, n := range run {
		if page[c] <= n && (lone == "" || c < lone) {
			lone = c // the first in order, so that --explain says the same each run
		}
	}
	return lone
}

// minBreakTerms is how many terms of the lexicon a glued run must name for
// the topic break to count.
const minBreakTerms = 2

// MaxBreakMass is the topic's vocabulary a page's other prose may hold
// for a glued run to break the topic (lexicon.SigTopicBreak): less than
// one word of the topic's weight ("casino", "odds"), where a page may hold
// up to MaxTopicMass and still be about something else. A page whose
// prose holds this much or more is about the topic: a quotation there may
// be the story's (Quoted).
const MaxBreakMass = 0.5

// MinProseWords is the words that make a text running prose (for the
// page's topic, ProseTopic and OnTopic), and the words a paragraph must
// keep besides a glued spam sentence for the sentence to be read as glued
// to it.
const MinProseWords = 12

// MaxTopicMass is the topic's vocabulary (terms.Matcher.TopicMass) the
// rest of a page may hold and still be about something else: "at odds", "a
// risky bet", a trip to Las Vegas. A page about casinos, betting or the
// lottery names them in many places; its sentences are its topic, not spam glued
// into it.
const MaxTopicMass = 1.0

// discount scores facts f again with the topic-page discount, why the page
// is about the topic (topicWhy, or the headline's agreement).
func (m *Model) discount(f *Facts, why string) *evidence.Score {
	sc := m.Scorer()
	sc.Text(f)
	for _, e := range sc.Evidence() {
		if e.Signal == lexicon.SigTerms && e.Weight > 0 {
			sc.Weighted(lexicon.SigTopicPage, e.Weight, why)
			break
		}
	}
	return sc.Result()
}

// TopicDiscount scores facts f again with the topic-page discount, on a
// page whose other prose holds topic of the topic's vocabulary.
func (m *Model) TopicDiscount(f *Facts, topic float64) *evidence.Score {
	return m.discount(f, topicWhy(topic))
}

// topicWhy says why a text gets the topic-page discount: topic of the
// topic's vocabulary in the page's other prose.
func topicWhy(topic float64) string {
	return strconv.FormatFloat(topic, 'f', 2, 64) + " of the topic in the page's other prose"
}

// ProseTopic returns the topic's vocabulary (and gambling's own help and
// regulation words) in the texts of running prose, MinProseWords words or
// more, that do not score as spam, and all the vocabulary of the page's
// headline when it does not score as spam: what spam.Analyze reads as a page's
// prose topic, for a page of plain text. The headline is the page's title,
// then on a line of its own the story's headline when it differs; when
// the two score as spam together, each line the prose reads as the
// page's own (OnHeadline, as spam.Analyze's headline pass does) counts.
func (m *Model) ProseTopic(headline string, texts func(yield func(string) bool)) float64 {
	topic := 0.0
	for hits := range m.cleanProse(texts) {
		topic += m.terms.TopicMass(hits) + m.terms.LegitMass(hits)
	}
	if headline == "" {
		return topic
	}
	if s := m.ScoreText(headline); s == nil || s.Value < evidence.Unit {
		return topic + m.headlineMass(headline)
	}
	title, _, _ := strings.Cut(headline, "\n")
	own := 0.0
	for line := range strings.SplitSeq(headline, "\n") {
		if s := m.OnHeadline(line, title, m.ScoreText(line), texts, topic); s == nil || s.Value < evidence.Unit {
			own += m.headlineMass(line)
		}
	}
	return topic + own
}

// headlineMass is what a headline that is the page's own adds to its
// topic: all its vocabulary.
func (m *Model) headlineMass(headline string) float64 {
	hits := m.terms.Find(fold.Fold(headline))
	return m.terms.Mass(hits) + m.terms.LegitMass(hits)
}

// cleanProse yields the terms found in each of texts that is running prose
// (MinProseWords words or more) and does not score as spam.
func (m *Model) cleanProse(texts func(yield func(string) bool)) func(yield func([]terms.Count) bool) {
	return func(yield func([]terms.Count) bool) {
		for ft := range m.cleanProseTexts(texts, 0) {
			if !yield(m.terms.Find(ft)) {
				return
			}
		}
	}
}

// cleanProseTexts yields the folded text of each of texts that is running
// prose (MinProseWords words or more) and does not score as spam, or does
// but reads below it on a page whose other prose holds topic of the
// topic's vocabulary (OnTopic).
func (m *Model) cleanProseTexts(texts func(yield func(string) bool), topic float64) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for t := range texts {
			ft := fold.Fold(t)
			if fold.CountWords(ft) < MinProseWords {
				continue
			}
			if s := m.ScoreText(t); s != nil && s.Value >= evidence.Unit {
				if s = m.OnTopic(t, s, topic); s != nil && s.Value >= evidence.Unit {
					continue
				}
			}
			if !yield(ft) {
				return
			}
		}
	}
}

// OnTopic reads again s, the ScoreText of a block of plain text, on a page
// whose other prose holds topic of the topic's vocabulary (ProseTopic): as
// spam.Analyze does, running text (MinProseWords words or more) scored as spam
// by its vocabulary alone gets the topic-page discount when topic is above
// MaxTopicMass.
func (m *Model) OnTopic(text string, s *evidence.Score, topic float64) *evidence.Score {
	if s == nil || s.Value < evidence.Unit || topic <= MaxTopicMass {
		return s
	}
	for _, e := range s.Evidence {
		if e.Counted && e.Signal != lexicon.SigTerms && e.Signal != lexicon.SigBrand && e.Signal != lexicon.SigLegit {
			return s
		}
	}
	f := m.Facts(text)
	if f.Words < MinProseWords && !m.SentenceShaped(text, f.Words) {
		return s
	}
	return m.discount(&f, topicWhy(topic))
}

// minSentenceWords is how many words a paragraph shorter than
// MinProseWords must have to be read as a story's sentence
// (SentenceShaped): "Residents are asked to report illegal gambling sites
// to the police." closes many a story.
const minSentenceWords = 6

// SentenceShaped reports text of words words (minSentenceWords or more)
// that is written as a story's sentence: it ends with a sentence's end
// mark and calls no one to act (register, play now, daftar). A paragraph
// of a story on the topic that short is read as its running prose is
// (topicPass); a spam line is a list of terms, a name or a call.
func (m *Model) SentenceShaped(text string, words int) bool {
	if words < minSentenceWords {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text))
	return strings.ContainsRune(".!?…。！？", r) && !m.calls.In(fold.Fold(text))
}
