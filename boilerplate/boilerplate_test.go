package boilerplate

import (
	"net/url"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/rules"
)

// prose is a body paragraph of running text.
func prose(i int) string {
	return "<p>The council met again on Tuesday evening and voted, after a long debate about the budget and the roads, to keep the market open for another " +
		strings.Repeat("long ", i%3) + "year, the chair said.</p>"
}

func body(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(prose(i))
	}
	return b.String()
}

// cards is a box of teaser cards: a picture, a headline link, a date.
func cards(heading string, n int) string {
	var b strings.Builder
	b.WriteString("<div>")
	if heading != "" {
		b.WriteString("<h3>" + heading + "</h3>")
	}
	for i := range n {
		b.WriteString(`<div class="c"><a href="/news/` + string(rune('a'+i)) + `.html"><img src="/t.jpg"></a><h4><a href="/news/` + string(rune('a'+i)) + `.html">Harbour project wins approval from the board</a></h4><time>2 hours ago</time></div>`)
	}
	b.WriteString("</div>")
	return b.String()
}

func run(t *testing.T, page string) (string, map[string]int) {
	t.Helper()
	return runType(t, page, "")
}

// runType strips page as an article on a page of type typ.
func runType(t *testing.T, page, typ string) (string, map[string]int) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><body><article>" + page + "</article></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	root := domtext.First(doc, atom.Article)
	tr := &rules.Trace{}
	u, _ := url.Parse("https://news.example/story.html")
	Strip(root, u, typ, tr)
	return textOf(root), tr.Counts
}

func TestStrip(t *testing.T) {
	tests := []struct {
		name, page string
		gone, kept []string
		id         string
	}{
		{"teaser cards after the body, heading in no lexicon", body(4) + cards("Ξεχωριστά θέματα", 4),
			[]string{"Harbour project", "Ξεχωριστά θέματα", "2 hours ago"}, []string{"The council met"}, IDTeaserCards},
		{"teaser cards between paragraphs, no heading", body(2) + cards("", 3) + body(2),
			[]string{"Harbour project"}, []string{"The council met"}, IDTeaserCards},
		{"link list under a Korean heading", body(4) + `<h3>관련 기사</h3><ul><li><a href="/a">서울시 새 버스 노선 발표 계획</a></li><li><a href="/b">태풍 북상에 해안 마을 비상 대책</a></li><li><a href="/c">국회 예산안 처리 지연 우려 커져</a></li></ul>`,
			[]string{"관련 기사", "서울시"}, []string{"The council met"}, IDTeaserCards},
		{"two cards left under a lexicon heading", body(4) + cards("More in this category", 2),
			[]string{"More in this category", "Harbour project"}, []string{"The council met"}, IDTeaserCards},
		{"a lexicon heading whose list is gone", body(4) + `<section><h3>Baca selengkapnya</h3></section>`,
			[]string{"Baca selengkapnya"}, []string{"The council met"}, IDHeading},
		{"read-also line in Portuguese", body(2) + `<p>Leia também: <a href="/x.html">Prefeitura anuncia nova linha de ônibus</a></p>` + body(2),
			[]string{"Leia também", "Prefeitura"}, []string{"The council met"}, IDRelatedLine},
		{"read-also line set apart in bold, any language", body(2) + `<p><b>Ещё</b> <a href="/x.html">Мэрия представила план ремонта дорог</a></p>` + body(2),
			[]string{"Мэрия"}, []string{"The council met"}, IDRelatedLine},
		{"a lone headline link between paragraphs, no label", body(2) + `<div class="x"><a href="/2026/05/harbour.html">Harbour works resume after the storm season ends</a></div>` + body(2),
			[]string{"Harbour works"}, []string{"The council met"}, IDRelatedLine},
		{"an unknown label in its own element before a link, in a list", body(2) + `<ul><li><small>Ξέρατε</small> <a href="/a.html">Market hall reopens with forty new stalls (23)</a></li></ul>` + body(2),
			[]string{"Market hall"}, []string{"The council met"}, IDRelatedLine},
		{"newsletter form", body(3) + `<div><h4>Get the briefing in your inbox</h4><form><input type="email"><button>Go</button></form></div>`,
			[]string{"Get the briefing"}, []string{"The council met"}, IDWidget},
		{"link block with a furniture class", body(3) + `<div class="popular-box"><p><a href="/a">Harbour works resume</a> · <a href="/b">Market hall reopens</a> · <a href="/c">Roads to be resurfaced</a></p></div>`,
			[]string{"Harbour"}, []string{"The council met"}, IDLinkBlock},
		{"section label above the headline", `<div class="hdr"><span><a href="/markets/">Markets</a></span><h1>Casino revenue climbs</h1><div>May 4, 2026</div></div>` + body(3),
			[]string{"Markets"}, []string{"Casino revenue", "The council met"}, IDKicker},
		{"one-item breadcrumb, any language", `<div><ul class="x"><li><a href="https://news.example/xo-so">Xổ số</a></li></ul><span>Thứ bảy, 5/12/2026</span></div>` + body(3),
			[]string{"Xổ số"}, []string{"Thứ bảy", "The council met"}, IDKicker},
		{"share bar", body(3) + `<div><a href="https://x.example/s">X</a> <a href="https://f.example/s">Facebook</a> <a href="https://l.example/s">LINE</a> <a href="#">Email</a></div>`,
			[]string{"Facebook"}, []string{"The council met"}, IDWidget},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, counts := run(t, tt.page)
			for _, g := range tt.gone {
				if strings.Contains(text, g) {
					t.Errorf("%q left in %q", g, text)
				}
			}
			for _, k := range tt.kept {
				if !strings.Contains(text, k) {
					t.Errorf("%q lost from %q", k, text)
				}
			}
			if counts[tt.id] == 0 {
				t.Errorf("no %s in the trace %v", tt.id, counts)
			}
		})
	}
}

