package heldoutb_test

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/noise"
	"github.com/winnowhq/winnow/bench/noise/heldoutb"
	"github.com/winnowhq/winnow/bench/noise/leftover"
)

const body = `Volunteers cleared the old towpath on Saturday, working from the lock keeper's cottage to the aqueduct.
The canal trust said the path had been closed for three winters. It will reopen to walkers and cyclists in the spring.
Repairs to the aqueduct itself, which carries the canal over the river, are expected to take another two years.
Local schools have adopted stretches of the bank, and pupils will plant hedges along them next month.`

func source() noise.Source {
	var b strings.Builder
	b.WriteString("<html><head><title>Towpath</title></head><body><h1>Towpath reopens</h1><div class=\"story\">")
	for _, l := range strings.Split(body, "\n") {
		b.WriteString("<p>" + l + "</p>")
	}
	b.WriteString("</div></body></html>")
	return noise.Source{ID: "towpath", URL: "https://example.org/towpath", HTML: []byte(b.String()), Body: body, Half: half.HeldOutB}
}

func generate(t *testing.T, seed uint64) []noise.Doc {
	t.Helper()
	other := source()
	other.ID, other.Half = "other", half.HeldOut
	docs, skipped, err := heldoutb.Generate([]noise.Source{source(), other}, heldoutb.Options{Seed: seed, Variants: 30})
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) != 0 || len(docs) != 30 {
		t.Fatalf("Generate: %d docs, skipped %v; want 30 docs of the held-out B page only", len(docs), skipped)
	}
	return docs
}

// allText is a naive scraper: every text node of the page, hidden or not.
func allText(t *testing.T, page []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for n := range doc.Descendants() {
		if n.Type == html.TextNode && (n.Parent == nil || (n.Parent.Data != "script" && n.Parent.Data != "style")) {
			b.WriteString(n.Data + "\n")
		}
	}
	return b.String()
}

// TestGenerate: held-out B is deterministic for a seed and varies with
// it, injects every kind, keeps the body, and every item it records is in
// the page.
func TestGenerate(t *testing.T) {
	docs := generate(t, 1)
	if again := generate(t, 1); !reflect.DeepEqual(docs, again) {
		t.Error("Generate is not deterministic for a seed")
	}
	if other := generate(t, 2); bytes.Equal(docs[0].Noisy, other[0].Noisy) {
		t.Error("seeds 1 and 2 give the same page")
	}
	kinds := map[string]int{}
	for _, d := range docs {
		for k, n := range d.Items.Kinds {
			kinds[k] += n
		}
		text := allText(t, d.Noisy)
		for _, p := range strings.Split(body, "\n") {
			for _, w := range strings.Fields(p) {
				if !strings.Contains(text, w) {
					t.Errorf("%s: body word %q lost", d.ID, w)
				}
			}
		}
		for _, it := range append(d.Items.Spam, d.Items.Boilerplate...) {
			if !strings.Contains(text, it.Text) {
				t.Errorf("%s: %s item %q not in the page", d.ID, it.Kind, it.Text)
			}
		}
		for _, g := range d.Items.Glyphs {
			if !strings.Contains(string(d.Noisy), g.Text) {
				t.Errorf("%s: glyph %q not in the page", d.ID, g.Text)
			}
		}
	}
	for _, k := range []string{noise.KindSpamLine, noise.KindLinkFarm, noise.KindHiddenSpam, noise.KindSpamAnchor, noise.KindSpamSentence,
		noise.KindSidebar, noise.KindInlineRelate, noise.KindBodyGlyph, noise.KindCaption, noise.KindFileName, noise.KindLeadRepeat, noise.KindWidget} {
		if kinds[k] < 5 {
			t.Errorf("kind %s injected %d times in 30 pages, want at least 5", k, kinds[k])
		}
	}
}

// TestMeasured: package leftover measures held-out B as it does the
// halves: a perfect cleaner leaves nothing, a naive scraper leaves all of
// every kind of spam and boilerplate.
func TestMeasured(t *testing.T) {
	docs := generate(t, 3)
	var perfect, raw []leftover.DocFigures
	for _, d := range docs {
		perfect = append(perfect, leftover.Measure(d, d.Body, d.Body))
		raw = append(raw, leftover.Measure(d, allText(t, d.Noisy), d.Body))
	}
	p, r := leftover.Summarise(perfect), leftover.Summarise(raw)
	if p.SpamLeft != 0 || p.BoilerplateLeft != 0 || p.DupsLeft != 0 || p.GlyphsLeft != 0 || p.Noisy.R != 1 {
		t.Errorf("perfect cleaner: %s", fmt.Sprint(p.SpamLeft, p.BoilerplateLeft, p.DupsLeft, p.GlyphsLeft, p.Noisy.R))
	}
	for k, tally := range r.ByKind {
		if (k.Category == "spam" || k.Category == "boilerplate") && tally.Left != tally.Injected {
			t.Errorf("naive scraper: %s %s: left %d of %d, want all", k.Category, k.Kind, tally.Left, tally.Injected)
		}
	}
	// A caption's copy in an img alt or title is not text: of the
	// duplicates only the lead's copies are all in the naive text.
	if l := r.ByKind[leftover.KindKey{Category: "duplicates", Kind: noise.KindLeadRepeat}]; l.Injected == 0 || l.Left != l.Injected {
		t.Errorf("naive scraper: lead copies left %d of %d, want all", l.Left, l.Injected)
	}
	if c := r.ByKind[leftover.KindKey{Category: "duplicates", Kind: noise.KindCaption}]; c.Left*3 < c.Injected {
		t.Errorf("naive scraper: caption copies left %d of %d, want a third or more", c.Left, c.Injected)
	}
	if r.Noisy.P > 0.6 {
		t.Errorf("naive scraper: precision %.2f, want it low", r.Noisy.P)
	}
}
