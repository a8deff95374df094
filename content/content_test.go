package content

import (
	"slices"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/pagetype"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func parse(t *testing.T, body string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><body>" + body + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// topElement returns the first element of body, parsed as a page's body.
func topElement(t *testing.T, body string) *html.Node {
	t.Helper()
	for d := range parse(t, body).Descendants() {
		if d.Type == html.ElementNode && d.Parent != nil && d.Parent.Data == "body" {
			return d
		}
	}
	t.Fatalf("%s: no element", body)
	return nil
}

func text(bs []block.Block) string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Text)
	}
	return strings.Join(out, "|")
}

func TestFurniture(t *testing.T) {
	tests := []struct {
		html    string
		article bool // furniture on an article
		forum   bool // furniture on a forum
	}{
		{`<nav>Menu</nav>`, true, true},
		{`<header>Site</header>`, true, true},
		{`<article><header>Story title</header></article>`, false, false},
		{`<div role="navigation">x</div>`, true, true},
		{`<div class="cookie-banner">We use cookies</div>`, true, true},
		{`<div id="onetrust-consent-sdk">x</div>`, true, true},
		{`<div style="display:none">x</div>`, true, true},
		{`<div popover id="install">Tap Add to Home Screen</div>`, true, true},
		{`<div aria-hidden="true">x</div>`, false, false}, // hidden from screen readers, shown on screen
		{`<section id="comments">x</section>`, true, false},
		{`<div class="comment-body">x</div>`, false, false},
		{`<div class="content">x</div>`, false, false},
		{`<div class="z-50 fixed inset-0 overflow-y-auto"><p>Sign up and we will tell you when it is back.</p></div>`, true, true},
		{`<div class="fixed top-0 w-full">x</div>`, false, false},
		{`<div class="absolute inset-0">x</div>`, false, false},
		{`<span class="sr-only">Price $79.00</span>`, true, true},
		{`<h2 class="Heading visually-hidden">Products</h2>`, true, true},
		{`<span class="sr-only-focusable">Skip</span>`, false, false},
		{`<div class="message-signature">2019 Tacoma, 33s</div>`, false, true},
		{`<div class="post-signature owner">asked Feb 11</div>`, false, true},
		// A theme's wrapper named for a signature holds the thread, not a signature.
		{`<div class="signature-theme">` + strings.Repeat("<p>The pump failed after a week and the seller replaced it without a question.</p>", 30) + `</div>`, false, false},
	}
	for _, tt := range tests {
		n := topElement(t, tt.html)
		// The furniture of a story header is judged where it stands.
		if n.Data == "article" {
			n = n.FirstChild
		}
		if got := ForType(pagetype.Article).Is(n); got != tt.article {
			t.Errorf("article: Is(%s) = %v, want %v", tt.html, got, tt.article)
		}
		if got := ForType(pagetype.Forum).Is(n); got != tt.forum {
			t.Errorf("forum: Is(%s) = %v, want %v", tt.html, got, tt.forum)
		}
	}
}

