package noise

import (
	"bytes"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/bench/half"
	"golang.org/x/net/html"
)

const testBody = `The river rose by two metres overnight and flooded the lower town.
Rescue teams moved four hundred families to the school on the hill before dawn.
The provincial office said the water would fall slowly over the next three days.
Farmers counted their losses as the fields remained under water on Sunday.`

func testSource() Source {
	var b strings.Builder
	b.WriteString("<html><head><title>Flood</title></head><body><header>Site</header><article><h1>Flood</h1>")
	for _, l := range strings.Split(testBody, "\n") {
		b.WriteString("<p>" + l + "</p>")
	}
	b.WriteString("</article><footer>About us</footer></body></html>")
	return Source{ID: "flood", URL: "https://example.com/flood", HTML: []byte(b.String()), Body: testBody}
}

// visibleText is what a naive scraper sees: every text node and img alt.
func visibleText(t *testing.T, page []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for n := range doc.Descendants() {
		if n.Type == html.TextNode {
			b.WriteString(n.Data + "\n")
		}
		for _, a := range n.Attr {
			if n.Data == "img" && a.Key == "alt" {
				b.WriteString(a.Val + "\n")
			}
		}
	}
	return b.String()
}

func TestGenerate(t *testing.T) {
	for _, h := range half.All {
		t.Run(h.String(), func(t *testing.T) { testGenerate(t, h) })
	}
}

func testGenerate(t *testing.T, h half.Half) {
	src := testSource()
	src.Half = h
	docs, skipped, err := Generate([]Source{src}, Options{Half: h, Seed: 1, Variants: 20})
	if err != nil || len(skipped) != 0 || len(docs) != 20 {
		t.Fatalf("Generate() = %d docs, skipped %v, err %v; want 20 docs", len(docs), skipped, err)
	}
	kinds := map[string]int{}
	for _, d := range docs {
		for k, n := range d.Items.Kinds {
			kinds[k] += n
		}
		text := visibleText(t, d.Noisy)
		for _, it := range append(append([]Item{}, d.Items.Spam...), d.Items.Boilerplate...) {
			if !strings.Contains(text, it.Text) {
				t.Errorf("%s: injected %s item %q not in the page", d.ID, it.Kind, it.Text)
			}
		}
		for _, l := range strings.Split(testBody, "\n") {
			if !strings.Contains(text, l[10:]) {
				t.Errorf("%s: body line %q lost", d.ID, l)
			}
		}
	}
	for _, k := range []string{KindSpamLine, KindLinkFarm, KindHiddenSpam, KindSpamAnchor, KindSidebar,
		KindInlineRelate, KindBodyGlyph, KindCaption, KindFileName, KindLeadRepeat, KindWidget, KindSpamSentence} {
		if kinds[k] == 0 {
			t.Errorf("kind %s never injected in 20 variants", k)
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, _, _ := Generate([]Source{testSource()}, Options{Seed: 1})
	b, _, _ := Generate([]Source{testSource()}, Options{Seed: 1})
	c, _, _ := Generate([]Source{testSource()}, Options{Seed: 2})
	if !bytes.Equal(a[0].Noisy, b[0].Noisy) {
		t.Error("same seed gave different pages")
	}
	if bytes.Equal(a[0].Noisy, c[0].Noisy) {
		t.Error("seeds 1 and 2 gave the same page")
	}
}

func TestGenerateOnlyItsHalf(t *testing.T) {
	src := testSource() // a tuning page
	docs, _, err := Generate([]Source{src}, Options{Half: half.HeldOut, Seed: 1})
	if err != nil || len(docs) != 0 {
		t.Errorf("Generate(held-out) over a tuning page = %d docs, err %v; want none", len(docs), err)
	}
}

func TestGenerateSkipsPageWithoutBody(t *testing.T) {
	src := testSource()
	src.Body = "Something else entirely, written by somebody else for another page."
	docs, skipped, err := Generate([]Source{src}, Options{Seed: 1})
	if err != nil || len(docs) != 0 || len(skipped) != 1 {
		t.Errorf("Generate() = %d docs, skipped %v, err %v; want the page skipped", len(docs), skipped, err)
	}
}

func TestBuiltinSources(t *testing.T) {
	srcs, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) < 6 {
		t.Fatalf("Builtin() = %d pages, want at least 6", len(srcs))
	}
	var docs []Doc
	for _, h := range half.All {
		var n int
		for _, s := range srcs {
			if s.Half == h {
				n++
			}
		}
		if n < 3 {
			t.Errorf("Builtin(): %d %s pages, want at least 3", n, h)
		}
		ds, skipped, err := Generate(srcs, Options{Half: h, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(skipped) != 0 || len(ds) != n {
			t.Errorf("Generate(Builtin(), %s) skipped %v: their body paragraphs are not found in the page", h, skipped)
		}
		docs = append(docs, ds...)
	}
	for _, d := range docs {
		if !strings.Contains(string(d.Clean), "<p") {
			t.Errorf("%s: clean page has no paragraph", d.ID)
		}
	}
}
