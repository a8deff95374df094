package metadata

import (
	"slices"
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/litscan"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/metadata/byline"
	"github.com/winnowhq/winnow/metadata/dateparse"
	"github.com/winnowhq/winnow/metadata/jsonld"
	"github.com/winnowhq/winnow/metadata/markup"
	"github.com/winnowhq/winnow/metadata/thread"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// sources is the evidence one walk over the page gathers, by origin; the
// fields are then decided from it.
type sources struct {
	head headTags
	ld   jsonld.Work
	// people and dates are what the visible page says of its authors and
	// dates, outside navigation, sidebars and comments.
	people pageNames
	dates  pageDates
	h1     []string
	// h1Outside are the <h1> in parts that look like navigation or
	// sidebars by their class: the headline when there is no other.
	h1Outside []string
	// relTags and relCategories are the texts of rel=tag and rel=category links.
	relTags, relCategories []string
	// afterH1 counts the texts since the last <h1> outside navigation;
	// -1 before the first.
	afterH1 int
	// thread says a microdata item is a forum posting: the page is a
	// thread whatever its detected type.
	thread bool
	// posters are the names that links to members' profiles show, up to
	// a few: several posters make a page a thread.
	posters []string
	// posterAt is the place of the first poster's link; -1 before it.
	posterAt int
	// texts counts the texts read so far, in page order: a text's place.
	texts int
	// h1At is the place of the first <h1> outside navigation; -1 before it.
	h1At int
	// before are the last short texts read before that <h1>, a ring: the
	// kicker and date line above a headline.
	before [bylineBefore]placed
}

// placed is a text and its place among the page's texts (sources.texts).
type placed struct {
	text string
	at   int
	// anywhere says the text counts wherever it stands: a label vouches
	// for it.
	anywhere bool
}

// headTags are what the page's <head> declares.
type headTags struct {
	meta     map[string]string   // first content per lower-case name, property, itemprop or http-equiv
	metaAll  map[string][]string // every content, for the keys that repeat (article:tag)
	title    string              // <title>
	htmlLang string
	// canonical is the href of <link rel=canonical>.
	canonical string
}

// pageNames are the names the visible page gives as its authors.
type pageNames struct {
	// relAuthors are the texts of rel=author links and itemprop=author elements.
	relAuthors []string
	// authorLinks are the texts of links to an author page (/author/name/).
	authorLinks []string
	// bylines are short texts of elements whose class or id says byline or
	// author.
	bylines []placed
	// keyBylines are short texts that a visible "By" introduces.
	keyBylines []placed
}

// pageDates are the dates the visible page shows.
type pageDates struct {
	// times are the datetime attributes of <time> elements; pubTimes those
	// marked as the publication time (itemprop, class, pubdate).
	times, pubTimes, modTimes []string
	// dateTexts are short texts of elements whose class or id says date.
	dateTexts []string
	// keyDates are the dates a visible label introduces ("Updated on July
	// 9, 2025"), by the kind of date, in page order.
	keyDates [2][]string
	// headDates are dates written alone in a short text among the texts
	// just before and after the headline (<h1>): the date line of an
	// article's header, whatever its markup.
	headDates []string
	// placedTimes are the times, with their places among the texts.
	placedTimes []placed
}

// headWindow is how many texts after the headline may hold its date line
// (a kicker, the author, a reading time and the date).
const headWindow = 8

// repeated are the meta keys whose every value is kept.
var repeated = map[string]bool{"article:tag": true, "article:section": true, "article:author": true, "author": true}

func collect(doc *html.Node) *sources {
	s := &sources{head: headTags{meta: map[string]string{}, metaAll: map[string][]string{}}, afterH1: -1, h1At: -1, posterAt: -1}
	var walk func(n *html.Node, outside bool)
	walk = func(n *html.Node, outside bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				// Trimmed once; the white space between tags is no text.
				text := strings.TrimSpace(c.Data)
				if text == "" {
					if !textnorm.Blank(c.Data) {
						s.texts++ // only other white space (a no-break space): a text still
					}
					continue
				}
				if !outside {
					s.label(c, text)
					s.headDate(text)
					s.remember(text)
				}
				s.texts++
				continue
			}
			if c.Type != html.ElementNode {
				continue
			}
			var mk markup.Marks
			if !outside { // inside a part outside, its class says nothing more
				mk = markup.Of(c)
			}
			out := outside || markup.Outside(c, mk)
			if s.element(c, out, mk) {
				walk(c, out)
			}
		}
	}
	walk(doc, false)
	return s
}

