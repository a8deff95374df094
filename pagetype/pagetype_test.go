package pagetype

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnowhq/winnow/internal/domtext"
)

func TestDetect(t *testing.T) {
	para := "<p>" + strings.Repeat("The council met on Monday to discuss the flood plan for the coastal districts. ", 4) + "</p>"
	story := strings.Repeat(para, 9)
	card := func(i int, extra string) string {
		return `<div class="card"><a href="/item/` + string(rune('a'+i)) + `">Item title</a><span>` + extra + `</span></div>`
	}
	cards := func(extra string) string {
		var b strings.Builder
		for i := range 8 {
			b.WriteString(card(i, extra))
		}
		return `<div class="grid">` + b.String() + `</div>`
	}
	teasers := strings.Repeat(`<article><h3><a href="/s">Headline</a></h3><p>Short summary.</p></article>`, 6)
	summary := strings.Repeat("A summary of the story, two lines long. ", 4)
	results := `<div class="list">` + strings.Repeat(`<div class="r"><a href="/s">A result's title, linked</a><p>`+summary+`</p><span>May 2</span></div>`, 12) + `</div>`
	rows := strings.Repeat(`<div class="row">`+strings.Repeat(`<div><h3><a href="/s">A title of a teaser</a></h3><span>by Ann</span></div>`, 3)+`</div>`, 3)
	thread := `<div class="posts">` + strings.Repeat(`<div class="post"><span>Ann</span><time>May 2</time>`+para+`</div>`, 4) + `</div>`
	served := `<noscript>` + strings.Repeat(" ", minNoscript) + `<div itemscope itemtype="http://schema.org/DiscussionForumPosting">` + thread + `</div></noscript>`
	tiles := `<ul class="results">` + strings.Repeat(`<li class="tile"><a href="/p/1"><span>HOKA</span><span>Clifton 10 Road-Running Shoes</span></a><div><span>$</span><span>124.93</span></div><div>`+strings.Repeat(`<a href="/p/1?c=2">Colour option, shown in the picture</a>`, 10)+`</div><span>Helmet style: road; weight: 0.8 lbs</span></li>`, 8) + `</ul>`
	table := func(rows int) string {
		return `<table><tbody>` + strings.Repeat(`<tr><td>1901</td><td><a href="/p">A laureate's name</a></td><td>For the work that won the prize</td></tr>`, rows) + `</tbody></table>`
	}
	articleLD := `<script type="application/ld+json">{"@type":"Article","name":"x"}</script>`
	tests := []struct {
		name, url, head, body, want string
	}{
		{"news article by JSON-LD", "", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x"}</script>`, para, Article},
		{"article by og:type", "", `<meta property="og:type" content="article">`, para, Article},
		{"article by its long paragraphs, cards beside it", "", "", story + cards(""), Article},
		{"forum thread", "", `<script type="application/ld+json">{"@graph":[{"@type":"DiscussionForumPosting","text":"q"}]}</script>`, para, Forum},
		{"forum by microdata comments", "", "", strings.Repeat(`<div itemscope itemtype="http://schema.org/Comment">`+para+`</div>`, 3), Forum},
		{"thread whose opening post is marked up as an Article, its replies as Comments", "", `<script type="application/ld+json">{"@type":"Article","articleBody":"q"}</script>`, para + strings.Repeat(`<div itemscope itemtype="http://schema.org/Comment">`+para+`</div>`, 3), Forum},
		{"story with a few Comments under it", "", `<script type="application/ld+json">{"@type":"Article","headline":"x"}</script>`, story + strings.Repeat(`<div itemscope itemtype="http://schema.org/Comment"><p>Agreed.</p></div>`, 3), Article},
		{"forum thread in JSON-LD with a line break inside a string", "", "<script type=\"application/ld+json\">{\"@type\":\"DiscussionForumPosting\",\"text\":\"one\nline\ttwo\"}</script>", para, Forum},
		{"product by JSON-LD", "", `<script type="application/ld+json">{"@type":"Product","name":"Desk","offers":{"@type":"Offer","price":"10"}}</script>`, para, Product},
		{"product by og:type", "", `<meta property="og:type" content="product">`, para, Product},
		{"product in its variants by JSON-LD", "", `<script type="application/ld+json">{"@type":"ProductGroup","name":"Jacket","hasVariant":[{"@type":"Product","sku":"s"},{"@type":"Product","sku":"m"},{"@type":"Product","sku":"l"}]}</script>`, para, Product},
		{"product by its buy box, other items beside it", "", "", `<form id="addToCart" action="/buy"><button name="submit.add-to-cart">Add</button></form>` + results, Product},
		{"listing with a buy control on every item", "", "", strings.Repeat(`<button class="add-to-cart">Add</button>`, 8) + results, Listing},
		{"product by a site's own og:type", "", `<meta property="og:type" content="shop:product">`, para, Product},
		{"collection: og:type product over priced cards, no product marked up, no buy control", "", `<meta property="og:type" content="product">`, para + cards("$19.99"), Collection},
		{"product by og:type: its price marked up, priced recommendations beside it", "", `<meta property="og:type" content="product">`, `<span itemprop="price">$9.99</span>` + para + cards("$19.99"), Product},
		{"product by og:type: its buy box, priced recommendations beside it", "", `<meta property="og:type" content="product">`, `<button class="add-to-cart">Add</button>` + para + cards("$19.99"), Product},
		{"product by og:type: its Offer in JSON-LD, priced recommendations beside it", "", `<meta property="og:type" content="product"><script type="application/ld+json">{"@type":"Offer","price":"9.99"}</script>`, para + cards("$19.99"), Product},
		{"collection by og:type product.group", "", `<meta property="og:type" content="product.group">`, para, Collection},
		{"a product's JSON-LD outweighs og:type product.group", "", `<meta property="og:type" content="product.group"><script type="application/ld+json">{"@type":"Product","name":"Desk"}</script>`, para, Product},
		{"product by microdata: one product offered, beside a grid of games", "", "", `<div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Game</h1><div itemprop="offers" itemscope itemtype="http://schema.org/Offer">$9.99</div></div>` + para + cards("by Ann"), Product},
		{"collection: two products offered by microdata", "", "", strings.Repeat(`<div itemscope itemtype="http://schema.org/Product"><div itemprop="offers" itemscope itemtype="http://schema.org/Offer">$9.99</div></div>`, 2) + cards("$19.99"), Collection},
		{"collection: priced cards", "", "", cards("$19.99"), Collection},
		{"collection: priced cards outnumbered by a menu of categories", "", "", `<div class="menu">` + strings.Repeat(`<div class="cat"><a href="/c/x">Category</a></div>`, 12) + `</div>` + cards("$19.99"), Collection},
		{"collection: long product tiles (swatches, attributes), priced", "", "", tiles, Collection},
		{"collection: priced tiles outweigh a category's blurb", "", `<meta property="og:type" content="article">`, para + tiles, Collection},
		{"collection: priced cards under og:type article and a one-paragraph blurb", "", `<meta property="og:type" content="article">`, para + cards("$19.99"), Collection},
		{"article: og:type article, two long paragraphs in a run, priced cards beside them", "", `<meta property="og:type" content="article">`, "<div>" + para + para + "</div>" + cards("$19.99"), Article},
		{"article: article markup over a one-paragraph story, priced cards beside it", "", `<script type="application/ld+json">{"@type":"Article","name":"x"}</script>`, para + cards("$19.99"), Article},
		{"article: a story outweighs priced tiles", "", "", strings.Repeat(para, 20) + tiles, Article},
		{"listing: long tiles without prices", "", "", `<ul class="results">` + strings.Repeat(`<li class="tile"><a href="/p/1"><span>HOKA</span><span>Clifton 10 Road-Running Shoes</span></a><div>`+strings.Repeat(`<a href="/p/1?c=2">Colour option, shown in the picture</a>`, 10)+`</div></li>`, 8) + `</ul>`, Listing},
		{"collection: a list of products", "", `<script type="application/ld+json">{"@type":"CollectionPage","mainEntity":{"@type":"ItemList","itemListElement":[{"@type":"Product"},{"@type":"Product"}]}}</script>`, para, Collection},
		{"listing: teaser articles", "", `<meta property="og:type" content="article">`, teasers, Listing},
		{"listing: cards without prices", "", "", cards("by Ann"), Listing},
		{"listing: a blog's front page marks each teaser a BlogPosting", "", `<script type="application/ld+json">[` + strings.Repeat(`{"@type":"BlogPosting","headline":"x"},`, 5) + `{"@type":"WebSite"}]</script>`, teasers, Listing},
		{"article: one BlogPosting over teaser articles", "", `<script type="application/ld+json">{"@type":"BlogPosting","headline":"x"}</script>`, teasers, Article},
		{"article: a story among teaser articles", "", `<script type="application/ld+json">{"@type":"BlogPosting","headline":"x"}</script>`, story + teasers, Article},
		{"listing: a CollectionPage with og:type article and a description", "", `<meta property="og:type" content="article"><script type="application/ld+json">{"@type":"CollectionPage"}</script>`, story + cards("by Ann"), Listing},
		{"article: a CollectionPage that article markup claims", "", `<script type="application/ld+json">{"@graph":[{"@type":"CollectionPage"},{"@type":"Article"}]}</script>`, story + cards("by Ann"), Article},
		{"listing: a long data table outweighs the prose that article markup claims", "", articleLD, para + table(60), Listing},
		{"article: a short data table under article markup", "", articleLD, para + table(30), Article},
		{"article: a story outweighs its long data table", "", articleLD, strings.Repeat(para, 40) + table(60), Article},
		{"article: a long layout table of one cell per row", "", articleLD, para + `<table>` + strings.Repeat(`<tr><td><a href="/p">A laureate's name, for the work that won the prize</a></td></tr>`, 60) + `</table>`, Article},
		{"listing: og:type article over cards, no long paragraph", "", `<meta property="og:type" content="article">`, cards("by Ann"), Listing},
		{"article: og:type article over cards and a long paragraph", "", `<meta property="og:type" content="article">`, para + cards("by Ann"), Article},
		{"no listing: og:type article over a manual's menu of links, under a docs path", "https://example.com/docs/install", `<meta property="og:type" content="article">`, cards("by Ann"), Article},
		{"listing: results with summaries outweigh the prose", "", "", para + results, Listing},
		{"article: prose outweighs a results box", "", "", story + results, Article},
		{"listing: results hold three and a half times the prose", "", "", "<time>May 2</time><div>" + para + para + "</div>" + results, Listing},
		{"article: a short story under linked titles", "", `<meta property="og:type" content="article">`, para + rows, Article},
		{"menus are no listing", "", "", `<nav>` + results + `</nav>`, Service},
		{"forum served in noscript", "", "", served, Forum},
		{"documentation by schema", "", `<script type="application/ld+json">{"@type":"TechArticle"}</script>`, para, Documentation},
		{"documentation by code and path", "https://example.com/docs/install", "", "<time>May</time>" + para + "<pre>a</pre><pre>b</pre><pre>c</pre>", Documentation},
		{"a manual's page of prose under a docs host", "https://docs.example.com/concepts/storage", "", "<time>May</time>" + para, Documentation},
		{"one code block under a docs path", "https://example.com/docs/install", `<meta property="og:type" content="article">`, para + "<pre>a</pre>", Documentation},
		{"a story under a guide path is an article", "https://example.com/guide/paris-in-winter", `<script type="application/ld+json">{"@type":"NewsArticle"}</script>`, para, Article},
		{"code on a blog is an article", "https://example.com/blog/install", "", "<time>May</time>" + para + "<pre>a</pre><pre>b</pre><pre>c</pre>", Article},
		{"service: long paragraphs, one per section", "", "", strings.Repeat("<section><h2>A feature</h2>"+para+"</section>", 9), Service},
		{"article: long paragraphs in a run", "", "", "<div>" + strings.Repeat(para, 4) + "</div>" + strings.Repeat("<div>"+para+"</div>", 5), Article},
		{"service: nothing of the above", "", `<script type="application/ld+json">{"@type":"Organization"}</script>`, para, Service},
		{"bad JSON-LD is ignored", "", `<script type="application/ld+json">{"@type": "Product",</script>`, para, Service},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><head>" + tt.head + "</head><body>" + tt.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			var u *url.URL
			if tt.url != "" {
				u, _ = url.Parse(tt.url)
			}
			if got := Detect(doc, u); got != tt.want {
				t.Errorf("Detect = %s, want %s (evidence %+v)", got, tt.want, read(doc))
			}
		})
	}
}

