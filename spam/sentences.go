package spam

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/terms"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FromText reports a score whose counted evidence is all the text's own
// (vocabulary, brand codes): no hidden box, no spam links, no repetition
// on the page. Only such a block can be a real paragraph with spam glued
// to it.
func (s *Score) FromText() bool {
	if s == nil {
		return false
	}
	for _, e := range s.Evidence {
		if !e.Counted {
			continue
		}
		switch e.Signal {
		case lexicon.SigTerms, lexicon.SigBrand, lexicon.SigBrandGambling, lexicon.SigBrandOnly, lexicon.SigLegit:
		default:
			return false
		}
	}
	return true
}

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
	bounds := sentenceBounds(text)
	if len(bounds) < 2 {
		return 0, 0, nil, false
	}
	first, last := -1, -1
	start := 0
	for i, end := range bounds {
		if sc := m.ScoreText(text[start:end]); sc != nil && sc.Value >= evidenceShare*Unit {
			if first < 0 {
				first = i
			}
			last = i
		}
		start = end
	}
	if first < 0 {
		return 0, 0, nil, false
	}
	from, to = 0, bounds[last]
	if first > 0 {
		from = bounds[first-1]
	}
	if from == 0 && to == len(text) {
		return 0, 0, nil, false
	}
	rest := text[:from] + " " + text[to:]
	if fold.CountWords(fold.Fold(rest)) < minClean {
		return 0, 0, nil, false
	}
	if rs := m.ScoreText(rest); rs != nil && rs.Value >= evidenceShare*Unit {
		return 0, 0, nil, false
	}
	if s = m.ScoreText(text[from:to]); s == nil || s.Value < Unit {
		return 0, 0, nil, false
	}
	return from, to, s, true
}

// sentenceBounds returns the end offsets of text's sentences, the last
// one len(text): a sentence ends after a terminal mark (and the closing
// quotes or brackets after it) that a space follows, or at once after an
// ideographic full stop, exclamation or question mark.
func sentenceBounds(text string) []int {
	var out []int
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		var ideographic bool
		switch r {
		case '.', '!', '?', '…', '．', '｡', '؟', '۔', '।', '॥', '։', '።', '။', '។':
		case '。', '！', '？':
			ideographic = true
		default:
			continue
		}
		// Closing marks stay with their sentence.
		for i < len(text) {
			c, n := utf8.DecodeRuneInString(text[i:])
			if !strings.ContainsRune(`"'”’»)]」』）`, c) && !(c == r) {
				break
			}
			i += n
		}
		if i >= len(text) {
			break
		}
		if c, _ := utf8.DecodeRuneInString(text[i:]); ideographic || unicode.IsSpace(c) {
			if strings.TrimSpace(text[i:]) != "" && (len(out) == 0 || strings.TrimSpace(text[out[len(out)-1]:i]) != "") {
				out = append(out, i)
			}
		}
	}
	return append(out, len(text))
}

// gluedMinClean is the words a paragraph must keep, besides a glued spam
// sentence, for the sentence to be read as glued to it.
const gluedMinClean = 12

// maxTopicMass is the topic's vocabulary (terms.Matcher.TopicMass) the
// rest of a page may hold and still be about something else: "at odds", "a
// risky bet", a trip to Las Vegas. A page about casinos, betting or the lottery
// names them in many places; its sentences are its topic, not spam glued
// into it.
const maxTopicMass = 1.0

// maxRestMass is the vocabulary the rest of a paragraph may hold besides a
// glued spam sentence: a word of the topic's lightest ("odds", "bet").
const maxRestMass = 0.2

// gluedCandidate reports a paragraph-like element: one block of running
// text, with no blocks inside.
func gluedCandidate(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Li, atom.Dd, atom.Td, atom.Blockquote, atom.Div:
		return !domtext.HoldsBlocks(n)
	}
	return false
}

// gluedPass finds, in the paragraphs with gambling vocabulary that did not
// score as spam as a whole, a spam sentence glued into a real paragraph
// ("… the mayor's office said. Sign up at XY88 for a 200% welcome
// bonus."): a run of sentences that scores as spam on its own, with a
// brand code or twice the score, in a paragraph whose rest holds no
// gambling word (but the lightest), on a page whose other text hardly
// names the topic (pageHits: the terms of the page's text outside spam
// units). Such paragraphs get the run's score, and the text around the
// run is kept to find it again (Analysis.SpamRun).
func (w *walker) gluedPass(pageHits []terms.Count) {
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
	for _, n := range w.glued {
		text := domtext.Gather(n, edge)
		from, to, s, ok := m.SpamRun(text, gluedMinClean)
		if !ok || !strongRun(s) {
			continue
		}
		if m.terms.Mass(m.terms.Find(fold.Fold(text[:from]+" "+text[to:]))) > maxRestMass {
			continue
		}
		run := fold.Fold(text[from:to])
		runMass += m.terms.TopicMass(m.terms.Find(run))
		fs = append(fs, found{n, s, text[:from], text[to:], fold.CountWords(run)})
	}
	if len(fs) == 0 || m.terms.TopicMass(pageHits)-runMass > maxTopicMass {
		return
	}
	if w.a.glued == nil {
		w.a.glued = map[*html.Node]gluedRun{}
	}
	for _, f := range fs {
		w.a.scores[f.n] = f.s
		w.a.glued[f.n] = gluedRun{f.head, f.tail, f.s}
		w.a.spamWords += f.words
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

// strongRun reports a glued run's score that is not a topic sentence: a
// brand code beside the vocabulary, or the vocabulary alone twice the spam
// score.
func strongRun(s *Score) bool {
	for _, e := range s.Evidence {
		if e.Counted && (e.Signal == lexicon.SigBrand || e.Signal == lexicon.SigBrandGambling) {
			return true
		}
	}
	return s.Value >= 2*Unit
}