// label reads a text (t's, trimmed) that may introduce a date ("Updated
// on") or an author ("By"): the date or name is in the rest of the text of
// its element, or of the element around it when the label stands alone.
func (s *sources) label(t *html.Node, text string) {
	if len(text) > 160 || t.Parent == nil {
		return
	}
	by, bare := byline.Label(text)
	kind, isDate := byline.DateLabel(text)
	if by != "" {
		isDate = false // "Written by", "Posted by": a name follows, not a date
	} else if isDate {
		bare = true
	} else {
		return
	}
	scope := t.Parent
	full := markup.Text(scope)
	if bare && len(full) <= len(text)+1 && scope.Parent != nil {
		scope = scope.Parent // the label alone in its element: the value is beside it
		full = markup.Text(scope)
	}
	if len(full) > 200 {
		return
	}
	if isDate {
		if d := dateparse.Text(full); d != "" {
			s.dates.keyDates[kind] = append(s.dates.keyDates[kind], d)
		} else if d := onlyDate(timesIn(scope), dateparse.ISO); d != "" {
			s.dates.keyDates[kind] = append(s.dates.keyDates[kind], d)
		}
		return
	}
	// The name follows the label: what comes before it in the same line
	// is a kicker or a section ("Guides · 10 min read · By ...").
	if i := strings.Index(full, text); i > 0 {
		full = full[i:]
	}
	// A label of two words ("Written by") says whose the page is wherever
	// it stands: the author box at the foot of an article.
	s.people.keyBylines = append(s.people.keyBylines, placed{full, s.texts, strings.Contains(by, " ")})
}

// headDate reads a text among the first after the headline: a text that
// is a date and little else ("December 15, 2025", "Dec 12, 2025 ·") is the
// date line of the article's header.
func (s *sources) headDate(text string) {
	if s.afterH1 < 0 || s.afterH1 >= headWindow {
		return
	}
	s.afterH1++
	if len(text) > 40 {
		return
	}
	if d := dateparse.Text(text); d != "" {
		s.dates.headDates = append(s.dates.headDates, d)
	}
}

// remember keeps a short text read before the first headline, with its
// place, in the ring of the last few.
func (s *sources) remember(text string) {
	if s.h1At >= 0 {
		return
	}
	if len(text) <= 40 {
		s.before[s.texts%len(s.before)] = placed{text, s.texts, false}
	}
}

// datesAbove reads the short texts just above the first headline: one
// that is a date and little else ("February 4, 2025 - 11 minutes") is the
// date line of the article's header, written above its title.
func (s *sources) datesAbove() {
	for _, b := range s.before {
		if b.text == "" || b.at < s.h1At-bylineBefore {
			continue
		}
		if d := dateparse.Text(b.text); d != "" {
			s.dates.headDates = append(s.dates.headDates, d)
		}
	}
}

// timesIn are the datetime attributes of the <time> elements under n.
func timesIn(n *html.Node) []string {
	var out []string
	for c := range n.Descendants() {
		if c.DataAtom == atom.Time {
			out = append(out, domtext.Attr(c, "datetime"))
		}
	}
	return out
}

