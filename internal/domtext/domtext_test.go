package domtext

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// first returns the first element of the fragment's body.
func first(t *testing.T, frag string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<body>" + frag))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data != "html" && n.Data != "head" && n.Data != "body" {
			return n
		}
	}
	t.Fatalf("no element in %q", frag)
	return nil
}

func TestIsHidden(t *testing.T) {
	tests := map[string]bool{
		`<div hidden>x</div>`:                                      true,
		`<div style="display: none !important">x</div>`:            true,
		`<div style="visibility:hidden">x</div>`:                   true,
		`<div style="font-size:0px">x</div>`:                       true,
		`<div style="position:absolute;left:-9999px">x</div>`:      true,
		`<div style="height:0;overflow:hidden">x</div>`:            true,
		`<div style="left:-20px">x</div>`:                          false,
		`<div style="font-size:10px">x</div>`:                      false,
		`<div style="height:0">x</div>`:                            false,
		`<div class="hidden">x</div>`:                              false,
		`<p>visible</p>`:                                           false,
		`<div style="text-indent:-999em">x</div>`:                  true,
		`<div style="margin-left: -1000px; display:block">x</div>`: true,
	}
	for frag, want := range tests {
		if got := IsHidden(first(t, frag)); got != want {
			t.Errorf("IsHidden(%s) = %v, want %v", frag, got, want)
		}
	}
}

func TestMeasureAndTeasers(t *testing.T) {
	st := Measure(first(t, `<div><p>Read <a href="/a">this story</a> now</p><p>More</p></div>`), 0)
	if st.Text != "Read this story now More" || st.Links != 1 || st.LinkChars != len("this story") {
		t.Errorf("Measure = %+v", st)
	}
	if st := Measure(first(t, `<div>`+strings.Repeat("<p>some words here</p>", 20)+`</div>`), 50); !st.Truncated || st.Text != "" {
		t.Errorf("Measure with a limit: truncated %v, text %q", st.Truncated, st.Text)
	}
	cards := `<ul><li><a href="/1">One story</a></li><li><a href="/2">Two story</a></li><li><a href="/3">Three</a></li></ul>`
	if !IsTeaserList(first(t, cards), 3) {
		t.Error("three link cards are not a teaser list")
	}
	if IsTeaserList(first(t, cards), 4) {
		t.Error("three cards are a list of four")
	}
	prose := `<ul><li>One long item without links</li><li>Another</li><li>A third</li></ul>`
	if IsTeaserList(first(t, prose), 3) {
		t.Error("a list without links is a teaser list")
	}
}

func TestLinkHost(t *testing.T) {
	tests := map[string]string{
		"https://User@Example.COM:8080/path?q": "example.com:8080",
		"//cdn.example.org/x":                  "cdn.example.org",
		"/relative/path":                       "",
		"mailto:someone@example.com":           "",
	}
	for href, want := range tests {
		if got := LinkHost(href); got != want {
			t.Errorf("LinkHost(%q) = %q, want %q", href, got, want)
		}
	}
}

