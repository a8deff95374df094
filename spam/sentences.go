package spam

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/evidence"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/promo"
	"github.com/winnowhq/winnow/spam/sentence"
	"github.com/winnowhq/winnow/spam/terms"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// evidenceShare is the score, as a share of Unit, at which a sentence
// carries spam evidence of its own: a sentence that names a casino once
// ("casino" weighs 0.3) does not; "situs judi terpercaya" does.
const evidenceShare = 0.5

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
func (m *Model) SpamRun(text string, minClean int) (from, to int, s *Score, ok bool) {
	if from, to, ok = sentence.Run(text, minClean, evidenceShare*Unit, evidenceShare*Unit, m.value); !ok {
		return 0, 0, nil, false
	}
	if s = m.ScoreText(text[from:to]); s == nil || s.Value < Unit {
		return 0, 0, nil, false
	}
	return from, to, s, true
}

// value is the value of text's ScoreText, 0 when nothing counts.
func (m *Model) value(text string) float64 {
	if s := m.ScoreText(text); s != nil {
		return s.Value
	}
	return 0
}

// runScore scores a run of sentences glued into a paragraph of a page
// about something else: its text's score (vocabulary, brand codes), with
// what a promotion carries that a sentence on the topic does not (weak
// evidence, counted only beside the run's own vocabulary): a promotion
// figure (200%, 100k, $50), a bare code number where a brand stands, at
// the run's first or last word (… en 3388, 28288: …), a call to action
// (sign up, daftar, regístrate); a brand code that the page names nowhere
// else (page counts the page's codes; nil when not known); and, when
// topicBreak, that it breaks the topic: the paragraph around it holds no
// gambling word (the page's prose is checked by gluedPass).
func (m *Model) runScore(run string, topicBreak bool, page map[string]int) *Score {
	ft := fold.Fold(run)
	f := m.foldedFacts(ft, m.terms.Find(ft))
	if len(f.hits) == 0 && f.brands.Gambling == 0 {
		return nil
	}
	sc := m.scorer()
	sc.text(&f)
	// Like the vocabulary, the promotion's evidence is a density: a long
	// run (a real sentence that no stop parts from the spam after it)
	// weighs it less.
	d := evidence.Density(f.words)
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
	// The break counts for a run naming two terms or more, or a term
	// beside a brand code (plain or gambling), or a gambling brand code:
	// one term alone ("login link", "easy win") is as often a sentence of
	// the page's own that happens to use a word of the lexicon (WCXB dev:
	// two pages).
	if topicBreak && (len(f.hits) >= minBreakTerms || f.brands.Gambling > 0 || f.brands.Plain > 0) {
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

// gluedEvidence is the score at which a sentence of a paragraph may be
// (part of) a glued spam run, for gluedPass: a word of the topic ("casino"
// weighs 0.3), since the run must then score as spam with a promotion's
// evidence beside it (runScore, Score.Strong).
const gluedEvidence = 0.3

// gluedMinClean is the words a paragraph must keep, besides a glued spam
// sentence, for the sentence to be read as glued to it.
const gluedMinClean = 12

// maxTopicMass is the topic's vocabulary (terms.Matcher.TopicMass) the
// rest of a page may hold and still be about something else: "at odds", "a
// risky bet", a trip to Las Vegas. A page about casinos, betting or the lottery
// names them in many places; its sentences are its topic, not spam glued
// into it.
const maxTopicMass = 1.0

// maxBreakMass is the topic's vocabulary the page's other prose may hold
// for a glued run to break the topic (lexicon.SigTopicBreak): less than
// one word of the topic's weight ("casino", "odds"), where a page may hold
// up to maxTopicMass and still be about something else.
const maxBreakMass = 0.5

// maxRestMass is the vocabulary the rest of a paragraph may hold besides a
// glued spam sentence: a word of the topic's lightest ("odds", "bet").
const maxRestMass = 0.2

// gluedMinCleanSpam is gluedMinClean on a page that carries other spam
// (walker.carriesSpam): there a short paragraph (a byline, a caption, a
// score line) with a spam sentence glued to it keeps its words too.
const gluedMinCleanSpam = 6

// gluedCandidate reports a paragraph-like element: one block of running
// text, with no blocks inside.
func gluedCandidate(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Li, atom.Dd, atom.Td, atom.Blockquote, atom.Div:
		return !domtext.HoldsBlocks(n)
	}
	return false
}

// gluedPass finds, in the paragraphs with gambling vocabulary or a code
// with a gambling stem (gluedCount) that did not
// score as spam as a whole, a spam sentence glued into a real paragraph
// ("… the mayor's office said. Sign up at XY88 for a 200% welcome
// bonus."): a run of sentences that scores as spam on its own (runScore),
// with a brand code, a promotion figure, a code number or a call to
// action, or twice the score, in a paragraph whose rest holds no gambling
// word (but one of the lightest per dozen words), on a page whose other
// prose hardly names the topic (w.proseTopic). Such paragraphs get the
// run's score, and the text around the run is kept to find it again
// (Analysis.SpamRun).
func (w *walker) gluedPass() {
	m := w.a.m
	type found struct {
		n          *html.Node
		s          *Score
		head, tail string
		words      int
	}
	var fs []found
	runMass := 0.0
	// The text as the rules will find it: spam links inside the paragraph
	// are gone by then.
	edge := func(c *html.Node) domtext.Edge {
		if s := w.a.scores[c]; s != nil && s.Value >= Unit {
			return domtext.Skip
		}
		return domtext.TextEdge(c)
	}
	minClean := gluedMinClean
	if w.carriesSpam() {
		minClean = gluedMinCleanSpam
	}
	for _, n := range w.glued {
		text := domtext.Gather(n, edge)
		from, to, ok := sentence.Run(text, minClean, gluedEvidence, evidenceShare*Unit, m.value)
		if !ok || w.quoted(n, text) {
			continue
		}
		rest := fold.Fold(text[:from] + " " + text[to:])
		if m.terms.Mass(m.terms.Find(rest)) > maxRestMass*evidence.Density(fold.CountWords(rest)) {
			continue
		}
		run := fold.Fold(text[from:to])
		topic := m.terms.TopicMass(m.terms.Find(run))
		s := m.runScore(text[from:to], w.proseTopic-topic < maxBreakMass, w.codeCounts())
		if s == nil || s.Value < Unit || !s.Strong() {
			continue
		}
		runMass += topic
		fs = append(fs, found{n, s, text[:from], text[to:], fold.CountWords(run)})
	}
	if len(fs) == 0 || w.proseTopic-runMass > maxTopicMass {
		return
	}
	if w.a.glued == nil {
		w.a.glued = map[*html.Node]gluedRun{}
	}
	for _, f := range fs {
		w.a.scores[f.n] = f.s
		w.a.glued[f.n] = gluedRun{f.head, f.tail, f.s}
		w.a.spamWords += f.words
		w.spam++ // a glued run is spam the page carries, as a spam block is
	}
}

// linePass reads again the short blocks (a dozen words at most, not
// hidden) whose vocabulary or gambling code fell short of the spam score, on a page whose
// prose names no such topic (below maxBreakMass): a promotion line set
// between the paragraphs of a story about something else ("Win the
// jackpot tonight with SV52PLAY") is read as a glued run is (runScore:
// the promotion's figure, code number or call, the topic break), with its
// brand code, figure, number or call beside its vocabulary.
func (w *walker) linePass() {
	m := w.a.m
	for _, c := range w.short {
		// Without vocabulary, a gambling code counts in a line of other
		// words ("Bashiri mechi za leo na 359CASINO"), not alone: a bare
		// code and a weak stem ("f8523 play") is the page verdict's
		// business (page-spam).
		if c.hidden || c.p.spamUnits > 0 || len(c.p.hits) == 0 && (c.p.brands.Gambling == 0 || c.p.brands.Other == 0) || c.n.DataAtom == atom.A {
			continue
		}
		if s := w.a.scores[c.n]; s == nil || s.Value < evidenceShare*Unit || s.Value >= Unit || !s.FromText() {
			continue
		}
		topic := m.terms.TopicMass(c.p.hits)
		if w.proseTopic-topic >= maxBreakMass {
			return
		}
		if gluedCandidate(c.n) && w.quoted(c.n, nodeText(c.n)) {
			continue
		}
		s := m.runScore(nodeText(c.n), true, w.codeCounts())
		if s == nil || s.Value < Unit || !s.Strong() {
			continue
		}
		w.a.scores[c.n] = s
		w.spam++
		w.a.spamWords += c.p.words
	}
}

// proseUnit is a block of running text that scored as spam by its
// vocabulary alone: on a page whose other prose is about the topic, it is
// read again (topicPass).
type proseUnit struct {
	n *html.Node
	f textFacts
}

// topicPass reads again the blocks of running text that scored as spam by
// their vocabulary alone, on a page whose other prose names the topic
// (w.proseTopic above maxTopicMass): a story on the betting industry names
// its firms in its lead and its headline. The vocabulary counts at a
// discount (the topic-page weight, negative); codes with a gambling stem
// and blocks of codes alone are not discounted.
func (w *walker) topicPass() {
	if w.proseTopic <= maxTopicMass {
		return
	}
	for _, u := range w.prose {
		s := w.a.m.discount(&u.f, topicWhy(w.proseTopic))
		if s != nil && s.Value >= Unit {
			continue
		}
		w.a.scores[u.n] = s
		w.spam--
		w.a.spamWords -= u.f.words
	}
}

// discount scores facts f again with the topic-page discount, why the page
// is about the topic (topicWhy, or the headline's agreement).
func (m *Model) discount(f *textFacts, why string) *Score {
	sc := m.scorer()
	sc.text(f)
	for _, e := range sc.Evidence() {
		if e.Signal == lexicon.SigTerms && e.Weight > 0 {
			sc.Weighted(lexicon.SigTopicPage, e.Weight, why)
			break
		}
	}
	return sc.Result()
}

// topicWhy says why a text gets the topic-page discount: topic of the
// topic's vocabulary in the page's other prose.
func topicWhy(topic float64) string {
	return strconv.FormatFloat(topic, 'f', 2, 64) + " of the topic in the page's other prose"
}

// ProseTopic returns the topic's vocabulary (and gambling's own help and
// regulation words) in the texts of running prose, gluedMinClean words or
// more, that do not score as spam, and all the vocabulary of the page's
// headline when it does not score as spam: what Analyze reads as a page's
// prose topic, for a page of plain text.
func (m *Model) ProseTopic(headline string, texts func(yield func(string) bool)) float64 {
	topic := 0.0
	if s := m.ScoreText(headline); headline != "" && (s == nil || s.Value < Unit) {
		hits := m.terms.Find(fold.Fold(headline))
		topic += m.terms.Mass(hits) + m.terms.LegitMass(hits)
	}
	for hits := range m.cleanProse(texts) {
		topic += m.terms.TopicMass(hits) + m.terms.LegitMass(hits)
	}
	return topic
}

// cleanProse yields the terms found in each of texts that is running prose
// (gluedMinClean words or more) and does not score as spam.
func (m *Model) cleanProse(texts func(yield func(string) bool)) func(yield func([]terms.Count) bool) {
	return func(yield func([]terms.Count) bool) {
		for t := range texts {
			ft := fold.Fold(t)
			if fold.CountWords(ft) < gluedMinClean {
				continue
			}
			if s := m.ScoreText(t); s != nil && s.Value >= Unit {
				continue
			}
			if !yield(m.terms.Find(ft)) {
				return
			}
		}
	}
}

// OnTopic reads again s, the ScoreText of a block of plain text, on a page
// whose other prose holds topic of the topic's vocabulary (ProseTopic): as
// Analyze does, running text (gluedMinClean words or more) scored as spam
// by its vocabulary alone gets the topic-page discount when topic is above
// maxTopicMass.
func (m *Model) OnTopic(text string, s *Score, topic float64) *Score {
	if s == nil || s.Value < Unit || topic <= maxTopicMass {
		return s
	}
	for _, e := range s.Evidence {
		if e.Counted && e.Signal != lexicon.SigTerms && e.Signal != lexicon.SigBrand && e.Signal != lexicon.SigLegit {
			return s
		}
	}
	f := m.facts(text)
	if f.words < gluedMinClean && !m.sentenceShaped(text, f.words) {
		return s
	}
	return m.discount(&f, topicWhy(topic))
}

// gluedCount reports what scoreElement keeps of n, a unit just scored s
// whose subtree gathered p, for the second passes: a paragraph with
// vocabulary or a gambling code below the spam score (gluedPass), the topic mass of running
// text (proseTopic), a block of running text scored as spam by its
// vocabulary alone (topicPass).
func (w *walker) gluedCount(n *html.Node, p *part, s *Score, hidden bool) {
	if len(p.hits) == 0 && p.brands.Gambling == 0 || hidden || w.pageSpam {
		return
	}
	heading := domtext.IsHeading(n.DataAtom)
	if !heading && !gluedCandidate(n) {
		return
	}
	if s == nil || s.Value < Unit {
		if heading {
			// A heading that names the topic without scoring as spam says
			// what the page is about as much as its prose does: a story
			// headed "Bookmakers paid record taxes" is about betting. The
			// page's headline (h1) counts all its vocabulary: one headed
			// "Police bust online gambling ring", in a language whose spam
			// and news share the word, is about gambling; other headings
			// (a sidebar's "Sign up for our newsletter") only the topic's.
			topic := w.a.m.terms.TopicMass(p.hits)
			if n.DataAtom == atom.H1 {
				topic = w.a.m.terms.Mass(p.hits)
			}
			w.proseTopic += topic + w.a.m.terms.LegitMass(p.hits)
			return
		}
		w.glued = append(w.glued, n)
		if p.words >= gluedMinClean {
			w.proseTopic += w.a.m.terms.TopicMass(p.hits) + w.a.m.terms.LegitMass(p.hits)
			if w.proseTerms == nil {
				w.proseTerms = map[int]bool{}
			}
			for _, h := range p.hits {
				w.proseTerms[h.ID] = true
			}
		}
		return
	}
	if !vocabularyOnly(s) || p.words < gluedMinClean && !(n.DataAtom == atom.P && w.a.m.sentenceShaped(nodeText(n), p.words)) {
		return
	}
	w.prose = append(w.prose, proseUnit{n, p.textFacts})
}

// minSentenceWords is how many words a paragraph shorter than
// gluedMinClean must have to be read as a story's sentence
// (sentenceShaped): "Residents are asked to report illegal gambling sites
// to the police." closes many a story.
const minSentenceWords = 6

// sentenceShaped reports text of words words (minSentenceWords or more)
// that is written as a story's sentence: it ends with a sentence's end
// mark and calls no one to act (register, play now, daftar). A paragraph
// of a story on the topic that short is read as its running prose is
// (topicPass); a spam line is a list of terms, a name or a call.
func (m *Model) sentenceShaped(text string, words int) bool {
	if words < minSentenceWords {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text))
	return strings.ContainsRune(".!?…。！？", r) && !m.calls.In(fold.Fold(text))
}

// gluedRun is what gluedPass found in a paragraph: the text before and
// after the spam run, and the run's score.
type gluedRun struct {
	head, tail string
	s          *Score
}

// SpamRun finds in text, the text (domtext.Gather with TextEdge) of block
// n as it stands now, the run of sentences to cut when n scored as spam:
// for a paragraph gluedPass marked, the run it found (found again by the
// text around it, which stays the same when a spam link inside the run has
// gone since); otherwise Model.SpamRun. ok is false when the block holds
// no such run: it goes whole, unless Glued.
func (a *Analysis) SpamRun(n *html.Node, text string, minClean int) (from, to int, s *Score, ok bool) {
	if g, marked := a.glued[n]; marked && strings.HasPrefix(text, g.head) && strings.HasSuffix(text[len(g.head):], g.tail) {
		return len(g.head), len(text) - len(g.tail), g.s, true
	}
	return a.m.SpamRun(text, minClean)
}
