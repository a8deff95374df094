package spam

import (
	"fmt"
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/anchor"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Verdict is the whole-page spam verdict: a parasite landing page, spam
// from top to bottom, on a site that was hacked. Its json tags are the
// fields winnow's jsonl output and crawl index carry.
type Verdict struct {
	Spam  bool    `json:"spam,omitempty"`
	Score float64 `json:"spam_score,omitempty"`
	// Evidence explains the score (for --explain); not in json.
	Evidence *Score `json:"-"`
}

// Verdict judges the whole page: its title, H1 or JSON-LD name scored as
// spam; the share of its text in spam blocks and links; register and login
// buttons pointing elsewhere; gambling stems in its own query string. A
// page is spam when the score reaches the lexicon's verdict weight and most
// of its text is spam, or its title is and it has register buttons: a
// legitimate page about gambling (a headline naming a betting firm), or a
// real article with spam injected into it, is not.
func (a *Analysis) Verdict(pageURL string) Verdict {
	if a == nil {
		return Verdict{}
	}
	m := a.m
	sc := m.scorer()
	named := 0
	var what []string
	for _, x := range []struct {
		name string
		s    *Score
	}{{"title", a.title}, {"h1", a.h1}, {"json-ld", a.ld}} {
		if x.s != nil && x.s.Value >= Unit {
			named++
			what = append(what, fmt.Sprintf("%s %.2f", x.name, x.s.Value))
		}
	}
	if named > 0 {
		sc.Weighted(lexicon.SigTitle, 1+0.5*float64(named-1), strings.Join(what, ", "))
	}
	share := 0.0
	if a.words > 0 {
		share = float64(a.spamWords) / float64(a.words)
	}
	if share > 0 {
		sc.Weighted(lexicon.SigShare, share, fmt.Sprintf("%d of %d words", a.spamWords, a.words))
	}
	registers := false
	// Register and login buttons are read only where the verdict could
	// follow: on most pages they are never looked at.
	if named > 0 || share >= 0.5 {
		reg := a.registerHosts()
		foreign := 0
		for _, h := range reg {
			if h != "" && m.brand.Host(h).Site != a.site {
				foreign++
			}
		}
		if len(reg) > 0 {
			registers = true
			sc.Weighted(lexicon.SigRegister, min(2, float64(max(foreign, len(reg)/2)))/2, plural(len(reg), "register button"))
		}
	}
	if w, what := m.brand.PathStem(anchor.PathQuery(pageURL)); w > 0 && strings.Contains(pageURL, "?") {
		sc.Weighted(lexicon.SigPageURL, w, what)
	}
	s := sc.Result()
	if s == nil {
		return Verdict{}
	}
	v := Verdict{Score: s.Value, Evidence: s}
	// The title alone never condemns a page whose text is mostly its own:
	// a news story about a betting firm names it in its headline. Beside
	// it, register buttons to another host do, as parasite pages have.
	v.Spam = s.Value >= m.weights[lexicon.SigVerdict] && (share >= 0.5 || named > 0 && registers)
	return v
}

// registerHosts returns the hosts that register and login controls (short
// links and buttons whose text holds a register word) point to; "" for a
// button, whose target is script.
func (a *Analysis) registerHosts() []string {
	var out []string
	for _, n := range a.buttons {
		if !a.m.register.In(fold.Fold(nodeText(n))) {
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

func (w *walker) jsonLD(n *html.Node) *Score {
	data := domtext.JSONLD(n)
	if data == "" {
		return nil
	}
	if len(data) > 1<<16 {
		data = data[:1<<16]
	}
	// The names and headline are what a parasite page fills with its brand;
	// reading the strings of the JSON is enough to score them.
	var b strings.Builder
	for _, key := range []string{`"name"`, `"headline"`, `"alternateName"`} {
		for rest := data; ; {
			i := strings.Index(rest, key)
			if i < 0 {
				break
			}
			rest = rest[i+len(key):]
			j := strings.IndexByte(rest, '"')
			if j < 0 || strings.TrimSpace(strings.TrimLeft(rest[:j], ": \t\n")) != "" {
				continue
			}
			rest = rest[j+1:]
			k := strings.IndexByte(rest, '"')
			if k < 0 {
				break
			}
			b.WriteString(rest[:k])
			b.WriteString(". ")
			rest = rest[k:]
		}
	}
	return w.a.m.ScoreText(b.String())
}