func TestFirst(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<p>a</p><div id="outer"><p id="in">b</p></div><div id="second"></div>`))
	if err != nil {
		t.Fatal(err)
	}
	if got := First(doc, atom.Body); got == nil || got.Data != "body" {
		t.Errorf("First(doc, body) = %v, want the body element", got)
	}
	if got := First(doc, atom.Div); got == nil || Attr(got, "id") != "outer" {
		t.Errorf("First(doc, div) should be the first div in document order, got id %q", Attr(got, "id"))
	}
	div := First(doc, atom.Div)
	if got := First(div, atom.Div); got != nil {
		t.Errorf("First(div, div) = id %q, want nil: n itself and later siblings are not below n", Attr(got, "id"))
	}
	if got := First(div, atom.P); got == nil || Attr(got, "id") != "in" {
		t.Errorf("First(div, p) should be the p inside the div")
	}
	if got := First(doc, atom.Table); got != nil {
		t.Errorf("First(doc, table) = %v, want nil", got)
	}
}

func TestAttrAndHasAttr(t *testing.T) {
	n := first(t, `<div hidden id="x" data-empty="">t</div>`)
	for _, tt := range []struct {
		key  string
		has  bool
		want string
	}{
		{"hidden", true, ""},
		{"id", true, "x"},
		{"data-empty", true, ""},
		{"class", false, ""},
	} {
		if got := HasAttr(n, tt.key); got != tt.has {
			t.Errorf("HasAttr(%q) = %v, want %v", tt.key, got, tt.has)
		}
		if got := Attr(n, tt.key); got != tt.want {
			t.Errorf("Attr(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestContains(t *testing.T) {
	outer := first(t, `<div><p><b>x</b></p><i>y</i></div>`)
	p, i := outer.FirstChild, outer.LastChild
	b := p.FirstChild
	for _, tt := range []struct {
		name string
		a, n *html.Node
		want bool
	}{
		{"self", p, p, true},
		{"ancestor", outer, b, true},
		{"descendant is not an ancestor", b, outer, false},
		{"sibling", p, i, false},
		{"sibling's child", i, b, false},
	} {
		if got := Contains(tt.a, tt.n); got != tt.want {
			t.Errorf("%s: Contains = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestGather(t *testing.T) {
	const frag = `<div>One<a href="/x">link</a>two<br>three<script>x()</script><ul><li>item</li></ul></div>`
	skipLinks := func(n *html.Node) Edge {
		if n.DataAtom == atom.A {
			return Skip
		}
		return Inline
	}
	for _, tt := range []struct {
		name string
		edge func(*html.Node) Edge
		want string
	}{
		{"all inline", nil, "Onelinktwothreex()item"},
		{"links skipped", skipLinks, "Onetwothreex()item"},
		{"every element spaced", func(*html.Node) Edge { return Spaced }, "One link two  three x()   item  "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Gather(first(t, frag), tt.edge); got != tt.want {
				t.Errorf("Gather = %q, want %q", got, tt.want)
			}
		})
	}
	// One piece of text, alone or beside empty elements, and none.
	for frag, want := range map[string]string{
		`<div>only</div>`:                      "only",
		`<div><b></b><i>only</i><a></a></div>`: "only",
		`<div><b>one</b><i></i>two</div>`:      "onetwo",
		`<div><b></b></div>`:                   "",
	} {
		if got := Gather(first(t, frag), nil); got != want {
			t.Errorf("Gather(%s) = %q, want %q", frag, got, want)
		}
	}
}

func TestAllText(t *testing.T) {
	n := first(t, `<div>One<a href="/x">link</a>two<span hidden>hid</span><script>x()</script></div>`)
	// Two text nodes made adjacent by removing the element between them
	// still give two words.
	a := n.FirstChild.NextSibling
	n.RemoveChild(a)
	if got, want := AllText(n), "One two hid x() "; got != want {
		t.Errorf("AllText = %q, want %q", got, want)
	}
}

func TestSpacedText(t *testing.T) {
	n := first(t, `<div>One<b>two<i>three</i></b><script>x()</script>four<p>five six</p></div>`)
	skipScript := func(n *html.Node) bool { return n.DataAtom == atom.Script }
	for _, c := range []struct {
		skip  func(*html.Node) bool
		limit int
		want  string
	}{
		{nil, 0, "One two three x() four five six "},
		{skipScript, 0, "One two three four five six "},
		// It stops after the text node that goes over the limit, however
		// deep: "three " takes it from 8 to 14 bytes.
		{skipScript, 9, "One two three "},
		{skipScript, 14, "One two three four "},
	} {
		if got := SpacedText(n, c.skip, c.limit); got != c.want {
			t.Errorf("SpacedText(limit %d) = %q, want %q", c.limit, got, c.want)
		}
	}
}

func TestChars(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<title> T </title><style>p{}</style><body> <div>Read <a href="/a"> this story </a> now<script>x()</script><noscript>n</noscript></div><template><p>t</p></template><p>More&nbsp;</p><!-- c -->`))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if got, want := Chars(n), Measure(n, 0).Chars; got != want {
			t.Errorf("Chars(<%s>) = %d, Measure(n, 0).Chars = %d", n.Data, got, want)
		}
	}
	if got, want := Chars(doc), Measure(doc, 0).Chars; got != want || got == 0 {
		t.Errorf("Chars(doc) = %d, Measure = %d", got, want)
	}
}

