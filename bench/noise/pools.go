package noise

import (
	"fmt"
	"hash/fnv"
	"sync"

	"golang.org/x/net/html"
)

// Half names one of the two disjoint halves of every pool the generator
// draws from: spam brands, phrases, hosts and TLDs, markup templates,
// hiding techniques, sidebar headings and class names, widget texts,
// headlines, glyph ranges and base pages.
//
// Rules and heuristics are tuned on Tuning. HeldOut draws only from the
// other half of each pool, and adds languages and hiding techniques that
// Tuning never shows, so that its figures measure generalisation, not memory
// of the generator's word lists. Never look at what is left on HeldOut while
// tuning.
type Half int

const (
	Tuning Half = iota
	HeldOut
)

// Halves lists both halves, tuning first.
var Halves = []Half{Tuning, HeldOut}

func (h Half) String() string {
	if h == HeldOut {
		return "held-out"
	}
	return "tuning"
}

// ParseHalf reads "tuning" or "held-out".
func ParseHalf(s string) (Half, error) {
	switch s {
	case "tuning":
		return Tuning, nil
	case "held-out":
		return HeldOut, nil
	}
	return 0, fmt.Errorf("unknown half %q (want tuning or held-out)", s)
}

// HalfOf assigns a base page to a half by a hash of its id, so that about
// half the benchmark pages build the tuning corpus and the others the
// held-out one.
func HalfOf(id string) Half {
	h := fnv.New32a()
	h.Write([]byte(id))
	return Half(h.Sum32() % 2)
}

// pools holds one half of every vocabulary and markup pool, grouped by the
// noise kinds that draw from them. Its words come from the half's file in
// vocab/ (readVocab), its markup from tuningMarkup or heldOutMarkup.
type pools struct {
	spam    spamPools
	sidebar sidebarPools
	widget  widgetPools
	article articlePools
	glyphs  glyphPools
}

// spamPools are what gambling spam is made of: brands, hosts, phrases and
// the markup that shows, hides or farms them.
type spamPools struct {
	// Spam brands are stem + digits + ending, in random shapes.
	brandStems, brandDigits, brandEnds []string
	// randomDigits is the range of the random digit part of brands.
	randomDigits [2]int
	tlds         []string
	// hostShapes turn a brand's host label and a TLD into a link URL.
	hostShapes []func(label, tld string, n int) string
	// spamPhrases holds gambling sentences per language; %s is the brand.
	spamPhrases map[string][]string
	spamClasses []string
	// spamLine wraps a visible spam text (and its link) for spam-line.
	spamLine []func(in *injector, text, href string) *html.Node
	// anchorGlue places a spam link in a real paragraph.
	anchorGlue []func(in *injector, p, link *html.Node)
	// hide lists the hiding techniques of hidden-spam.
	hide []hideTechnique
	// farm lists link-farm shapes; farmSeps their separators.
	farm     []func(in *injector, brands []string, sep string) []*html.Node
	farmSeps []string
}

// sidebarPools are what related-headline boxes, inline related links and
// section labels are made of.
type sidebarPools struct {
	sidebarHeadings, sideClasses, misleadClasses, sectionLabels []string
	headingMarkup                                               []func(in *injector, h string) *html.Node
	sidebarShapes                                               []sidebarShape
	inlineRelated                                               []func(in *injector, h string, link *html.Node) *html.Node
	headlines                                                   headlinePool
	teasers, days, dates                                        []string
}

// widgetPools are the boilerplate boxes of kind widget.
type widgetPools struct {
	// widgets are the boxes per language.
	widgets     map[string][]widget
	widgetLangs []string
}

// articlePools are what is injected inside the article's own text: photo
// captions, leaked file names and the classes of a repeated lead.
type articlePools struct {
	captionWho, captionWhat, captionCred, captionPlaces []string
	fileStems, fileExts                                 []string
	leadClasses                                         []string
}

// glyphPools are the decorative glyphs.
type glyphPools struct {
	glyphBlocks []glyphBlock
	// trailingGlyphs also glues glyphs to the end of paragraphs.
	trailingGlyphs bool
}

// poolsByHalf reads both halves once: the words from vocab/*.yaml, the
// markup from markup_*.go.
var poolsByHalf = sync.OnceValues(func() ([2]*pools, error) {
	var out [2]*pools
	for h, markup := range [2]func(*pools){tuningMarkup, heldOutMarkup} {
		p := &pools{}
		if err := readVocab(Half(h), p); err != nil {
			return out, err
		}
		markup(p)
		out[h] = p
	}
	return out, nil
})

// poolsFor returns the pools of half h.
func poolsFor(h Half) (*pools, error) {
	ps, err := poolsByHalf()
	return ps[h], err
}

// hideTechnique hides a box: it sets the box's attributes and may add a
// style sheet to the page.
type hideTechnique struct {
	name  string
	apply func(in *injector, box *html.Node)
}

// sidebarShape builds the items of a related-headlines box.
type sidebarShape struct {
	name  string
	build func(in *injector, items []sideItem, where string) []*html.Node
}

// sideItem is one headline of a sidebar: its text, as shown (with glyphs),
// and its link.
type sideItem struct {
	hl, shown string
	href      []attr
}

// headlinePool makes invented headlines: composed from word lists in some
// languages, whole in others.
type headlinePool struct {
	langs    []string
	subjects map[string][]string
	verbs    map[string][]string
	objects  map[string][]string
	places   map[string][]string
	whole    map[string][]string
}

// widget is a boilerplate box (newsletter, cookie notice, share bar, author
// bio, comment widget): its texts, each recorded as an item, in the markup
// build gives them.
type widget struct {
	name    string
	texts   []string
	markup  string   // a key of widgetMarkups
	classes []string // the box's class, one picked at random
}
