package spam

import (
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/anchor"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/verdict"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Verdict is the whole-page spam verdict: a parasite landing page, spam
// from top to bottom, on a site that was hacked (package verdict).
type Verdict = verdict.Verdict

// Verdict judges the whole page (verdict.Judge): its title, H1 or JSON-LD
// name scored as spam; the share of its text in spam blocks and links;
// register and login buttons pointing elsewhere; gambling stems in its own
// query string. A legitimate page about gambling (a headline naming a
// betting firm), or a real article with spam injected into it, is not
// spam.
func (a *Analysis) Verdict(pageURL string) Verdict {
	if a == nil {
		return Verdict{}
	}
	m := a.m
	p := verdict.Page{Title: a.title, H1: a.h1, LD: a.ld, Words: a.words, SpamWords: a.spamWords}
	p.Registers = func() (n, foreign int) {
		reg := a.registerHosts()
		for _, h := range reg {
			if h != "" && m.Brand().Host(h).Site != a.site {
				foreign++
			}
		}
		return len(reg), foreign
	}
	if w, what := m.Brand().PathStem(anchor.PathQuery(pageURL)); w > 0 && strings.Contains(pageURL, "?") {
		p.URLStem, p.URLWhat = w, what
	}
	return verdict.Judge(p, m.Weights())
}

// registerHosts returns the hosts that register and login controls (short
// links and buttons whose text holds a register word) point to; "" for a
// button, whose target is script.
func (a *Analysis) registerHosts() []string {
	var out []string
	for _, n := range a.buttons {
		if !a.m.Register().In(fold.Fold(domtext.ElementText(n))) {
			continue
		}
		h := ""
		if n.DataAtom == atom.A {
			h = anchor.Host(domtext.Attr(n, "href"))
		} else if oc := domtext.Attr(n, "onclick"); oc != "" {
			h = anchor.Host(strings.Trim(oc[strings.IndexAny(oc, "'\"")+1:], "'\"; "))
		}
		out = append(out, h)
	}
	return out
}

// jsonLD scores the names and headline of a JSON-LD block: what a
// parasite page fills with its brand.
func (w *walker) jsonLD(n *html.Node) *Score {
	data := domtext.JSONLD(n)
	if data == "" {
		return nil
	}
	return w.a.m.ScoreText(domtext.JSONStrings(data, 1<<16, `"name"`, `"headline"`, `"alternateName"`))
}