// FuzzMayHide: a style mayHide lets go without parsing never hides.
func FuzzMayHide(f *testing.F) {
	for _, s := range []string{"display:none", "DISPLAY: NONE", "width:100%;color:red", "margin-left:-9999px", "text-indent:-999em",
		"overflow:hidden;height:0", "font-size:0", "visibility:collapse", "top:-1000px", "\u212aey:1", "right: -5000px !important"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, style string) {
		if !mayHide(style) && hiddenBy(readHiding(style)) {
			t.Fatalf("mayHide(%q) = false, but the style hides", style)
		}
		if got, want := readHiding(style), hidingOf(ParseStyle(style)); got != want {
			t.Fatalf("readHiding(%q) = %+v, ParseStyle reads %+v", style, got, want)
		}
	})
}

// hidingOf is the hiding that ParseStyle's declarations decl hold.
func hidingOf(decl map[string]string) hiding {
	return hiding{display: decl["display"], visibility: decl["visibility"], fontSize: decl["font-size"],
		overflow: decl["overflow"], height: decl["height"], width: decl["width"], left: decl["left"], top: decl["top"],
		textIndent: decl["text-indent"], marginLeft: decl["margin-left"], right: decl["right"]}
}

// TestReadHiding: the declarations IsHidden reads are ParseStyle's, the
// last of each property, lower-cased, !important dropped.
func TestReadHiding(t *testing.T) {
	for _, style := range []string{"display:none", "DISPLAY: NONE", "display:none;display:block", "width:100%;color:red",
		"Margin-Left: -9999PX !important", "overflow:hidden;height:0", "clip: rect(0, 0, 0, 0); left:-1000px", "top", ";;", "font-size:0;font-size:12px"} {
		if got, want := readHiding(style), hidingOf(ParseStyle(style)); got != want {
			t.Errorf("readHiding(%q) = %+v, ParseStyle reads %+v", style, got, want)
		}
	}
}