// TestStripKeepsContent: lists and links that are the page's content stay.
func TestStripKeepsContent(t *testing.T) {
	listing := "<p>All the stories of the week in the harbour district, newest first, as chosen by the editors.</p>" + cards("", 12)
	tests := []struct{ name, page, want string }{
		{"a listing page: cards are its content", listing, "Harbour project"},
		{"references after the body: outside links, no furniture sign", body(4) + `<h2>References</h2><ul><li><a href="https://a.org/r1">Annual report of the port authority 2024</a></li><li><a href="https://b.org/r2">Survey of market traders in the district</a></li><li><a href="https://c.org/r3">Road budget of the city council, 2025</a></li></ul>`, "Annual report"},
		{"a paragraph citing a link", body(2) + `<p>Read the <a href="/report.html">full report of the council on the budget</a> before the meeting next week, officials urged residents.</p>` + body(1), "full report"},
		{"a repeated caption label is a pattern, not a pointer", body(3) + strings.Repeat(`<p>Pictured: <a href="/p/1">Summer Nights lamp in brass</a></p>`, 3), "Summer Nights"},
		{"a heading followed by its section", body(2) + `<h3>Related</h3>` + body(2), "Related"},
		{"a form that is the page's tool", body(3) + `<div><p>Enter the ZIP code where you live</p><form><input name="zip"><button>Find</button></form></div>`, "ZIP code"},
		{"too little running text to judge", `<p>Short intro.</p>` + cards("Related", 4), "Harbour project"},
		{"a link in a short lead sentence", `<p>Remember the quest for a <a href="/slogan">state slogan</a>?</p>` + body(3), "state slogan"},
		{"a citation link in brackets", `<p>It is the most common disorder <span>(<a href="/refs#r1">ref 1</a>)</span></p>` + body(3), "ref 1"},
		{"a byline link after By", `<p>By <span><a href="/author/jo">Jo Reyes</a></span></p>` + body(3), "Jo Reyes"},
		{"a linked title", `<h2><a href="/story.html">Harbour reopens</a></h2>` + body(3), "Harbour reopens"},
		{"a link to another site above the body", `<p><a href="https://twitter.example/jo">@jo</a></p>` + body(3), "@jo"},
		{"a link on its own line under every section is the guide's content", strings.Repeat(body(1)+`<p><a href="/tools/plane.html">Block plane with an adjustable mouth</a></p>`, 3) + body(1), "Block plane"},
		{"a linked line that ends like a sentence", body(2) + `<p><a href="/guide.html">The guide explains how the new rules work.</a></p>` + body(2), "The guide explains"},
		{"a lone link line at the end of the story", body(3) + `<p><a href="/2026/05/harbour.html">Harbour works resume after the storm season ends</a></p>`, "Harbour works"},
		{"a shop's priced tiles with add-to-cart forms", body(4) + `<ul>` + strings.Repeat(`<li class="item"><div class="card subscription-eligible"><a href="/p/1">Roast Coffee</a><span>$19.99</span><form><select><option>1 bag</option></select><button>Add</button></form></div></li>`, 4) + `</ul>`, "Roast Coffee"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, counts := run(t, tt.page)
			if !strings.Contains(text, tt.want) {
				t.Errorf("%q lost (trace %v) from %q", tt.want, counts, text)
			}
		})
	}
}