// element reads one element; it reports whether to walk its children.
func (s *sources) element(n *html.Node, outside bool, mk markup.Marks) bool {
	switch n.DataAtom {
	case atom.Html:
		s.head.htmlLang = domtext.Attr(n, "lang")
		if s.head.htmlLang == "" {
			s.head.htmlLang = domtext.Attr(n, "xml:lang")
		}
	case atom.Title:
		if s.head.title == "" && n.Parent != nil && n.Parent.DataAtom == atom.Head {
			s.head.title = markup.Text(n)
		}
		return false
	case atom.Meta:
		if !domtext.HasAttr(n, "itemprop") || !markup.ItemOf(n, "review") { // a review's date is its customer's
			s.metaElement(n)
		}
		return false
	case atom.Link:
		rel := strings.ToLower(domtext.Attr(n, "rel"))
		if s.head.canonical == "" && markup.HasWord(rel, "canonical") {
			s.head.canonical = domtext.Attr(n, "href")
		}
		return false
	case atom.Script:
		if raw := domtext.JSONLD(n); raw != "" {
			s.ld.Add(raw)
		}
		return false
	case atom.Style, atom.Noscript, atom.Template, atom.Svg:
		return false
	case atom.H1:
		s.h1Element(n, outside)
		return false
	case atom.Time:
		if !outside {
			s.timeElement(n)
		}
		return false
	}
	if n.DataAtom == atom.A {
		s.link(n, outside)
	}
	if !s.thread && domtext.HasAttr(n, "itemscope") && strings.Contains(strings.ToLower(domtext.Attr(n, "itemtype")), "discussionforumposting") {
		s.thread = true
	}
	if n.Data == "date" && n.DataAtom == 0 && !outside { // <date>, not an HTML element, used as <time>
		s.dates.times = append(s.dates.times, markup.Text(n))
		return false
	}
	if prop := strings.ToLower(domtext.Attr(n, "itemprop")); prop != "" && !outside && !s.itemprop(n, prop) {
		return false
	}
	if !outside && n.DataAtom != atom.Body && n.DataAtom != atom.Main && n.DataAtom != atom.Article {
		if mk&markup.BylineClass != 0 {
			if t := markup.Text(n); t != "" && len(t) <= 120 {
				s.people.bylines = append(s.people.bylines, placed{t, s.texts, false})
			}
		}
		if mk&markup.DateClass != 0 {
			if t := markup.Text(n); t != "" && len(t) <= 120 {
				s.dates.dateTexts = append(s.dates.dateTexts, t)
			}
		}
	}
	return true
}

// h1Element reads an <h1>: a headline, or, outside, a part's heading.
func (s *sources) h1Element(n *html.Node, outside bool) {
	t := markup.Text(n)
	if t == "" {
		return
	}
	if outside {
		s.h1Outside = append(s.h1Outside, t)
		return
	}
	s.h1 = append(s.h1, t)
	s.afterH1 = 0
	if s.h1At < 0 {
		s.h1At = s.texts
		s.datesAbove()
	}
	// A headline can hold its date (<h1><time>).
	for d := range n.Descendants() {
		if d.DataAtom == atom.Time {
			s.timeElement(d)
		}
	}
}

// itemprop reads a microdata property outside navigation, sidebars and
// comments; it reports whether to walk the element's children.
func (s *sources) itemprop(n *html.Node, prop string) bool {
	if markup.ItemOf(n, "review") {
		return true // a customer's review: its author and date are the customer's
	}
	switch {
	case markup.HasWord(prop, "author") || markup.HasWord(prop, "creator"):
		// In a thread, the first post's author is the page's; a
		// reply's is not.
		if len(s.people.relAuthors) == 0 || !markup.InThreadPost(n) {
			s.people.relAuthors = append(s.people.relAuthors, markup.ItemName(n))
		}
		return false
	case markup.HasWord(prop, "datepublished"), markup.HasWord(prop, "datecreated"):
		if c := domtext.Attr(n, "content"); c != "" {
			s.dates.pubTimes = append(s.dates.pubTimes, c)
		} else {
			s.dates.pubTimes = append(s.dates.pubTimes, markup.Text(n))
		}
	case markup.HasWord(prop, "datemodified"):
		if c := domtext.Attr(n, "content"); c != "" {
			s.dates.modTimes = append(s.dates.modTimes, c)
		}
	}
	return true
}