func TestJSONLD(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"json-ld", `<script type="application/ld+json">{"@type":"Product"}</script>`, `{"@type":"Product"}`},
		{"type in capitals, spaced", `<script type=" Application/LD+JSON ">{}</script>`, `{}`},
		{"plain script", `<script>var ld = {}</script>`, ``},
		{"other type", `<script type="application/json">{}</script>`, ``},
		{"empty", `<script type="application/ld+json"></script>`, ``},
		{"not a script", `<div type="application/ld+json">{}</div>`, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><head>" + tt.html + "</head><body>" + tt.html + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for n := range doc.Descendants() {
				if s := JSONLD(n); s != "" {
					got = s
					break
				}
			}
			if got != tt.want {
				t.Errorf("JSONLD = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCountElements: n itself and every element under it, text and
// comments left out, however deep.
func TestCountElements(t *testing.T) {
	for _, tc := range []struct {
		frag string
		want int
	}{
		{`<p>text only</p>`, 1},
		{`<p>a <b>b</b> <i>c <u>d</u></i><!-- x --></p>`, 4},
		{`<ul><li>1</li><li>2</li><li><ul><li>3</li></ul></li></ul>`, 6},
	} {
		if got := CountElements(first(t, tc.frag)); got != tc.want {
			t.Errorf("CountElements(%s) = %d, want %d", tc.frag, got, tc.want)
		}
	}
	doc, err := html.Parse(strings.NewReader("<p>x</p>"))
	if err != nil {
		t.Fatal(err)
	}
	// The document node counts once, with html, head, body and p.
	if got := CountElements(doc); got != 5 {
		t.Errorf("CountElements(document) = %d, want 5", got)
	}
}

func TestCutText(t *testing.T) {
	skipScripts := func(c *html.Node) Edge {
		if c.DataAtom == atom.Script {
			return Skip
		}
		return Inline
	}
	for _, c := range []struct {
		frag, cut, want string
	}{
		{`<p>Real news. Spam text here.</p>`, " Spam text here.", `<p>Real news.</p>`},
		{`<p>Spam <b>text</b> here. Real news.</p>`, "Spam text here. ", `<p>Real news.</p>`},
		{`<p>Real <i>news</i>. Spam <a href="x">link</a> here.</p>`, " Spam link here.", `<p>Real <i>news</i>.</p>`},
		{`<p>Real news.<script>var x;</script> Spam <em>te</em>xt.</p>`, " Spam text.", `<p>Real news.<script>var x;</script></p>`},
		{`<p>One. <span>Two spam.</span> Three.</p>`, " Two spam.", `<p>One. Three.</p>`},
	} {
		p := first(t, c.frag)
		text := Gather(p, skipScripts)
		from := strings.Index(text, c.cut)
		if from < 0 {
			t.Fatalf("%s: %q not in %q", c.frag, c.cut, text)
		}
		CutText(p, skipScripts, from, from+len(c.cut))
		var b strings.Builder
		if err := html.Render(&b, p); err != nil {
			t.Fatal(err)
		}
		if got := b.String(); got != c.want {
			t.Errorf("CutText(%s, %q) = %s, want %s", c.frag, c.cut, got, c.want)
		}
	}
}

// FuzzCutText: with every element inline, cutting [from, to) out of the
// text leaves exactly the text around it; with TextEdge it never panics.
func FuzzCutText(f *testing.F) {
	f.Add("<p>Real news. <b>Spam</b> text here.</p>", 5, 20)
	f.Add("<div><p>a</p><p>b<i>c</i></p></div>", 0, 3)
	f.Fuzz(func(t *testing.T, frag string, from, to int) {
		doc, err := html.Parse(strings.NewReader("<body>" + frag))
		if err != nil {
			return
		}
		text := Gather(doc, nil)
		if len(text) == 0 {
			return
		}
		from, to = abs(from)%(len(text)+1), abs(to)%(len(text)+1)
		if from > to {
			from, to = to, from
		}
		CutText(doc, nil, from, to)
		if got, want := Gather(doc, nil), text[:from]+text[to:]; got != want {
			t.Errorf("CutText(%d, %d) of %q left %q, want %q", from, to, text, got, want)
		}
		doc2, _ := html.Parse(strings.NewReader("<body>" + frag))
		t2 := Gather(doc2, TextEdge)
		CutText(doc2, TextEdge, min(from, len(t2)), min(to, len(t2)))
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n {
			return 0
		}
		return -n
	}
	return n
}

func TestIsDisclosure(t *testing.T) {
	tests := map[string]bool{
		`<button aria-expanded="false">When is the best time to visit?</button>`: true,
		`<button aria-controls="p1">Is parking available?</button>`:              true,
		`<button data-toggle="collapse">Terms of the guarantee in full</button>`: true,
		`<button aria-expanded="false" aria-controls="m">Menu</button>`:          false,
		`<button aria-expanded="true">Show more</button>`:                        false,
		`<button type="submit">Send this form to us now</button>`:                false,
		`<button data-toggle="modal">Open the booking form now</button>`:         false,
		`<div aria-expanded="false">When is the best time to visit?</div>`:       false,
	}
	for frag, want := range tests {
		if got := IsDisclosure(first(t, frag)); got != want {
			t.Errorf("IsDisclosure(%s) = %v, want %v", frag, got, want)
		}
	}
}

func TestJSONStrings(t *testing.T) {
	tests := []struct {
		data  string
		limit int
		want  string
	}{
		{`{"name": "Ann", "headline":"Big news"}`, 1 << 16, "Ann. Big news. "},
		{`{"name": ["list"], "name":"Bo"}`, 1 << 16, "Bo. "},          // not a string value: skipped
		{`{"nameX": "no", "name" : "yes"}`, 1 << 16, "yes. "},         // a longer key is not the key
		{`{"name": "cut here and`, 1 << 16, ""},                       // unterminated
		{`{"name": "Ann"} {"name": "beyond the limit"}`, 16, "Ann. "}, // read no further than limit
	}
	for _, tt := range tests {
		if got := JSONStrings(tt.data, tt.limit, `"name"`, `"headline"`); got != tt.want {
			t.Errorf("JSONStrings(%q, %d) = %q, want %q", tt.data, tt.limit, got, tt.want)
		}
	}
}

// TestJoiner pins Joiner across its forms: none, one piece, a few, and
// more than it holds before building.
func TestJoiner(t *testing.T) {
	for _, pieces := range [][]string{
		nil, {""}, {"a"}, {"", "a", ""}, {"a", "b"},
		strings.Split("a,b,c,d,e,f,g,h", ","),
		strings.Split("a,b,,c,d,e,f,g,h,i", ","),
		strings.Split("one,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve", ","),
	} {
		var j Joiner
		for _, p := range pieces {
			j.Add(p)
		}
		want := strings.Join(pieces, "")
		if got := j.String(); got != want {
			t.Errorf("Joiner(%q) = %q, want %q", pieces, got, want)
		}
		if got := j.String(); got != want {
			t.Errorf("Joiner(%q) again = %q, want %q", pieces, got, want)
		}
	}
}
