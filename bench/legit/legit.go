// Package legit generates legitimate pages about gambling: news on a
// casino, regulator notices, addiction help, lottery results, the betting
// business, encyclopaedia articles, court reports, odds boards, forum
// threads and reviews. Every word of their editorial text is content; a
// cleaner that strips gambling spam must keep all of it.
//
// Every pool the generator draws from is split in two DISJOINT halves:
// languages, topics (and so sentences, titles and subheadings), named
// operators, lotteries and regulators, publishing hosts, referenced hosts,
// team names and page shapes (markup). Tune on half.Tuning; report
// half.HeldOut, which tuning never looks at (TestPoolsDisjoint enforces
// the split).
package legit

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/winnowhq/winnow/bench/half"
)

// Page is one generated page and the text that must survive cleaning.
type Page struct {
	ID, URL, Lang, Topic, Shape, HTML string
	// Blocks are the page's legitimate blocks as written: the H1, every
	// paragraph, subheading, list item, forum post and table row (cells
	// joined by spaces). Navigation, footers and sidebars are not in it.
	Blocks []string
}

// parts is what a shape lays out.
type parts struct {
	lang     string
	labels   labels
	h1       string
	brand    string
	host     string
	refHost  string
	site     string
	heads    []string // subheadings of the topic, shuffled
	paras    []string // paragraphs of 1-2 sentences of the topic
	teams    []string
	year     int
	day, mon int
}

// Generate returns n pages of half h, drawn with seed: languages in turn,
// a topic, brand, host and shape at random. It fails only when the half's
// vocabulary file is malformed.
func Generate(h half.Half, n int, seed uint64) ([]Page, error) {
	p, err := poolsOf(h)
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(seed, uint64(h)+101))
	names := make([]string, 0, len(p.langs))
	for k := range p.langs {
		names = append(names, k)
	}
	sort.Strings(names)
	var out []Page
	for i := range n {
		ln := names[i%len(names)]
		l := p.langs[ln]
		tnames := make([]string, 0, len(l.topics))
		for k := range l.topics {
			tnames = append(tnames, k)
		}
		sort.Strings(tnames)
		tn := pick(r, tnames)
		tp := l.topics[tn]
		sh := p.shapes[r.IntN(len(p.shapes))]
		pp := &parts{lang: ln, labels: l.labels, brand: pick(r, p.brands), host: pick(r, p.hosts),
			refHost: pick(r, p.refHosts), teams: p.teams, year: 2019 + r.IntN(8), day: 1 + r.IntN(28), mon: 1 + r.IntN(12)}
		pp.site = siteName(pp.host)
		fill := func(s string) string { return strings.ReplaceAll(s, "%s", pp.brand) }
		pp.h1 = fill(pick(r, tp.titles))
		for _, k := range r.Perm(len(tp.heads)) {
			pp.heads = append(pp.heads, fill(tp.heads[k]))
		}
		sents := r.Perm(len(tp.sentences))
		for len(sents) > 0 {
			k := min(len(sents), 1+r.IntN(2))
			var ss []string
			for _, j := range sents[:k] {
				ss = append(ss, fill(tp.sentences[j]))
			}
			sents = sents[k:]
			pp.paras = append(pp.paras, strings.Join(ss, " "))
		}
		html, blocks := sh.render(r, pp)
		slug := slugOf(pp.h1)
		id := fmt.Sprintf("%s-%03d", h, i)
		out = append(out, Page{ID: id, URL: fmt.Sprintf("https://%s/%s/%d/%s", pp.host, tn, pp.year, slug),
			Lang: ln, Topic: tn, Shape: sh.name, HTML: html, Blocks: blocks})
	}
	return out, nil
}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

// siteName is a host's name as a masthead prints it: "daily-ledger.co.uk"
// reads "Daily Ledger".
func siteName(host string) string {
	name := strings.TrimPrefix(host, "www.")
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' })
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// slugOf is a URL path segment made of s's first words, ASCII letters
// and digits only.
func slugOf(s string) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(strings.ToLower(s)) {
		var k strings.Builder
		for _, c := range w {
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
				k.WriteRune(c)
			}
		}
		if k.Len() == 0 {
			continue
		}
		if n > 0 {
			b.WriteByte('-')
		}
		b.WriteString(k.String())
		if n++; n == 6 {
			break
		}
	}
	if b.Len() == 0 {
		return "story"
	}
	return b.String()
}

func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
