package spam

import (
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/anchor"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/stranger"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxStrangerLinks is the most glued stranger links (stranger.Page.Anchor)
// a page may hold for them to be spam: a page that glues many links of
// that shape to its prose (a syllabus citing papers, "[Kothari '20]", a
// review linking each model it names) writes its links so.
const maxStrangerLinks = 3

// strangerLinks reads again the short visible links below the spam score
// (later.links) for a link to another site glued to a real paragraph
// whose text carries a payload that is a stranger to the page
// (stranger.Page.Anchor): a brand, handle, dose or phone number injected
// into prose, whatever language its words are in. A link to a site the
// page links to elsewhere (a shop, a social network it cites), or whose
// payload names the page's own site (its author's handle), is the page's
// own. Only the link goes.
func (w *walker) strangerLinks(pg *stranger.Page) {
	type hit struct {
		n        *html.Node
		pl, site string
	}
	var hits []hit
	var sites map[string]int
	for _, n := range w.later.links {
		if w.a.scores.Spam(n) {
			continue
		}
		text := domtext.ElementText(n)
		if stranger.AnchorPayload(text) == "" {
			continue
		}
		host := w.foreign(n)
		if host == "" {
			continue
		}
		if pg == nil {
			pg = stranger.NewPage(domtext.ElementText(w.root), w.later.plain)
		}
		if !pg.Enough() {
			return
		}
		pl, ok := pg.Anchor(n, text, host)
		if !ok || w.ownName(pl) {
			continue
		}
		if sites == nil {
			sites = w.linkedSites()
		}
		hits = append(hits, hit{n, pl, w.hosts.Get(host).Site})
	}
	if len(hits) > maxStrangerLinks {
		return
	}
	ours := map[string]int{} // the links to each site that are hits
	for _, h := range hits {
		ours[h.site]++
	}
	for _, h := range hits {
		if sites[h.site] > ours[h.site] {
			continue // the page links to that site elsewhere
		}
		sc := w.a.m.Scorer()
		sc.Weighted(lexicon.SigStranger, 1, "a glued link: "+h.pl)
		w.a.scores[h.n] = sc.Result()
		w.spam++
	}
}

// minOwnName is how many letters a payload shares with the page's site
// name to be the site's own (@GuillaumeGomez on guillaume-gomez.fr).
const minOwnName = 5

// ownName reports a payload whose letters hold the page's site name, or
// the name of the site hold its letters.
func (w *walker) ownName(pl string) bool {
	name, _, _ := strings.Cut(w.a.site, ".")
	name = strings.ReplaceAll(name, "-", "")
	var b strings.Builder
	for w := range fold.Words(strings.ToLower(pl)) {
		b.WriteString(w)
	}
	letters := b.String()
	short, long := name, letters
	if len(short) > len(long) {
		short, long = long, short
	}
	return len(short) >= minOwnName && strings.Contains(long, short)
}

// linkedSites counts the links of the page to each site.
func (w *walker) linkedSites() map[string]int {
	sites := map[string]int{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if h := w.foreign(n); h != "" {
				sites[w.hosts.Get(h).Site]++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(w.root)
	return sites
}

// foreign returns the host of a link to another site than the page's (the
// target a redirector carries, as link reads it), or "".
func (w *walker) foreign(n *html.Node) string {
	href := strings.TrimSpace(domtext.Attr(n, "href"))
	if t := anchor.Target(href); t != "" {
		href = t
	}
	host := anchor.Host(href)
	if host == "" {
		return ""
	}
	if hi := w.hosts.Get(host); hi.Site != "" && hi.Site != w.a.site {
		return host
	}
	return ""
}
