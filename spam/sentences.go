package spam

import (
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/evidence"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/sentence"
	"github.com/winnowhq/winnow/spam/textscore"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// gluedEvidence is the score at which a sentence of a paragraph may be
// (part of) a glued spam run, for gluedPass: a word of the topic ("casino"
// weighs 0.3), since the run must then score as spam with a promotion's
// evidence beside it (Model.RunScore, Score.Strong).
const gluedEvidence = 0.3

// maxBreakMass is textscore.MaxBreakMass: the topic's vocabulary the
// page's other prose may hold for a glued run to break the topic.
const maxBreakMass = textscore.MaxBreakMass

// maxRestMass is the vocabulary the rest of a paragraph may hold besides a
// glued spam sentence: a word of the topic's lightest ("odds", "bet").
const maxRestMass = 0.2

// gluedMinCleanSpam is textscore.MinProseWords on a page that carries
// other spam (walker.carriesSpam): there a short paragraph (a byline, a caption, a
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
// bonus."): a run of sentences that scores as spam on its own (Model.RunScore),
// with a brand code, a promotion figure, a code number or a call to
// action, or twice the score, in a paragraph whose rest holds no gambling
// word (but one of the lightest per dozen words), on a page whose other
// prose hardly names the topic (w.later.proseTopic). Such paragraphs get the
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
	minClean := textscore.MinProseWords
	if w.carriesSpam() {
		minClean = gluedMinCleanSpam
	}
	for _, n := range w.later.glued {
		text := domtext.Gather(n, w.cleanEdge) // spam links inside are gone
		from, to, ok := sentence.Run(text, minClean, gluedEvidence, textscore.EvidenceShare*Unit, m.Value)
		if !ok || w.quoted(n, text) {
			continue
		}
		rest := fold.Fold(text[:from] + " " + text[to:])
		if m.Terms().Mass(m.Terms().Find(rest)) > maxRestMass*evidence.Density(fold.CountWords(rest)) {
			continue
		}
		run := fold.Fold(text[from:to])
		topic := m.Terms().TopicMass(m.Terms().Find(run))
		s := m.RunScore(text[from:to], text[:from]+" "+text[to:], w.later.proseTopic-topic < maxBreakMass, w.codeCounts())
		if s == nil || s.Value < Unit || !s.Strong() {
			continue
		}
		runMass += topic
		fs = append(fs, found{n, s, text[:from], text[to:], fold.CountWords(run)})
	}
	if len(fs) == 0 || w.later.proseTopic-runMass > textscore.MaxTopicMass {
		return
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
// jackpot tonight with SV52PLAY") is read as a glued run is (Model.RunScore:
// the promotion's figure, code number or call, the topic break), with its
// brand code, figure, number or call beside its vocabulary.
func (w *walker) linePass() {
	m := w.a.m
	for _, c := range w.later.short {
		// Without vocabulary, a gambling code counts in a line of other
		// words ("Bashiri mechi za leo na 359CASINO"), not alone: a bare
		// code and a weak stem ("f8523 play") is the page verdict's
		// business (page-spam).
		if c.hidden || c.p.spamUnits > 0 || len(c.p.Hits) == 0 && (c.p.Brands.Gambling == 0 || c.p.Brands.Other == 0) || c.n.DataAtom == atom.A {
			continue
		}
		if s := w.a.scores[c.n]; s == nil || s.Value < textscore.EvidenceShare*Unit || s.Value >= Unit || !s.FromText() {
			continue
		}
		topic := m.Terms().TopicMass(c.p.Hits)
		if w.later.proseTopic-topic >= maxBreakMass {
			return
		}
		if gluedCandidate(c.n) && w.quoted(c.n, domtext.ElementText(c.n)) {
			continue
		}
		s := m.RunScore(domtext.ElementText(c.n), "", true, w.codeCounts())
		if s == nil || s.Value < Unit || !s.Strong() {
			continue
		}
		w.a.scores[c.n] = s
		w.spam++
		w.a.spamWords += c.p.Words
	}
}

// proseUnit is a block of running text that scored as spam by its
// vocabulary alone: on a page whose other prose is about the topic, it is
// read again (topicPass).
type proseUnit struct {
	n *html.Node
	f textscore.Facts
}

// topicPass reads again the blocks of running text that scored as spam by
// their vocabulary alone, on a page whose other prose names the topic
// (w.later.proseTopic above textscore.MaxTopicMass): a story on the
// betting industry names its firms in its lead and its headline. The
// vocabulary counts at a discount (the topic-page weight, negative); codes with a gambling stem
// and blocks of codes alone are not discounted. A block read so is the
// page's prose on the topic (w.later.proseTexts, for headlinePass); the
// blocks still spam stay in w.later.prose, to be read again when the
// headline turns out to be the page's own.
func (w *walker) topicPass() {
	if w.later.proseTopic <= textscore.MaxTopicMass {
		return
	}
	left := w.later.prose[:0]
	for _, u := range w.later.prose {
		s := w.a.m.TopicDiscount(&u.f, w.later.proseTopic)
		if s != nil && s.Value >= Unit {
			left = append(left, u)
			continue
		}
		w.a.scores[u.n] = s
		w.spam--
		w.a.spamWords -= u.f.Words
		if u.f.Words >= textscore.MinProseWords {
			w.later.proseTexts = append(w.later.proseTexts, fold.Fold(domtext.ElementText(u.n)))
		}
	}
	w.later.prose = left
}

// gluedCount reports what scoreElement keeps of n, a unit just scored s
// whose subtree gathered p, for the second passes: a paragraph with
// vocabulary or a gambling code below the spam score (gluedPass), the topic mass of running
// text (proseTopic), a block of running text scored as spam by its
// vocabulary alone (topicPass), a section heading scored as spam
// (sectionPass).
func (w *walker) gluedCount(n *html.Node, p *part, s *Score, hidden bool) {
	if len(p.Hits) == 0 && p.Brands.Gambling == 0 || hidden || w.pageSpam {
		return
	}
	heading := domtext.IsHeading(n.DataAtom)
	if !heading && !gluedCandidate(n) {
		// A block of blocks (a story's <article>) that scores as spam by
		// the vocabulary its paragraphs hold together, each below the
		// spam score, is running text the topic pass reads again.
		if s != nil && s.Value >= Unit && textscore.VocabularyOnly(s) && p.Words >= textscore.MinProseWords && domtext.HoldsBlocks(n) {
			w.later.prose = append(w.later.prose, proseUnit{n, p.Facts})
		}
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
			topic := w.a.m.Terms().TopicMass(p.Hits)
			if n.DataAtom == atom.H1 {
				topic = w.a.m.Terms().Mass(p.Hits)
			}
			w.later.proseTopic += topic + w.a.m.Terms().LegitMass(p.Hits)
			return
		}
		w.later.glued = append(w.later.glued, n)
		if p.Words >= textscore.MinProseWords {
			w.later.proseTopic += w.a.m.Terms().TopicMass(p.Hits) + w.a.m.Terms().LegitMass(p.Hits)
			w.later.proseTexts = append(w.later.proseTexts, fold.Fold(domtext.ElementText(n)))
		}
		return
	}
	if heading && n.DataAtom != atom.H1 {
		w.later.headings = append(w.later.headings, n)
	}
	if !textscore.VocabularyOnly(s) || p.Words < textscore.MinProseWords && !(n.DataAtom == atom.P && w.a.m.SentenceShaped(domtext.ElementText(n), p.Words)) {
		return
	}
	w.later.prose = append(w.later.prose, proseUnit{n, p.Facts})
}

// sectionPass reads again the section headings (h2 to h6) that scored as
// spam, with the running prose that opens their section (the heading's
// next element, as it scores now): Model.OnSection.
func (w *walker) sectionPass() {
	for _, n := range w.later.headings {
		next := domtext.NextElement(n)
		if next == nil || domtext.IsHeading(next.DataAtom) {
			continue
		}
		if w.a.scores.Spam(next) {
			continue
		}
		s := w.a.scores[n]
		d := w.a.m.OnSection(domtext.ElementText(n), domtext.ElementText(next), s, w.later.proseTopic)
		if d == s {
			continue
		}
		w.a.scores[n] = d
		w.spam--
		w.a.spamWords = max(w.a.spamWords-fold.CountWords(fold.Fold(domtext.ElementText(n))), 0)
	}
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
