package spam

import (
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/sentence"
	"github.com/winnowhq/winnow/spam/textscore"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// quotePass reads again the spam the page's story quotes: a crime report
// or a court story quotes the ad it is about, in quotation marks after
// "the message read," or set apart in a blockquote after a sentence ending
// with a colon. Spam injected into a page is not written as reported
// speech, inside a story's sentence or under its introduction. On a page
// whose prose names the topic (w.later.proseTopic, maxBreakMass or more: a story
// on a bus lane "a safe bet" does not, and a paragraph ending with a colon
// before a list is where an injected block may land), such a quotation (a
// blockquote, or a paragraph that is one quotation end to end) is not spam
// when its score rests on its text alone (vocabulary, codes, a promotion's
// figures: no link elsewhere, no hiding); a spam link inside it still goes.
func (w *walker) quotePass() {
	if w.later.proseTopic < maxBreakMass {
		return
	}
	for n := range w.root.Descendants() {
		s := w.a.scores[n]
		if s == nil || s.Value < Unit {
			continue
		}
		switch {
		case n.DataAtom == atom.Blockquote && w.introduced(n) && w.textOnly(n):
			w.unscore(n)
		case n.DataAtom == atom.Blockquote || !gluedCandidate(n) || !s.FromText():
		case w.quoted(n, domtext.Gather(n, w.cleanEdge)) && w.textOnly(n):
			w.unscore(n)
		}
	}
}

// quoted reports paragraph n, whose text is text, as a quotation of the
// story's on a page whose prose names the topic: reported speech, or one
// quotation end to end after its introduction. gluedPass and linePass do
// not read a spam run or line in it either.
func (w *walker) quoted(n *html.Node, text string) bool {
	return w.later.proseTopic >= maxBreakMass && (w.a.m.ReportedSpeech(text) || sentence.Whole(text) && w.introduced(n))
}

// introduced reports a blockquote that a sentence of the story introduces:
// the element before it is running text, minIntroWords or more, below the
// spam score, ending with a colon.
func (w *walker) introduced(n *html.Node) bool {
	prev := n.PrevSibling
	for prev != nil && prev.Type != html.ElementNode {
		if prev.Type == html.TextNode && strings.TrimSpace(prev.Data) != "" {
			return false
		}
		prev = prev.PrevSibling
	}
	if prev == nil || !gluedCandidate(prev) {
		return false
	}
	if w.a.scores.Spam(prev) {
		return false
	}
	return textscore.Introduces(domtext.ElementText(prev))
}

// textOnly reports a subtree whose spam units score on their text alone
// (Score.FromText), or as made of such parts: no spam link, nothing hidden.
func (w *walker) textOnly(n *html.Node) bool {
	for u := range n.Descendants() {
		s := w.a.scores[u]
		if s == nil || s.Value < Unit {
			continue
		}
		if u.DataAtom == atom.A || !s.FromText() && !madeOfParts(s) {
			return false
		}
	}
	return true
}

// madeOfParts reports a score that rests on the spam parts a block is made
// of (and its own text): the blockquote around a quoted paragraph.
func madeOfParts(s *Score) bool {
	for _, e := range s.Evidence {
		if e.Counted && e.Signal == lexicon.SigSpamLinks {
			return true
		}
	}
	return false
}

// unscore takes the spam scores of n and the units within it off the page:
// their words are the story's again.
func (w *walker) unscore(n *html.Node) {
	w.unscoreOne(n)
	for u := range n.Descendants() {
		w.unscoreOne(u)
	}
	w.a.spamWords = max(w.a.spamWords-fold.CountWords(fold.Fold(domtext.ElementText(n))), 0)
}

func (w *walker) unscoreOne(u *html.Node) {
	if s := w.a.scores[u]; s != nil {
		if s.Value >= Unit {
			w.spam--
		}
		delete(w.a.scores, u)
	}
}