func TestHasPrice(t *testing.T) {
	for s, want := range map[string]bool{"$19.99": true, "19,99 €": true, "£5": true, "5 $": true, "US$": false, "price on request": false, "20%": false} {
		if got := HasPrice(s); got != want {
			t.Errorf("HasPrice(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestValid(t *testing.T) {
	if !Valid(Forum) || Valid("blog") || Valid("") {
		t.Error("Valid: want forum valid, blog and empty not")
	}
}

func TestCards(t *testing.T) {
	group := func(card string) string {
		return `<ul>` + strings.Repeat(card, 4) + `</ul>`
	}
	tests := []struct {
		name         string
		body         string
		cards, price int
	}{
		{"linked titles", group(`<li class="c"><a href="/p">Oak desk, large</a> <span>$199</span></li>`), 4, 4},
		{"overlay link, name and price beside it", group(`<li class="c"><a href="/p"><img src="x.jpg"></a><h3>Oak desk, large</h3><span>$199</span></li>`), 4, 4},
		{"overlay link, name beside it, no price", group(`<li class="c"><a href="/p"><img src="x.jpg"></a><h3>Oak desk, large</h3><span>In stock</span></li>`), 0, 0},
		{"priced offers with linked headings and prose", group(`<li class="c"><a href="/p"><h3>$25 off any repair</h3></a><p>Must be presented before the start of work; not valid with other offers, restrictions may apply to this offer.</p></li>`), 0, 0},
		{"a price whose sign and amount sit in separate elements", group(`<li class="c"><a href="/p">BILLY Bookcase, white</a> <span><span>$</span><span>79</span><span>.00</span></span></li>`), 4, 4},
		{"a number after a currency-free line is no price", group(`<li class="c"><a href="/p">BILLY Bookcase, white</a> <span>Size</span><span>79</span></li>`), 4, 0},
		{"a dialog's text is not the card's", group(`<li class="c"><a href="/p"><img src="x.jpg"></a><h3>Oak desk</h3><span>$199</span><div role="dialog">` + strings.Repeat("Why you see this ad. ", 30) + `</div></li>`), 4, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + tt.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			cards, priced := Cards(domtext.First(doc, atom.Ul), 3)
			if len(cards) != tt.cards || priced != tt.price {
				t.Errorf("Cards = %d cards, %d priced; want %d, %d", len(cards), priced, tt.cards, tt.price)
			}
		})
	}
}

func FuzzPriceIn(f *testing.F) {
	for _, s := range []string{"", " ", "19.99", "$19.99", "19,99 €", "from 79", "abc \t\n", "\u00a0", "Price: ", "9 ", "¥", "€ 5", "x\r"} {
		for _, prev := range []rune{' ', '7', '$', '€', 'a', '\u00a0'} {
			f.Add(s, int32(prev))
		}
	}
	f.Fuzz(func(t *testing.T, s string, prev int32) {
		gp, gr := priceIn(s, prev)
		wp, wr := priceInRunes(s, prev)
		if gp != wp || gr != wr {
			t.Errorf("priceIn(%q, %q) = %v, %q; want %v, %q", s, prev, gp, gr, wp, wr)
		}
	})
}
