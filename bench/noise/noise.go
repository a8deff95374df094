// Package noise builds a corpus of noisy news pages with a known clean body;
// package leftover measures how much of the noise a cleaner leaves.
//
// Generate takes clean pages whose main text is known (the Article Extraction
// Benchmark pages and their ground truth), finds the body paragraphs in the
// DOM and injects, in randomised markup and vocabulary, every noise kind of
// ../shared/seeds and more: spam lines and brands in many languages;
// link-farm blocks; spam in hidden elements; spam anchors glued into real
// paragraphs; sidebars of related headlines under many headings, under
// misleading class names and under none; newsletter, cookie, share, author
// and comment boxes; decorative glyphs on sidebar headlines and on real body
// paragraphs; captions doubled through img alt plus figcaption; repeated
// leads; leaked image file names. Every injected string is recorded in the
// Doc's Items, so that leftover.Measure can tell, from a cleaner's output,
// what share of each kind is left.
//
// Every pool the generator draws from (base pages included) is split into
// two disjoint halves (package half): rules are tuned on the Tuning half,
// and figures are reported on the HeldOut half, which also adds languages,
// hiding techniques and markup the tuning half lacks. The generator is
// deterministic for a half and a seed.
package noise

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/score"
)

// Source is a clean page whose main text is known.
type Source struct {
	ID   string
	URL  string
	HTML []byte // UTF-8
	Body string // the page's main text, as a human labelled it
	// Half is the half of the corpus the page belongs to; Generate uses it
	// only for that half. See half.Of.
	Half half.Half
}

// Doc is one generated page.
type Doc struct {
	// ID is the source id, a dash and the variant number.
	ID     string
	Source string
	URL    string
	// Clean is the source page after the same parse and render round trip
	// as Noisy, without noise. Variants of one source share it.
	Clean []byte
	// Noisy is the page with noise injected.
	Noisy []byte
	// Body is the clean body text the cleaner should return.
	Body  string
	Items Items
}

// Items records what was injected into one Doc.
type Items struct {
	// Spam holds gambling brands, phrases and link-farm anchors: none should be left.
	Spam []Item
	// Boilerplate holds sidebar headings, headlines, teasers, section labels
	// and leaked file names: none should be left.
	Boilerplate []Item
	// Dups holds text injected more than once: at most one copy should be left.
	Dups []Dup
	// Glyphs holds one entry per decorative glyph injected.
	Glyphs []Item
	// Allowed holds injected text that may be kept once without counting
	// against precision: photo captions.
	Allowed []string
	// Kinds counts the injections by kind.
	Kinds map[string]int
}

// Item is one injected string and the kind of noise it belongs to
// (KindSpamLine, KindSidebar...).
type Item struct {
	Text string
	Kind string
	// Where describes the markup and placement, when the kind varies them.
	Where string `json:",omitempty"`
}

// Dup is a text present Copies times in the noisy page.
type Dup struct {
	Text   string
	Copies int
	Kind   string
}

// Options control Generate.
type Options struct {
	// Half selects the pools and the base pages drawn from.
	Half half.Half
	// Seed varies the random choices within the half.
	Seed uint64
	// Variants is the number of noisy pages per source; 0 means 1.
	Variants int
}

// Generate builds the noisy corpus of opts.Half from those of srcs that
// belong to that half. Sources whose body paragraphs cannot be found in the
// DOM are skipped and returned by id.
func Generate(srcs []Source, opts Options) (docs []Doc, skipped []string, err error) {
	p, err := poolsFor(opts.Half)
	if err != nil {
		return nil, nil, err
	}
	n := max(opts.Variants, 1)
	for _, src := range srcs {
		if src.Half != opts.Half {
			continue
		}
		clean, err := roundTrip(src.HTML)
		if err != nil {
			return nil, nil, fmt.Errorf("page %s: %w", src.ID, err)
		}
		ok := true
		for v := range n {
			d, err := generate(src, clean, p, opts, v)
			if err == errNoBody {
				ok = false
				break
			}
			if err != nil {
				return nil, nil, fmt.Errorf("page %s: %w", src.ID, err)
			}
			docs = append(docs, d)
		}
		if !ok {
			skipped = append(skipped, src.ID)
		}
	}
	return docs, skipped, nil
}

