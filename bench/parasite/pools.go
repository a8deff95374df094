package parasite

import (
	"embed"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/internal/yamlpos"
	"go.yaml.in/yaml/v4"
)

// The words of each half are data, vocab/tuning.yaml and
// vocab/held-out.yaml, embedded; its markup is Go: landing for the tuning
// half, article for the held-out one.
//
//go:embed vocab/tuning.yaml vocab/held-out.yaml
var vocabFiles embed.FS

// poolsByHalf reads both halves once.
var poolsByHalf = sync.OnceValues(func() ([2]pools, error) {
	var out [2]pools
	for h, template := range [2]func(r *rand.Rand, p *pageParts) string{landing, article} {
		name := "vocab/" + half.Half(h).String() + ".yaml"
		data, err := vocabFiles.ReadFile(name)
		if err != nil {
			return out, err
		}
		if out[h], err = readPools("bench/parasite/"+name, data); err != nil {
			return out, err
		}
		out[h].template = template
	}
	return out, nil
})

// poolsOf returns the pools of half h.
func poolsOf(h half.Half) (pools, error) {
	ps, err := poolsByHalf()
	return ps[h], err
}

// readPools reads a vocabulary file, named file in errors, strictly: an
// unknown, duplicate or missing key, a value of the wrong shape or an
// empty list is an error at its file:line.
func readPools(file string, data []byte) (pools, error) {
	r := yamlpos.NewReader(file)
	var p pools
	root, err := r.Root(data, "vocabulary file")
	if err != nil {
		return p, err
	}
	list := func(dst *[]string, what string) func(*yaml.Node) {
		return func(n *yaml.Node) { *dst = r.StringList(n, what) }
	}
	fields := yamlpos.Fields{
		"langs": func(n *yaml.Node) {
			p.langs = map[string]lang{}
			r.Pairs(n, "langs", func(name string, v *yaml.Node) {
				var l lang
				what := "language " + name
				r.Require(v, what, r.Mapping(v, what, yamlpos.Fields{
					"phrases":  list(&l.phrases, "phrases"),
					"filler":   list(&l.filler, "filler"),
					"register": list(&l.register, "register"),
				}), "phrases", "filler", "register")
				p.langs[name] = l
			})
			if n.Kind == yaml.MappingNode && len(n.Content) == 0 {
				r.Errorf(n, "langs: no language")
			}
		},
		"syllables":    list(&p.syllable, "syllables"),
		"stems":        list(&p.stems, "stems"),
		"hacked-hosts": list(&p.hacked, "hacked-hosts"),
		"tlds":         list(&p.tlds, "tlds"),
		"params":       list(&p.params, "params"),
	}
	r.Require(root, "vocabulary", r.Mapping(root, "vocabulary", fields), "langs", "syllables", "stems", "hacked-hosts", "tlds", "params")
	return p, r.Err()
}

// landing is the tuning half's markup: a hero with buttons, a feature grid
// and an FAQ, in divs.
func landing(r *rand.Rand, p *pageParts) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html lang=%q><head><meta charset=utf-8><title>%s</title>", p.lang, esc(p.title))
	fmt.Fprintf(&b, "<meta name=description content=%q></head><body>", esc(p.h1))
	fmt.Fprintf(&b, "<div class=hero><h1>%s</h1><div class=cta>", esc(p.h1))
	for _, btn := range p.buttons {
		fmt.Fprintf(&b, "<a class=btn href=\"https://%s/register?ref=%d\">%s</a> ", p.spamHost, r.IntN(9999), esc(btn))
	}
	b.WriteString("</div></div><div class=content>")
	for _, para := range p.paras {
		fmt.Fprintf(&b, "<div class=card><p>%s</p></div>", esc(para))
	}
	if len(p.faq) > 0 {
		b.WriteString("<div class=faq><h2>FAQ</h2>")
		for _, q := range p.faq {
			fmt.Fprintf(&b, "<div class=q><h3>%s</h3><p>%s</p></div>", esc(q[0]), esc(q[1]))
		}
		b.WriteString("</div>")
	}
	fmt.Fprintf(&b, "</div><footer><p>© 2026 %s</p></footer></body></html>", esc(p.brand))
	return b.String()
}

// article is the held-out half's markup: an article-shaped page with
// JSON-LD, a table of games, a marquee and a sticky bar of buttons.
func article(r *rand.Rand, p *pageParts) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html><html lang=%q><head><title>%s</title>", p.lang, esc(p.title))
	fmt.Fprintf(&b, `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"%s","alternateName":"%s"}</script></head><body>`, esc(p.brand), esc(p.h1))
	fmt.Fprintf(&b, "<header><nav><a href=\"/\">%s</a></nav></header><main><article><header><h1 class=entry-title>%s</h1></header>", esc(p.brand), esc(p.h1))
	fmt.Fprintf(&b, "<marquee>%s</marquee><section class=entry-content>", esc(p.paras[0]))
	for i, para := range p.paras {
		if i == 2 {
			b.WriteString("<table><tr><th>#</th><th>Game</th></tr>")
			for k := range 3 {
				fmt.Fprintf(&b, "<tr><td>%d</td><td><a href=\"https://%s/game/%d\">%s</a></td></tr>", k+1, p.spamHost, r.IntN(999), esc(p.brand))
			}
			b.WriteString("</table>")
		}
		fmt.Fprintf(&b, "<p>%s</p>", esc(para))
	}
	for _, q := range p.faq {
		fmt.Fprintf(&b, "<details><summary>%s</summary><p>%s</p></details>", esc(q[0]), esc(q[1]))
	}
	b.WriteString("</section></article></main><div class=sticky-bar>")
	for _, btn := range p.buttons {
		fmt.Fprintf(&b, "<button onclick=\"location.href='https://%s/'\">%s</button>", p.spamHost, esc(btn))
	}
	b.WriteString("</div></body></html>")
	return b.String()
}
