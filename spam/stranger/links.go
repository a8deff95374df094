package stranger

import (
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/anchor"
	"github.com/winnowhq/winnow/spam/brand"
	"github.com/winnowhq/winnow/spam/fold"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MinRest is how many words of its own a paragraph keeps besides a
// stranger sentence (and besides a spam link glued to it, for a caller
// choosing the blocks to read again): a real paragraph.
const MinRest = minRest

// Box reports a box of one line of text set among blocks that a caller
// reads again for a stranger line, besides paragraphs, list items and
// headings: a centred or scrolling line, a caption, a term, a section
// holding no blocks.
func Box(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Center, atom.Marquee, atom.Figcaption, atom.Dt, atom.Th, atom.Address, atom.Section, atom.Aside,
		atom.Header, atom.Footer, atom.Article, atom.Figure, atom.Caption, atom.Summary, atom.Legend:
		return !domtext.HoldsBlocks(n)
	}
	return false
}

// maxStrangerLinks is the most glued stranger links a page may hold for
// them to be spam: a page that glues many links of that shape to its
// prose (a syllabus citing papers, "[Kothari '20]", a review linking each
// model it names) writes its links so.
const maxStrangerLinks = 3

// Link is a link Links finds, and its payload.
type Link struct {
	N       *html.Node
	Payload string
}

// Links returns the links among links (short visible links of the page
// whose root is root, paragraphs paras and registrable domain site) that
// go to another site and that Page.Anchor reads as strangers glued to a
// real paragraph; p is the page's Page, or nil to build it on first use
// (most pages hold no candidate). A link to a site the page links to elsewhere (a shop, a
// social network it cites), or whose payload names the page's own site
// (its author's handle), is the page's own.
func Links(p *Page, root *html.Node, paras, links []*html.Node, hosts *brand.Hosts, site string) []Link {
	var hits []Link
	var sites map[string]int
	var hitSites []string
	for _, n := range links {
		host, hs := foreign(n, hosts, site)
		if host == "" || !linkMayCarry(n) {
			continue
		}
		text := domtext.ElementText(n)
		if AnchorPayload(text) == "" {
			continue
		}
		if p == nil {
			p = NewPage(domtext.ElementText(root), paras)
		}
		if !p.Enough() {
			return nil
		}
		pl, ok := p.Anchor(n, text, host)
		if !ok || ownName(pl, site) {
			continue
		}
		if sites == nil {
			sites = linkedSites(root, hosts, site)
		}
		hits, hitSites = append(hits, Link{n, pl}), append(hitSites, hs)
	}
	if len(hits) > maxStrangerLinks {
		return nil
	}
	ours := map[string]int{} // the links to each site that are hits
	for _, s := range hitSites {
		ours[s]++
	}
	out := hits[:0]
	for i, h := range hits {
		if sites[hitSites[i]] == ours[hitSites[i]] { // the page links to that site nowhere else
			out = append(out, h)
		}
	}
	return out
}

// minOwnName is how many letters a payload shares with the page's site
// name to be the site's own (@GuillaumeGomez on guillaume-gomez.fr).
const minOwnName = 5

// ownName reports a payload whose letters hold the name of the page's
// site, or the site's name its letters.
func ownName(pl, site string) bool {
	name, _, _ := strings.Cut(site, ".")
	name = strings.ReplaceAll(name, "-", "")
	var b strings.Builder
	for w := range fold.Words(strings.ToLower(pl)) {
		b.WriteString(w)
	}
	short, long := name, b.String()
	if len(short) > len(long) {
		short, long = long, short
	}
	return len(short) >= minOwnName && strings.Contains(long, short)
}

// linkedSites counts the links of the page to each other site.
func linkedSites(root *html.Node, hosts *brand.Hosts, site string) map[string]int {
	sites := map[string]int{}
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if h, s := foreign(n, hosts, site); h != "" {
				sites[s]++
			}
		}
	}
	return sites
}

// foreign returns the host and registrable domain of a link to another
// site than site (the target a redirector carries, as package spam reads
// a link), or "".
func foreign(n *html.Node, hosts *brand.Hosts, site string) (string, string) {
	href := strings.TrimSpace(domtext.Attr(n, "href"))
	if t := anchor.Target(href); t != "" {
		href = t
	}
	host := anchor.Host(href)
	if host == "" {
		return "", ""
	}
	if hi := hosts.Get(host); hi.Site != "" && hi.Site != site {
		return host, hi.Site
	}
	return "", ""
}

// linkMayCarry reports a link whose text holds a digit, "@", "$", a dot or a
// letter beyond ASCII: what a payload needs (the cheap test before reading
// its text).
func linkMayCarry(a *html.Node) bool {
	for n := range a.Descendants() {
		if n.Type != html.TextNode {
			continue
		}
		for i := 0; i < len(n.Data); i++ {
			if c := n.Data[i]; c >= '0' && c <= '9' || c == '@' || c == '$' || c == '.' || c >= 0x80 {
				return true
			}
		}
	}
	return false
}