// link reads an <a>: a tag, a category or an author by its rel, or a link
// to an author's page.
func (s *sources) link(n *html.Node, outside bool) {
	rel := strings.ToLower(domtext.Attr(n, "rel"))
	switch {
	case markup.HasWord(rel, "tag"):
		s.relTags = append(s.relTags, markup.Text(n))
		return
	case markup.HasWord(rel, "category"):
		s.relCategories = append(s.relCategories, markup.Text(n))
		return
	case markup.HasWord(rel, "author") && !outside:
		s.people.relAuthors = append(s.people.relAuthors, markup.Text(n))
		return
	}
	href := domtext.Attr(n, "href")
	if !hrefHints.In(href) {
		return // most links go to no author's or member's page
	}
	switch {
	case !outside && authorPath(href):
		s.people.authorLinks = append(s.people.authorLinks, markup.Text(n))
	case len(s.posters) < threadPosters && mayProfile(href) && thread.ProfileLink(href):
		if name := handle(thread.FirstText(n)); name != "" && !slices.Contains(s.posters, name) {
			if len(s.posters) == 0 {
				s.posterAt = s.texts
			}
			s.posters = append(s.posters, name)
		}
	}
}

// authorHints are what the path of a link to an author's page holds (see
// authorPath), profileHints what a link to a member's profile may hold
// (see mayProfile); hrefHints finds any of them, upper case too, in one
// scan of a link.
var (
	authorHints  = []string{"/author", "/autor", "/contributor"}
	profileHints = []string{"u/", "user", "member", "profile", "u=", "uid="}
	hrefHints    = litscan.NewWords(append(append([]string{}, authorHints...), profileHints...))
)

// mayProfile is a quick test that lets only hrefs that may be profile
// links (see thread.ProfileLink) be parsed.
func mayProfile(href string) bool {
	for _, p := range profileHints {
		if strings.Contains(href, p) {
			return true
		}
	}
	return false
}

// handle returns s when it looks like a member's handle: a user name of
// one or two words ("Visit the website" on a profile-like link is none).
func handle(s string) string {
	if len(strings.Fields(s)) > 2 {
		return ""
	}
	return thread.UserName(s)
}

// threadPosters is how many different members' profile links make a page
// a discussion among them.
const threadPosters = 3

// timeElement reads a <time> outside navigation, sidebars and comments: its
// datetime (or text), and which date it is when its itemprop or class says.
func (s *sources) timeElement(n *html.Node) {
	dt := domtext.Attr(n, "datetime")
	if dt == "" {
		dt = markup.Text(n)
	}
	s.dates.times = append(s.dates.times, dt)
	s.dates.placedTimes = append(s.dates.placedTimes, placed{dt, s.texts, false})
	prop := strings.ToLower(domtext.Attr(n, "itemprop"))
	switch {
	case markup.HasWord(prop, "datepublished"), markup.HasWord(prop, "datecreated"), domtext.HasAttr(n, "pubdate"),
		markup.ClassSays(n, "publish", "posted", "created"):
		s.dates.pubTimes = append(s.dates.pubTimes, dt)
	case markup.HasWord(prop, "datemodified"), markup.ClassSays(n, "modified", "updated"):
		s.dates.modTimes = append(s.dates.modTimes, dt)
	}
}

func (s *sources) metaElement(n *html.Node) {
	content := strings.TrimSpace(domtext.Attr(n, "content"))
	if content == "" {
		return
	}
	for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
		key := strings.ToLower(strings.TrimSpace(domtext.Attr(n, k)))
		if key == "" {
			continue
		}
		if _, ok := s.head.meta[key]; !ok {
			s.head.meta[key] = content
		}
		if repeated[key] {
			s.head.metaAll[key] = append(s.head.metaAll[key], content)
		}
	}
}

// fold is the comparison form of a name or title.
func fold(s string) string { return textnorm.Key(s) }

// authorPath reports whether a link goes to an author's page: a path with
// a segment "author", "authors", "autor", "contributor"... followed by a name.
func authorPath(href string) bool {
	i := -1
	for _, h := range authorHints {
		if i = strings.Index(href, h); i >= 0 {
			break
		}
	}
	if i < 0 {
		return false
	}
	rest := href[i+1:]
	j := strings.IndexByte(rest, '/')
	if j < 0 {
		return false
	}
	switch rest[:j] {
	case "author", "authors", "autor", "autoren", "auteur", "autore", "contributor", "contributors":
		return len(strings.Trim(rest[j:], "/")) > 0
	}
	return false
}
