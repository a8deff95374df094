package markup

import (
	"golang.org/x/net/html"

	"github.com/winnowhq/winnow/internal/litscan"
)

// Marks say which of the class word lists an element's class or id names
// (see ClassSays): outsideClasses, bylineWords, dateWords.
type Marks uint8

// The marks Of returns.
const (
	OutsideClass Marks = 1 << iota // a part outside the page's own content (Outside)
	BylineClass                    // a byline
	DateClass                      // a date line
)

// outsideClasses mark the parts of a page whose dates and names are not the
// page's own: comments, related articles, sidebars, customer reviews and
// testimonials.
// ("widget" is not one: page builders wrap the title, byline and date of
// every page in "elementor-widget" elements.)
var outsideClasses = []string{"comment", "related", "sidebar", "recommend", "footer", "nav", "menu", "share", "promo", "teaser", "testimonial", "review"}

// bylineWords and dateWords mark the elements whose text is read as a
// byline or as a date line.
var (
	bylineWords = []string{"byline", "author"}
	dateWords   = []string{"date", "publish", "posted", "byline", "time"}
)

// classLists is ClassSays for the fixed word lists, asked of every
// element: a class or id is scanned once for all the words of all the lists
// (a litscan automaton) instead of lower-cased and searched once per word.
type classLists struct {
	m   *litscan.Matcher
	all litscan.Hits
	ids [3][]int // the literal ids of each list, in the order of the marks
}

func newClassLists(lists ...[]string) *classLists {
	var b litscan.Builder
	cl := &classLists{}
	var all []int
	for i, l := range lists {
		cl.ids[i] = b.IDs(l)
		all = append(all, cl.ids[i]...)
	}
	cl.m = b.Build()
	cl.all = litscan.NewHits(b.Len(), all)
	return cl
}

var classes = newClassLists(outsideClasses, bylineWords, dateWords)

// Of returns the marks of n's class and id.
func Of(n *html.Node) Marks { return classes.of(n) }

// of returns the marks of n's class and id. Most class names hold none of
// the words: one scan that stops at the first says so; only a class that
// holds one is scanned again for which.
func (cl *classLists) of(n *html.Node) Marks {
	var mk Marks
	for _, a := range n.Attr {
		if a.Namespace != "" || a.Key != "class" && a.Key != "id" || a.Val == "" {
			continue
		}
		v := litscan.Fold(a.Val)
		if !cl.m.ScanAny(v, cl.all) {
			continue
		}
		h := cl.m.Scan(v)
		for i, ids := range cl.ids {
			if h.Any(ids) {
				mk |= 1 << i
			}
		}
	}
	return mk
}
