package noise

import (
	"maps"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/noise/vocab"

	"golang.org/x/net/html"
)

// pools holds one half of every pool the generator draws from: its word
// lists (package vocab, read from the half's file) and its markup
// (tuningMarkup or heldOutMarkup).
type pools struct {
	words *vocab.Words
	// hostShapes turn a brand's host label and a TLD into a link URL.
	hostShapes []func(label, tld string, n int) string
	// spamLine wraps a visible spam text (and its link) for spam-line.
	spamLine []func(in *injector, text, href string) *html.Node
	// anchorGlue places a spam link in a real paragraph.
	anchorGlue []func(in *injector, p, link *html.Node)
	// hide lists the hiding techniques of hidden-spam.
	hide []hideTechnique
	// farm lists link-farm shapes (words.Spam.FarmSeparators between links).
	farm []func(in *injector, brands []string, sep string) []*html.Node
	// headingMarkup, sidebarShapes and inlineRelated lay out the headings
	// and items of related-headline boxes and inline related links.
	headingMarkup []func(in *injector, h string) *html.Node
	sidebarShapes []sidebarShape
	inlineRelated []func(in *injector, h string, link *html.Node) *html.Node
	// brandShapes spell a brand code other than brand's own shapes, and
	// sentenceSites glue a spam sentence somewhere other than a body
	// paragraph (returning where, or "" when the page has no such place).
	// Either may be empty: an empty pool draws no random number.
	brandShapes   []func(r *rand.Rand, stem, digits, end string) string
	sentenceSites []func(in *injector, text string) string
}

// poolsByHalf reads both halves once.
var poolsByHalf = sync.OnceValues(func() ([2]*pools, error) {
	var out [2]*pools
	markups := slices.Sorted(maps.Keys(widgetMarkups))
	for h, markup := range [2]func(*pools){tuningMarkup, heldOutMarkup} {
		words, err := vocab.Read(half.Half(h).String(), markups)
		if err != nil {
			return out, err
		}
		p := &pools{words: words}
		markup(p)
		out[h] = p
	}
	return out, nil
})

// poolsFor returns the pools of half h.
func poolsFor(h half.Half) (*pools, error) {
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