// TestFurnitureBody: the classes of <body> and <html> name the page and
// its state; a product page whose body class says "reviews" or a page whose
// body says "cookies-not-set" is not furniture from top to bottom.
func TestFurnitureBody(t *testing.T) {
	for _, src := range []string{
		`<html class="has-comments"><body class="single-product single-product-reviews-01 cookies-not-set"><main><p>The dress, in hemp.</p></main></body></html>`,
		`<html id="consent-given"><body id="comments-page"><main><p>The dress, in hemp.</p></main></body></html>`,
	} {
		doc, err := html.Parse(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		for _, typ := range []string{pagetype.Product, pagetype.Article} {
			f := ForType(typ)
			for _, a := range []atom.Atom{atom.Html, atom.Body} {
				if n := domtext.First(doc, a); f.Is(n) {
					t.Errorf("%s: Is(<%s>) = true on %s", src, a, typ)
				}
			}
			if st := f.Measure(domtext.First(doc, atom.Body)); st.Text == 0 {
				t.Errorf("%s: body measured empty on %s", src, typ)
			}
		}
	}
}

func TestMeasure(t *testing.T) {
	doc := parse(t, `<nav><a href="/">Home</a></nav><p>`+strings.Repeat("word ", 20)+`<a href="/x">a link</a></p><p>short</p>`)
	s := ForType(pagetype.Article).Measure(doc)
	if s.Text != 99+len("short") || s.Link != len("a link") || s.Paras != 1 {
		t.Errorf("Measure = %+v, want text 104, link 6, 1 paragraph (nav left out)", s)
	}
}

func TestGather(t *testing.T) {
	post := func(s string) string {
		return `<article class="post"><p>` + strings.Repeat(s+" ", 40) + `</p></article>`
	}
	doc := parse(t, `<nav><a href="/">Home</a> <a href="/f">Forum</a></nav>`+
		`<main><div class="thread">`+post("first")+post("second")+post("third")+`</div><section id="comments">No</section></main>`+
		`<footer>Footer</footer>`)
	cands := Gather(doc, pagetype.Forum, true)
	var names []string
	for _, c := range cands {
		names = append(names, c.Name)
	}
	// <main> and the thread holding every post, then the prose wrapper is
	// the thread again (left out), then the body.
	if strings.Join(names, ",") != "main,article,body" {
		t.Fatalf("candidates = %v, want main, article (the thread), body", names)
	}
	if got := cands[1].Node.Attr[0].Val; got != "thread" {
		t.Errorf("article candidate = div.%s, want the div holding all three posts", got)
	}
	for _, c := range cands {
		if strings.Contains(text(c.Blocks), "Home") || strings.Contains(text(c.Blocks), "Footer") {
			t.Errorf("%s: blocks hold furniture: %s", c.Name, text(c.Blocks))
		}
	}
}

func cand(name string, textBytes, link int, blocks ...string) Candidate {
	c := Candidate{Name: name, Stats: Stats{Text: textBytes, Link: link}}
	for _, b := range blocks {
		c.Blocks = append(c.Blocks, block.Block{Text: b})
	}
	return c
}

func TestChoose(t *testing.T) {
	tests := []struct {
		name  string
		typ   string
		cands []Candidate
		want  string
	}{
		{"readability's article against a little more prose", pagetype.Article,
			[]Candidate{cand("readability", 1000, 0, "a"), cand("prose", 1300, 50, "a", "b")}, "readability"},
		{"a cookie banner against the real body", pagetype.Service,
			[]Candidate{cand("readability", 300, 10, "cookies"), cand("main", 4000, 200, "body")}, "main"},
		{"a link grid loses on an article", pagetype.Service,
			[]Candidate{cand("readability", 1000, 0, "a"), cand("prose", 1200, 3000, "a", "links")}, "readability"},
		{"on a listing, linked titles are content", pagetype.Listing,
			[]Candidate{cand("readability", 1000, 0, "a"), cand("main", 800, 1500, "a", "titles")}, "main"},
		{"an article keeps readability against comments around it (their authors and reply links)", pagetype.Article,
			[]Candidate{cand("readability", 2000, 0, "story"), cand("prose", 3500, 700, "story", "comment one", "comment two")}, "readability"},
		{"an article keeps readability against a link-free container holding a little more prose", pagetype.Article,
			[]Candidate{cand("readability", 2000, 0, "story"), cand("prose", 2800, 100, "story", "box")}, "readability"},
		{"a service page read as an article takes the link-free sections around readability's pick", pagetype.Article,
			[]Candidate{cand("readability", 2400, 0, "features"), cand("main", 3800, 150, "features", "pricing", "questions")}, "main"},
		{"an article takes the container when readability holds under half its prose", pagetype.Article,
			[]Candidate{cand("readability", 2000, 0, "part"), cand("main", 5000, 300, "part", "second part", "third part")}, "main"},
		{"an article takes the container when readability kept a sliver of it", pagetype.Article,
			[]Candidate{cand("readability", 500, 0, "part"), cand("main", 5000, 100, "part", "rest")}, "main"},
		{"a product keeps readability's description against the buy box and reviews around it", pagetype.Product,
			[]Candidate{cand("readability", 2000, 0, "description"), cand("main", 3500, 300, "description", "add to cart", "a review")}, "readability"},
		{"a product takes the container when readability kept one part of it", pagetype.Product,
			[]Candidate{cand("readability", 500, 0, "part"), cand("main", 5000, 100, "part", "specifications")}, "main"},
		{"a product takes its article out of the shop's boxes around it", pagetype.Product,
			[]Candidate{cand("readability", 3000, 0, "description", "specifications", "warranty"), cand("article", 2200, 20, "description", "specifications")}, "article"},
		{"a product keeps readability when its article is a sliver", pagetype.Product,
			[]Candidate{cand("readability", 3000, 0, "description", "specifications", "warranty"), cand("article", 900, 0, "specifications")}, "readability"},
		{"an article keeps readability against its <article> parts", pagetype.Article,
			[]Candidate{cand("readability", 3000, 0, "story", "box"), cand("article", 2200, 0, "story")}, "readability"},
		{"an article takes another pick when readability's is not inside it", pagetype.Article,
			[]Candidate{cand("readability", 1000, 0, "signatories"), cand("main", 3000, 100, "the letter")}, "main"},
		{"an article whose pick is mostly links (a list's first section) widens to the list", pagetype.Article,
			[]Candidate{cand("readability", 500, 900, "first section"), cand("main", 1300, 7300, "first section", "second section", "third section")}, "main"},
		{"a story's pick does not widen to the comments and related links around it", pagetype.Article,
			[]Candidate{cand("readability", 1600, 50, "story"), cand("prose", 2400, 7000, "story", "related", "comments")}, "readability"},
		{"a listing's pick of one linked group widens to all of them", pagetype.Listing,
			[]Candidate{cand("readability", 300, 900, "one group"), cand("main", 2000, 4000, "one group", "other groups")}, "main"},
		{"a product's pick never widens to the shop around it", pagetype.Product,
			[]Candidate{cand("readability", 300, 900, "description"), cand("main", 2000, 4500, "description", "shipping", "reviews")}, "readability"},
		{"a product whose pick is one cell of its specification table takes the table", pagetype.Product,
			[]Candidate{cand("readability", 1500, 0, "features"), cand("prose", 1500, 0, "features"), cand("table", 1800, 0, "brand", "model", "features", "colour")}, "table"},
		{"a product keeps readability when the table does not hold it", pagetype.Product,
			[]Candidate{cand("readability", 1500, 0, "description"), cand("table", 1800, 0, "brand", "model", "colour")}, "readability"},
		{"nothing scores: the body, never empty", pagetype.Article,
			[]Candidate{cand("main", 0, 0), cand("body", 0, 40, "a link")}, "body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cands[Choose(tt.cands, tt.typ)].Name; got != tt.want {
				t.Errorf("Choose = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestDropped(t *testing.T) {
	cands := []Candidate{cand("readability", 1, 0, "a", "b"), cand("main", 1, 0, "a", "b", "c"), cand("body", 1, 0, "menu", "a", "b", "c")}
	got := Dropped(cands, 0)
	if len(got) != 2 || got[0] != (Drop{From: "main", Text: "c"}) || got[1] != (Drop{From: "body", Text: "menu"}) {
		t.Errorf("Dropped = %+v, want c from main, menu from body", got)
	}
}

func TestChooseTightest(t *testing.T) {
	doc := parse(t, `<div id="wrap"><main><p>story</p></main><div>other</div></div>`)
	wrap, main := domtext.First(doc, atom.Div), domtext.First(doc, atom.Main)
	rd := cand("readability", 2000, 0, "story")
	m := cand("main", 2100, 0, "story")
	m.Node = main
	w := cand("prose", 9000, 100, "story", "other")
	w.Node = wrap
	// The wrapper scores best, but the story's share is judged against
	// the <main> around it, where readability's pick is nearly all.
	if got := []Candidate{rd, w, m}[Choose([]Candidate{rd, w, m}, pagetype.Article)].Name; got != "readability" {
		t.Errorf("Choose = %s, want readability", got)
	}
	m.Stats.Text = 6000
	if got := []Candidate{rd, w, m}[Choose([]Candidate{rd, w, m}, pagetype.Article)].Name; got != "main" {
		t.Errorf("Choose = %s, want main (the tightest holder, readability a third of it)", got)
	}
}

func TestChooseTrim(t *testing.T) {
	doc := parse(t, `<main><ul><li><a href="/a">menu</a></li></ul><div id="list"><p>items</p></div></main>`)
	main, list := domtext.First(doc, atom.Main), domtext.First(doc, atom.Div)
	m := cand("main", 1000, 3000, "menu", "items")
	m.Node = main
	p := cand("prose", 950, 200, "items")
	p.Node = list
	// On a listing the wrapper scores best by its links, but the element
	// inside it holds the same prose without the menu.
	if got := []Candidate{m, p}[Choose([]Candidate{m, p}, pagetype.Listing)].Name; got != "prose" {
		t.Errorf("Choose = %s, want prose", got)
	}
	p.Stats.Text = 500
	if got := []Candidate{m, p}[Choose([]Candidate{m, p}, pagetype.Listing)].Name; got != "main" {
		t.Errorf("Choose = %s, want main (prose holds half its text)", got)
	}
}

// A collapsed accordion or tab panel is content: a control on the page
// opens it. A hidden element no control opens, or one a menu button opens,
// stays furniture.
func TestGatherPanels(t *testing.T) {
	desc := strings.Repeat("The fire pit burns wood with little smoke and seats five to seven people. ", 6)
	doc := parse(t, `<main><h1>Fire pit</h1><p>Our most advanced fire pit, lit three times faster.</p>`+
		`<button aria-expanded="false" aria-controls="panel-1">Description</button>`+
		`<div style="display:none"><div id="panel-1" role="region">`+desc+`</div></div>`+
		`<div role="tabpanel" hidden>Height: 39 cm. Weight: 16 kg. Material: stainless steel.</div>`+
		`<button aria-haspopup="menu" aria-controls="m" aria-expanded="false">Shop</button><div id="m" hidden>Fire pits Grills Accessories</div>`+
		`<div hidden>Your cart is empty</div></main>`)
	cands := Gather(doc, pagetype.Product, true)
	got := text(cands[0].Blocks)
	for _, want := range []string{"seats five", "Material: stainless steel"} {
		if !strings.Contains(got, want) {
			t.Errorf("Gather: %q lacks %q", got, want)
		}
	}
	for _, bad := range []string{"Grills", "cart"} {
		if strings.Contains(got, bad) {
			t.Errorf("Gather: %q holds %q", got, bad)
		}
	}
}

func TestFurnitureQAComment(t *testing.T) {
	tests := []struct {
		html string
		want bool // the comment is furniture on a forum
	}{
		{`<div itemscope itemtype="https://schema.org/Answer"><div itemprop="text">Use Ctrl+E.</div><ul><li id="c" itemprop="comment" itemscope itemtype="https://schema.org/Comment">Thanks!</li></ul></div>`, true},
		{`<div itemscope itemtype="http://schema.org/Question"><h1>How?</h1><div><span id="c" itemprop="comment">Which version?</span></div></div>`, true},
		{`<div itemscope itemtype="https://schema.org/DiscussionForumPosting"><p>Opening post</p><div id="c" itemprop="comment" itemscope itemtype="https://schema.org/Comment">A reply</div></div>`, false},
		{`<div id="c" itemprop="comment">No item around it</div>`, false},
	}
	for _, tt := range tests {
		doc := parse(t, tt.html)
		var n *html.Node
		for d := range doc.Descendants() {
			if d.Type == html.ElementNode && domtext.Attr(d, "id") == "c" {
				n = d
			}
		}
		if got := ForType(pagetype.Forum).Is(n); got != tt.want {
			t.Errorf("forum: Is(%s) = %v, want %v", tt.html, got, tt.want)
		}
	}
}

func TestFurnitureScreenReaderCell(t *testing.T) {
	doc := parse(t, `<table><tr><td><svg></svg><span id="c" class="sr-only">Yes</span></td></tr></table>`)
	for d := range doc.Descendants() {
		if d.Type == html.ElementNode && domtext.Attr(d, "id") == "c" && ForType(pagetype.Service).Is(d) {
			t.Error("a screen reader's label in a table cell (an icon's meaning) is furniture")
		}
	}
}

func TestUtilityHidden(t *testing.T) {
	doc := parse(t, `<div id="a" class="info hide">data</div><div id="b" class="hidden">tab</div><div id="c" class="hideaway">x</div>`+
		`<div id="d" class="box xy-hidden">error</div><div id="e" class="overflow-hidden">text</div><div id="f" class="no-js-hidden">text</div>`+
		`<div id="g" class="carousel-slide-hidden">text</div>`)
	f := ForType(pagetype.Product)
	f.Panels = map[string]bool{"b": true}
	// A stylesheet's namespaced hiding class (a short prefix, then
	// "-hidden") hides; a longer name ending so hides only at some
	// breakpoint or state, or clips its overflow.
	for id, want := range map[string]bool{"a": true, "b": false, "c": false, "d": true, "e": false, "f": false, "g": false} {
		var n *html.Node
		for d := range doc.Descendants() {
			if domtext.Attr(d, "id") == id {
				n = d
			}
		}
		if got := f.Is(n); got != want {
			t.Errorf("%s: furniture %v, want %v", id, got, want)
		}
	}
	if ForType(pagetype.Article).Has(Utility) {
		t.Error("utility classes read as hidden on an article")
	}
	if !ForType(pagetype.Forum).Has(Utility) {
		t.Error("utility classes not read as hidden on a forum (a Q&A post's hidden markers)")
	}
}

func TestCarouselOtherClass(t *testing.T) {
	card := func(class, name string) string {
		return `<li class="` + class + `"><a href="/itm/` + name + `">` + name + ` in its box, as new</a><span>$48.00</span></li>`
	}
	doc := parse(t, `<main><p>The product's own description, long enough to read as prose on the page.</p><ul>`+
		card("", "one")+card("", "two")+card("", "three")+card("snap", "four")+card("", "five")+card("snap", "six")+`</ul></main>`)
	got := text(ForType(pagetype.Product).Candidate("main", domtext.First(doc, atom.Main)).Blocks)
	if strings.Contains(got, "in its box") || !strings.Contains(got, "description") {
		t.Errorf("carousel kept or description lost: %q", got)
	}
}

func TestCarouselHeading(t *testing.T) {
	cards := ""
	for _, name := range []string{"one", "two", "three"} {
		cards += `<li><a href="/itm/` + name + `">` + name + ` in its box, as new</a><span>$48.00</span></li>`
	}
	desc := `<p>The product's own description, long enough to read as prose on the page.</p>`
	tests := []struct {
		name, html string
		typ        string
		heading    bool // the heading stays
	}{
		{"before the cards", `<h2>More to see</h2><ul>` + cards + `</ul>`, pagetype.Product, false},
		{"before a wrapper", `<div><h3>More to see</h3></div><section><div><ul>` + cards + `</ul></div></section>`, pagetype.Product, false},
		{"the page's own", `<h1>More to see</h1><ul>` + cards + `</ul>`, pagetype.Product, true},
		{"text between", `<h2>More to see</h2><p>A line of the product's.</p><ul>` + cards + `</ul>`, pagetype.Product, true},
		{"in an article", `<h2>More to see</h2><ul>` + cards + `</ul>`, pagetype.Article, true},
	}
	for _, tt := range tests {
		doc := parse(t, `<main>`+desc+tt.html+desc+`</main>`)
		got := text(ForType(tt.typ).Candidate("main", domtext.First(doc, atom.Main)).Blocks)
		if strings.Contains(got, "More to see") != tt.heading || !strings.Contains(got, "description") {
			t.Errorf("%s: heading kept %v, want %v: %q", tt.name, !tt.heading, tt.heading, got)
		}
	}
}

func TestGrid(t *testing.T) {
	intro := cand("readability", 500, 100, "intro", "more intro")
	tests := []struct {
		name  string
		typ   string
		cands []Candidate
		want  int
	}{
		{"a listing's grid beside its introduction", pagetype.Listing,
			[]Candidate{intro, cand("main", 0, 700, "item one", "item two", "item three")}, 1},
		{"not on an article", pagetype.Article,
			[]Candidate{intro, cand("main", 0, 700, "item one", "item two", "item three")}, -1},
		{"a grid holding the introduction is a wrapper, not beside it", pagetype.Listing,
			[]Candidate{intro, cand("main", 500, 900, "intro", "more intro", "item one")}, -1},
		{"a prose candidate is not a grid", pagetype.Listing,
			[]Candidate{intro, cand("prose", 900, 100, "other text")}, -1},
		{"a small box of links is not the grid", pagetype.Listing,
			[]Candidate{intro, cand("main", 0, 200, "link")}, -1},
		{"a link-dense pick is not an introduction", pagetype.Listing,
			[]Candidate{cand("readability", 100, 500, "titles"), cand("main", 0, 700, "item one")}, -1},
	}
	for _, tt := range tests {
		if got := Grid(tt.cands, 0, tt.typ); got != tt.want {
			t.Errorf("%s: Grid = %d, want %d", tt.name, got, tt.want)
		}
	}
	got := Join(tests[0].cands[0], cand("main", 0, 700, "more intro", "item one"))
	var texts []string
	for _, b := range got {
		texts = append(texts, b.Text)
	}
	if want := []string{"intro", "more intro", "item one"}; !slices.Equal(texts, want) {
		t.Errorf("Join = %q, want %q", texts, want)
	}
}

func TestHeadlines(t *testing.T) {
	inner := cand("prose", 1000, 0, "the introduction of the page")
	items := cand("main", 300, 300, "the introduction of the page", "first story of the day", "second story of the day",
		"third story of the day", "fourth story of the day", "fifth story of the day")
	if !headlines(items, inner) {
		t.Error("a wrapper leaving out five headlines: want its items left out")
	}
	menus := cand("main", 1000, 3000, "the introduction of the page", "Language: Any",
		"Abkhazian Afar Afrikaans Akan Albanian Amharic Arabic Aragonese Armenian Assamese Avaric Avestan Aymara Azerbaijani Bashkir Bambara Basque Belarusian Bengali Bislama Bosnian Breton Bulgarian Burmese Catalan",
		"Date range: Today", "Today This week This month")
	if headlines(menus, inner) {
		t.Error("a wrapper leaving out filters: want no items left out")
	}
}

func TestFurnished(t *testing.T) {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	whole := func(textBytes, link int) Candidate {
		c := cand("prose", textBytes, link)
		c.Node = body
		return c
	}
	tests := []struct {
		name  string
		cands []Candidate
		want  bool
	}{
		{"a shell: the body shows only its footer, readability picked the footer's links",
			[]Candidate{cand("readability", 70, 250, "Help Center, Disputes"), whole(0, 0)}, true},
		{"a story in a box the furniture test reads as one: readability's prose stays",
			[]Candidate{cand("readability", 14000, 100, "story"), whole(0, 0)}, false},
		{"the body shows text: the links are the page's",
			[]Candidate{cand("readability", 70, 250, "links"), whole(300, 900)}, false},
		{"no readability pick", []Candidate{whole(0, 0)}, false},
	}
	for _, tt := range tests {
		if got := Furnished(tt.cands, body); got != tt.want {
			t.Errorf("%s: Furnished = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFurnitureLegal(t *testing.T) {
	tests := []struct {
		html string
		want bool // furniture on a product page
	}{
		{`<div id="game_area_legal"><p>Software licence terms at the publisher's site.</p></div>`, true},
		{`<div class="common-bottom-disclaimer js-bg-img">Battery life measured in the lab.</div>`, true},
		{`<p class="legal-text">We cannot guarantee the accuracy of the images.</p>`, true},
		{`<div class="ux-labels-values--legalshipping">Ships to the United States</div>`, false},
		{`<div class="legally-blonde-description">A comedy in three acts.</div>`, false},
	}
	for _, tt := range tests {
		el := topElement(t, tt.html)
		if got := ForType(pagetype.Product).Is(el); got != tt.want {
			t.Errorf("product: Is(%s) = %v, want %v", tt.html, got, tt.want)
		}
		if ForType(pagetype.Article).Is(el) {
			t.Errorf("article: Is(%s) = true, want false (legal notices are furniture on product pages only)", tt.html)
		}
	}
}

// TestFurnitureReviews: on a product page the customers' reviews are
// furniture; reviews a class or id says editors, critics or the press
// wrote (a book's blurbs, a game's press quotes), or names part of the
// description, present the product.
func TestFurnitureReviews(t *testing.T) {
	tests := []struct {
		html string
		want bool // furniture on a product page
	}{
		{`<div id="reviews"><p>Five stars, would buy again.</p></div>`, true},
		{`<div class="product-reviews"><p>Five stars, would buy again.</p></div>`, true},
		{`<div id="customerReviews"><p>Five stars, would buy again.</p></div>`, true},
		{`<ul class="review-list"><li>Five stars, would buy again.</li></ul>`, true},
		{`<div id="editorialReviewsPanel"><h2>From the publisher</h2><p>A book to change how you work.</p></div>`, false},
		{`<section class="critic-reviews"><blockquote>A masterpiece.</blockquote></section>`, false},
		{`<div class="press_reviews"><blockquote>The best of the year.</blockquote></div>`, false},
		{`<div class="review-stars">4.5</div>`, false},
		{`<div id="press_reviews_box" class="game-description"><blockquote>A modern classic.</blockquote></div>`, false},
		{`<div id="all-reviews" class="area-description"><p>Five stars, would buy again.</p></div>`, false},
		{`<div id="all-reviews" class="area"><p>Five stars, would buy again.</p></div>`, true},
	}
	for _, tt := range tests {
		el := topElement(t, tt.html)
		if got := ForType(pagetype.Product).Is(el); got != tt.want {
			t.Errorf("product: Is(%s) = %v, want %v", tt.html, got, tt.want)
		}
	}
}

// TestGatherCellTable: on a product page whose prose ends in one cell of a
// table (a specification table whose features value is a paragraph), the
// table is a candidate; on other pages, and when the prose is no cell, it
// is not.
func TestGatherCellTable(t *testing.T) {
	features := strings.Repeat("Ten lighting zones, each one addressable, behind a panoramic light bar. ", 30)
	table := `<main><h1>Memory kit</h1><div class="specs"><table><tr><th>Brand</th><td>Acme</td></tr><tr><th>Speed</th><td>6400</td></tr>` +
		`<tr><th>Features</th><td>` + features + `</td></tr><tr><th>Colour</th><td>Black</td></tr></table></div></main>`
	names := func(typ, body string) string {
		var out []string
		for _, c := range Gather(parse(t, body), typ, true) {
			out = append(out, c.Name)
			if c.Name == "table" && c.Node.DataAtom != atom.Table {
				t.Errorf("table candidate is <%s>, want <table>", c.Node.Data)
			}
		}
		return strings.Join(out, ",")
	}
	if got := names(pagetype.Product, table); !strings.Contains(got, "table") {
		t.Errorf("product: candidates %s, want a table", got)
	}
	if got := names(pagetype.Article, table); strings.Contains(got, "table") {
		t.Errorf("article: candidates %s, want no table", got)
	}
	if got := names(pagetype.Product, `<main><h1>Memory kit</h1><p>`+features+`</p></main>`); strings.Contains(got, "table") {
		t.Errorf("product without a table: candidates %s, want no table", got)
	}
}

// TestFurnitureLanguageSwitcher: a link to the page in another language,
// standing alone in its list item, is a language switcher's entry; a link
// in a sentence, or one marked with the page's own language, is not.
func TestFurnitureLanguageSwitcher(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<html lang="en-GB"><body><main>
<ul><li><a id="fr" href="/fr/" hreflang="fr">Français</a></li><li> <a id="pt" href="/pt/" hreflang="pt-BR"><span>Português</span></a> </li></ul>
<ul><li><a id="same" href="/news/1" hreflang="en">Council votes on the flood plan</a></li></ul>
<p>The report is also <a id="inline" href="/de/" hreflang="de">in German</a> for readers abroad.</p>
<div lang="de"><p><a id="own" href="/de/x" hreflang="de">Bericht</a></p></div>
</main></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"fr": true, "pt": true, "same": false, "inline": false, "own": false}
	for _, typ := range []string{pagetype.Article, pagetype.Listing} {
		f := ForType(typ)
		for n := range doc.Descendants() {
			id := domtext.Attr(n, "id")
			if n.DataAtom != atom.A || id == "" {
				continue
			}
			if got := f.Is(n); got != want[id] {
				t.Errorf("%s: Is(<a id=%s>) = %v, want %v", typ, id, got, want[id])
			}
		}
	}
	if st := ForType(pagetype.Listing).Measure(doc); st.Link != len("Council votes on the flood plan")+len("in German")+len("Bericht") {
		t.Errorf("Measure = %+v: the switcher's links counted", st)
	}
}
