package heldoutb

import (
	"math/rand/v2"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnowhq/winnow/internal/domtext"
)

// Sample is one rendering of a markup template, for package noise's test
// that no template shape of held-out B is in either half (Pool names the
// pool: "spam line", "glued link", "link farm", "hiding", "heading",
// "inline related", "sidebar", "widget", "host").
type Sample struct {
	Pool string
	// Name is the technique or shape's name, for "hiding" and "sidebar".
	Name string
	// Node is the template's output on fixed input: for "hiding", the page
	// (<html>) holding the hidden box; for "host", a text node of the URL
	// for label "x" and TLD ".t".
	Node *html.Node
}

// Samples renders every markup template once with seed's random stream,
// on the inputs package noise's disjointness test gives its own: the text
// "text" and link https://example.com/ for spam lines, a link "b" glued to
// <p>Some text.</p>, the brands a1 b2 c3 d4 and separator " | " for link
// farms, an empty <div> for hiding, the heading "h" and a link for
// headings and inline related lines.
func Samples(seed uint64) ([]Sample, error) {
	w, err := words()
	if err != nil {
		return nil, err
	}
	page := func() (*html.Node, *html.Node) {
		doc, _ := html.Parse(strings.NewReader("<html><head></head><body><div><p>Some text.</p></div></body></html>"))
		return doc, domtext.First(doc, atom.Div)
	}
	doc, div := page()
	in := &injector{r: rand.New(rand.NewPCG(seed, 7)), w: w, doc: doc, container: div, paras: []*html.Node{div.FirstChild}}
	var out []Sample
	add := func(pool, name string, n *html.Node) { out = append(out, Sample{pool, name, n}) }
	for _, f := range spamLines {
		add("spam line", "", f(in, "text", "https://example.com/"))
	}
	for _, f := range anchorGlues {
		p := el("p", nil, txt("Some text."))
		f(in, p, el("a", []attr{at("href", "https://example.com/")}, txt("b")))
		add("glued link", "", p)
	}
	for _, f := range farms {
		add("link farm", "", el("div", nil, f(in, []string{"a1", "b2", "c3", "d4"}, " | ")...))
	}
	for _, h := range hides {
		doc, div := page()
		box := el("div", nil)
		div.Parent.AppendChild(box)
		h.apply(&injector{r: in.r, w: w, doc: doc, container: div}, box)
		add("hiding", h.name, doc)
	}
	for _, f := range headingMarkups {
		add("heading", "", f(in, "h"))
	}
	for _, f := range inlineRelated {
		add("inline related", "", f(in, "h", el("a", []attr{at("href", "/n/1.html")}, txt("hl"))))
	}
	items := []item{{"hl", "hl", "/n/1.html"}, {"hl", "hl", "/n/2.html"}, {"hl", "hl", "/n/3.html"}}
	for _, s := range sidebarShapes {
		add("sidebar", s.name, el("div", nil, s.build(in, items, "")...))
	}
	for _, name := range sortedKeys(widgetMarkups) {
		add("widget", name, widgetMarkups[name](in, "c", []string{"t1", "t2", "t3"}))
	}
	for _, p := range w.Spam.Hosts {
		add("host", "", txt(expand(in.r, p, w.Spam.HostSlots, map[string]string{"label": "x", "tld": ".t"})))
	}
	return out, nil
}
