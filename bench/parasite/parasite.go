// Package parasite generates parasite landing pages: pages that are gambling
// spam from top to bottom, planted on a legitimate, hacked site (the brand in
// the title, H1 and JSON-LD, keyword-stuffed text, register and login
// buttons to another host, query-string URLs such as ?daftar=slot-...).
//
// Every pool the generator draws from is split in two DISJOINT halves:
// languages (and so phrases), brand syllables and stems, hacked hosts and
// spam hosts with their top-level domains, URL parameters and markup
// templates. Tune on half.Tuning; report half.HeldOut, which tuning never
// looks at.
package parasite

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/winnowhq/winnow/bench/half"
)

// Page is one generated parasite page.
type Page struct {
	URL, Lang, HTML string
}

type pools struct {
	langs    map[string]lang
	syllable []string
	stems    []string
	hacked   []string // hacked hosts the page is planted on
	tlds     []string // of the spam hosts the buttons point to
	params   []string
	template func(r *rand.Rand, p *pageParts) string
}

type lang struct {
	phrases  []string // gambling phrases, %s is the brand
	filler   []string // sentences without gambling words
	register []string // register/login button labels
}

type pageParts struct {
	lang, brand, title, h1, host, spamHost string
	paras, buttons                         []string
	faq                                    [][2]string
}

// Generate returns n parasite pages from half h, drawn with seed. It fails
// only when the half's vocabulary file is malformed.
func Generate(h half.Half, n int, seed uint64) ([]Page, error) {
	p, err := poolsOf(h)
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(seed, uint64(h)+1))
	var names []string
	for k := range p.langs {
		names = append(names, k)
	}
	sortStrings(names)
	var out []Page
	for i := range n {
		ln := names[i%len(names)]
		l := p.langs[ln]
		brand := pick(r, p.syllable) + fmt.Sprint(10+r.IntN(990))
		if r.IntN(2) == 0 {
			brand += pick(r, p.stems)
		}
		switch r.IntN(3) {
		case 0:
			brand = strings.ToUpper(brand)
		case 1:
			brand = strings.ToUpper(brand[:1]) + brand[1:]
		}
		pp := &pageParts{lang: ln, brand: brand, host: pick(r, p.hacked)}
		pp.spamHost = strings.ToLower(brand) + "." + pick(r, p.tlds)
		phr := func() string { return fmt.Sprintf(pick(r, l.phrases), brand) }
		pp.title = brand + " " + phr()
		pp.h1 = phr()
		for range 3 + r.IntN(5) {
			var b strings.Builder
			for k := range 1 + r.IntN(3) {
				if k > 0 {
					b.WriteString(" ")
				}
				if r.IntN(3) == 0 {
					b.WriteString(pick(r, l.filler))
				} else {
					b.WriteString(phr())
				}
			}
			pp.paras = append(pp.paras, b.String())
		}
		pp.buttons = []string{pick(r, l.register), pick(r, l.register)}
		for range r.IntN(3) {
			pp.faq = append(pp.faq, [2]string{phr() + "?", pick(r, l.filler) + " " + phr()})
		}
		slug := strings.ToLower(strings.ReplaceAll(pick(r, l.phrases), "%s", brand))
		slug = strings.Join(strings.Fields(slug), "-")
		u := fmt.Sprintf("https://%s/%s?%s=%s", pp.host, pick(r, []string{"wp-content/uploads", "news", "page", "event", "detail"}), pick(r, p.params), slug)
		out = append(out, Page{URL: u, Lang: ln, HTML: p.template(r, pp)})
	}
	return out, nil
}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
