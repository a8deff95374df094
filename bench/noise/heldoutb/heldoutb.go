// Package heldoutb generates held-out B, the third column of the noise
// corpus (package noise): the same noise kinds (noise.KindSpamLine...),
// recorded in the same noise.Doc and measured by package leftover, but
// drawn from pools disjoint from both of noise's halves: spam in other
// languages and other trades (pharmacy, loans, crypto, adult, betting),
// brand codes in other shapes (drugs and doses, tickers, handles, phone
// numbers, spoofed letters), other hosts and TLDs, other hiding techniques
// (zero font size, text-indent, scale, content-visibility, inline script,
// id and attribute selectors in a body style sheet, utility classes),
// other markup templates, glyph blocks, boilerplate phrasings and
// duplicate patterns; and other base pages (WCXB, not the article
// benchmark). The words are data, pools.yaml; the markup is Go, markup.go.
//
// It was built because the held-out half had been read while tuning:
// nobody tunes on held-out B. Read its summary figures only; never its
// pages, its items or what is left of them. noise's TestHeldOutBDisjoint
// fails when any of its pool items or template shapes is in either half.
package heldoutb

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"sync"

	"golang.org/x/net/html"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/noise"
)

// Options control Generate.
type Options struct {
	Seed     uint64
	Variants int // noisy pages per source; 0 means 1
}

var words = sync.OnceValues(Read)

// Generate builds held-out B's noisy corpus from those of srcs whose Half
// is half.HeldOutB. Sources whose body paragraphs cannot be found in the
// DOM are skipped and returned by id.
func Generate(srcs []noise.Source, opts Options) (docs []noise.Doc, skipped []string, err error) {
	w, err := words()
	if err != nil {
		return nil, nil, err
	}
	for _, src := range srcs {
		if src.Half != half.HeldOutB {
			continue
		}
		clean, err := render(src.HTML)
		if err != nil {
			return nil, nil, fmt.Errorf("page %s: %w", src.ID, err)
		}
		var got []noise.Doc
		for v := range max(opts.Variants, 1) {
			d, ok, err := generate(src, clean, w, opts.Seed, v)
			if err != nil {
				return nil, nil, fmt.Errorf("page %s: %w", src.ID, err)
			}
			if !ok {
				break
			}
			got = append(got, d)
		}
		if len(got) == 0 {
			skipped = append(skipped, src.ID)
		}
		docs = append(docs, got...)
	}
	return docs, skipped, nil
}

// render parses and renders page, the round trip the noisy pages take.
func render(page []byte) ([]byte, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	var b bytes.Buffer
	err = html.Render(&b, doc)
	return b.Bytes(), err
}

func generate(src noise.Source, clean []byte, w *Words, seed uint64, variant int) (noise.Doc, bool, error) {
	doc, err := html.Parse(bytes.NewReader(src.HTML))
	if err != nil {
		return noise.Doc{}, false, fmt.Errorf("parse: %w", err)
	}
	container, paras := noise.FindBody(doc, src.Body)
	if len(paras) < 2 {
		return noise.Doc{}, false, nil
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%d/held-out-b", src.ID, variant)
	in := &injector{
		r: rand.New(rand.NewPCG(seed, h.Sum64())), w: w, doc: doc, container: container, paras: paras,
		page: string(src.HTML), items: noise.Items{Kinds: map[string]int{}},
	}
	in.inject()
	var b bytes.Buffer
	if err := html.Render(&b, doc); err != nil {
		return noise.Doc{}, false, fmt.Errorf("render: %w", err)
	}
	return noise.Doc{
		ID: fmt.Sprintf("%s-%d", src.ID, variant), Source: src.ID, URL: src.URL,
		Clean: clean, Noisy: b.Bytes(), Body: src.Body, Items: in.items,
	}, true, nil
}

// injector holds the state of one page's injection.
type injector struct {
	r         *rand.Rand
	w         *Words
	doc       *html.Node
	container *html.Node   // the element holding the body paragraphs
	paras     []*html.Node // the body paragraphs, children of container
	page      string       // the source HTML, to keep glyphs foreign to it
	items     noise.Items
}

// inject adds each noise kind with its chance: paragraph edits first
// (paras lists only real paragraphs throughout), then insertions.
func (in *injector) inject() {
	for _, k := range []struct {
		chance float64
		add    func(*injector)
	}{
		{0.7, (*injector).bodyGlyphs},
		{0.6, (*injector).spamAnchors},
		{0.7, (*injector).leadRepeat},
		{0.7, (*injector).captions},
		{0.5, (*injector).fileNames},
		{0.7, (*injector).spamLines},
		{0.7, (*injector).hiddenSpam},
		{0.5, (*injector).inlineRelated},
		{1, (*injector).sidebars},
		{0.6, (*injector).widgets},
		{0.7, (*injector).linkFarm},
		// After leadRepeat, so that no copy of the lead holds spam.
		{0.5, (*injector).spamSentence},
	} {
		if k.chance >= 1 || in.r.Float64() < k.chance {
			k.add(in)
		}
	}
}