var errNoBody = fmt.Errorf("body paragraphs not found")

func roundTrip(page []byte) ([]byte, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	var b bytes.Buffer
	if err := html.Render(&b, doc); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	return b.Bytes(), nil
}

// rngFor gives each (seed, page, variant) its own stream, so that a page's
// noise does not depend on which other pages are in the corpus.
func rngFor(half half.Half, seed uint64, id string, variant int) *rand.Rand {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%d/%d", id, variant, half)
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// injector holds the state of one page's injection.
type injector struct {
	r         *rand.Rand
	p         *pools // the half's vocabulary and markup
	doc       *html.Node
	container *html.Node   // the element holding the body paragraphs
	paras     []*html.Node // body paragraphs that are children of container, in order
	page      string       // the source HTML, to keep glyphs foreign to it
	items     Items
}

func generate(src Source, clean []byte, p *pools, opts Options, variant int) (Doc, error) {
	doc, err := html.Parse(bytes.NewReader(src.HTML))
	if err != nil {
		return Doc{}, fmt.Errorf("parse: %w", err)
	}
	container, paras := FindBody(doc, src.Body)
	if len(paras) < 2 {
		return Doc{}, errNoBody
	}
	in := &injector{
		r: rngFor(opts.Half, opts.Seed, src.ID, variant), p: p, doc: doc, container: container, paras: paras,
		page: string(src.HTML), items: Items{Kinds: map[string]int{}},
	}
	in.inject()
	var b bytes.Buffer
	if err := html.Render(&b, doc); err != nil {
		return Doc{}, fmt.Errorf("render: %w", err)
	}
	return Doc{
		ID: fmt.Sprintf("%s-%d", src.ID, variant), Source: src.ID, URL: src.URL,
		Clean: clean, Noisy: b.Bytes(), Body: src.Body, Items: in.items,
	}, nil
}

// FindBody returns the element that holds most body paragraphs and those of
// its children that are body paragraphs. A body paragraph is a <p> (or a
// leaf block) of at least 6 tokens whose 4-token shingles are nearly all in
// the body.
func FindBody(doc *html.Node, body string) (*html.Node, []*html.Node) {
	toks := score.Tokens(body)
	set := make(map[string]bool, len(toks))
	for i := 0; i+4 <= len(toks); i++ {
		set[strings.Join(toks[i:i+4], " ")] = true
	}
	isBody := func(n *html.Node) bool {
		t := score.Tokens(domtext.AllText(n))
		if len(t) < 6 {
			return false
		}
		hit := 0
		for i := 0; i+4 <= len(t); i++ {
			if set[strings.Join(t[i:i+4], " ")] {
				hit++
			}
		}
		return float64(hit) >= 0.9*float64(len(t)-3)
	}
	var found []*html.Node
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.P, atom.Blockquote, atom.Li:
		case atom.Div:
			if hasBlockChild(n) {
				continue
			}
		default:
			continue
		}
		if isBody(n) {
			found = append(found, n)
		}
	}
	counts := map[*html.Node]int{}
	var best *html.Node
	for _, n := range found {
		if n.Parent == nil {
			continue
		}
		counts[n.Parent]++
		if best == nil || counts[n.Parent] > counts[best] {
			best = n.Parent
		}
	}
	var paras []*html.Node
	for _, n := range found {
		if n.Parent == best && n.DataAtom != atom.Li {
			paras = append(paras, n)
		}
	}
	return best, paras
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Table, atom.Section, atom.Article, atom.Blockquote, atom.H1, atom.H2, atom.H3, atom.H4:
			return true
		}
	}
	return false
}
