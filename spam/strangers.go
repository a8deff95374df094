package spam

import (
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/stranger"
	"golang.org/x/net/html"
)

// strangerPass reads again the visible paragraphs and lines below the
// spam score (later.plain), for spam in
// words no lexicon knows (package stranger): the first or last sentence of
// a real paragraph, or a line set beside the page's prose, that carries a
// payload (a code, handle, phone number or domain) and is a stranger to
// the page (in words the rest of it does not use, or in another script),
// and returns the page it read (nil when no block called for it).
func (w *walker) strangerPass() *stranger.Page {
	var pg *stranger.Page
	for _, n := range w.later.plain {
		if w.a.scores.Spam(n) {
			continue
		}
		text := domtext.Gather(n, w.cleanEdge)
		payload := stranger.Payload(text)
		if payload == "" {
			continue
		}
		if pg == nil {
			pg = stranger.NewPage(domtext.ElementText(w.root), w.later.plain)
		}
		if !pg.Enough() {
			return pg
		}
		from, to, what := 0, len(text), "a line: "
		if f, t, ok := pg.Run(text); ok {
			from, to, what = f, t, "a sentence: "
		} else if !pg.Line(n, text) {
			continue
		}
		if from > 0 || to < len(text) { // the sentence's own payload
			payload = stranger.Payload(text[from:to])
		}
		sc := w.a.m.Scorer()
		sc.Weighted(lexicon.SigStranger, 1, what+payload)
		w.a.scores[n] = sc.Result()
		if from > 0 || to < len(text) { // a sentence glued into a paragraph: only it goes
			w.a.glued[n] = gluedRun{text[:from], text[to:], w.a.scores[n]}
		}
		w.a.spamWords += fold.CountWords(text[from:to])
		w.spam++
	}
	return pg
}

// strangerLinks scores the links stranger.Links finds (pg: the page
// strangerPass read, or nil). Only the link goes.
func (w *walker) strangerLinks(pg *stranger.Page) {
	for _, l := range stranger.Links(pg, w.root, w.later.plain, w.later.links, &w.hosts, w.a.site) {
		sc := w.a.m.Scorer()
		sc.Weighted(lexicon.SigStranger, 1, "a glued link: "+l.Payload)
		w.a.scores[l.N] = sc.Result()
		w.spam++
	}
}

// cleanEdge reads a block's text as the rules will find it: the spam
// parts inside it are gone by then.
func (w *walker) cleanEdge(c *html.Node) domtext.Edge {
	if w.a.scores.Spam(c) {
		return domtext.Skip
	}
	return domtext.TextEdge(c)
}