// TestStripListing: on a listing, blocks of teaser cards and of headline
// links are its items, even beside running text (an intro, a cookie
// notice below them); a footer's short links, blocks named for furniture,
// and cards after the last paragraph go.
func TestStripListing(t *testing.T) {
	page := body(2) + cards("", 4) + `<div><p><a href="/a">Harbour works resume on Monday</a> · <a href="/b">Market hall reopens after repairs</a> · <a href="/c">Roads to be resurfaced this summer</a></p></div>` +
		`<div class="popular-box">` + cards("", 3) + `</div>` + `<div><p><a href="/about">About</a> · <a href="/jobs">Jobs</a> · <a href="/terms">Terms of use</a> · <a href="/privacy">Privacy</a></p></div>` +
		body(2) + strings.ReplaceAll(cards("", 3), "Harbour project wins", "Dock strike ends with")
	text, _ := runType(t, page, "listing")
	for _, k := range []string{"Harbour project", "Harbour works resume", "Market hall"} {
		if !strings.Contains(text, k) {
			t.Errorf("%q lost from %q", k, text)
		}
	}
	for _, g := range []string{"Terms of use", "Dock strike"} {
		if strings.Contains(text, g) {
			t.Errorf("%q left in %q", g, text)
		}
	}
	if strings.Count(text, "Harbour project") != 4 {
		t.Errorf("the cards named for furniture stayed: %q", text)
	}
	if text, _ := runType(t, page, "article"); strings.Contains(text, "Harbour project") {
		t.Errorf("on an article the cards stayed: %q", text)
	}
}

// TestStripItemParts: on a listing or a collection, a block of links that
// every item repeats (its authors) is part of the item, whatever its class;
// on an article it goes.
func TestStripItemParts(t *testing.T) {
	var b strings.Builder
	b.WriteString(body(2))
	for range 4 {
		b.WriteString(`<dd><div class="meta"><div class="title">A study of harbour silt in winter storms</div><div class="list-authors"><a href="/a/1">Ana Li</a>, <a href="/a/2">Bo Chen</a>, <a href="/a/3">Cy Diaz</a></div></div></dd>`)
	}
	b.WriteString(body(2))
	for _, typ := range []string{"listing", "collection"} {
		if text, counts := runType(t, b.String(), typ); strings.Count(text, "Bo Chen") != 4 {
			t.Errorf("%s: an item's authors lost from %q (%v)", typ, text, counts)
		}
	}
	if text, _ := runType(t, b.String(), "article"); strings.Contains(text, "Bo Chen") {
		t.Errorf("article: the author bars stayed in %q", text)
	}
}

// TestStripGrid: on a collection, a shop's grid of priced cards (pictures
// and linked product names) after its blurb is what the page offers; the
// same cards go from an article.
func TestStripGrid(t *testing.T) {
	var b strings.Builder
	b.WriteString(body(3) + `<div class="list"><div class="row">`)
	for i := range 6 {
		b.WriteString(`<div class="col"><a href="/p/` + string(rune('a'+i)) + `"><img src="/s.jpg"><h2>Black leather dress shoes</h2><p>$30</p></a></div>`)
	}
	b.WriteString(`</div></div>` + body(2))
	if text, counts := runType(t, b.String(), "collection"); strings.Count(text, "dress shoes") != 6 {
		t.Errorf("collection: the grid lost from %q (%v)", text, counts)
	}
	if text, _ := runType(t, b.String(), "article"); strings.Contains(text, "dress shoes") {
		t.Errorf("article: the cards stayed in %q", text)
	}
}

func TestLexicon(t *testing.T) {
	for _, c := range []struct {
		text, cat string
		want      bool
	}{
		{"Read more:", "related", true},
		{"READ MORE: Port reopens", "related", true},
		{"Related parties agree on a deal", "related", false},
		{"More in this category", "related", true},
		{"More in the long run than ever before", "related", false},
		{"相关阅读", "related", true},
		{"Читайте также", "related", true},
		{"The recipe needs two cookies", "widget", true},
		{"Precookies", "widget", false},
	} {
		var got bool
		if c.cat == "widget" {
			got = hasWord(c.text, c.cat)
		} else {
			got = matches(c.text, c.cat)
		}
		if got != c.want {
			t.Errorf("%s %q = %v, want %v", c.cat, c.text, got, c.want)
		}
	}
	if n := len(lexicon()["related"]); n < 100 {
		t.Errorf("%d related phrases, want the lexicon loaded (100+)", n)
	}
}

func TestWordsOfUnspacedScripts(t *testing.T) {
	th := "เทศบาลเมืองบ้านหนองโพธิ์เปิดตลาดเกษตรกรแห่งใหม่บริเวณลานจอดรถหน้าศาลากลางจังหวัด"
	if n := words(th); n < 10 {
		t.Errorf("words(Thai sentence of %d letters) = %d, want about one per five letters", len([]rune(th)), n)
	}
	if n := words("The council met on Tuesday"); n != 5 {
		t.Errorf("words(English) = %d, want 5", n)
	}
}

func TestLettersAndWords_FastPaths(t *testing.T) {
	// The ASCII and below-U+0800 fast paths count as the rune loops do.
	for _, s := range []string{"", "Hello, world 42!", "naïve café", "abc ภาษาไทยภาษาไทยภาษาไทย def", "x\u00a0y", "ພາສາລາວພາສາລາວພາສາລາວ", "日本語のテキスト"} {
		want := 0
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				want++
			}
		}
		if got := letters(s); got != want {
			t.Errorf("letters(%q) = %d, want %d", s, got, want)
		}
		if got := hasRuneFrom0800(s); got != strings.ContainsFunc(s, func(r rune) bool { return r >= 0x800 }) {
			t.Errorf("hasRuneFrom0800(%q) = %v", s, got)
		}
	}
}

func TestCounts(t *testing.T) {
	for _, s := range []string{"", " ", "Hello, world 42!", "a-b_c  d\n\te", "naïve café", "日本語 text", "ภาษาไทยภาษาไทยภาษาไทย abc", "x", "  9  "} {
		l, w := counts(s)
		if l != letters(s) || w != words(s) {
			t.Errorf("counts(%q) = %d, %d; want %d, %d", s, l, w, letters(s), words(s))
		}
	}
}

func FuzzCounts(f *testing.F) {
	for _, s := range []string{"Hello, world 42!", "naïve café", "日本語 text", "ภาษาไทย abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, w := counts(s)
		if l != letters(s) || w != words(s) {
			t.Errorf("counts(%q) = %d, %d; want %d, %d", s, l, w, letters(s), words(s))
		}
	})
}

func FuzzClassSays(f *testing.F) {
	for _, s := range []string{"Share-Bar", "post-SOCIAL", "content", "İsidebar", "bio", "x y", "néwsletter"} {
		f.Add(s, "id-"+s)
	}
	f.Fuzz(func(t *testing.T, class, id string) {
		n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: class}, {Key: "id", Val: id}}}
		s := strings.ToLower(class + " " + id)
		want := false
		for _, w := range furnitureNames {
			want = want || strings.Contains(s, w)
		}
		if got := classSays(n); got != want {
			t.Errorf("class %q id %q: %v, want %v", class, id, got, want)
		}
	})
}
