package noise_test

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/noise"
	"github.com/winnowhq/winnow/bench/noise/heldoutb"
	"github.com/winnowhq/winnow/internal/domtext"
)

// TestHeldOutBDisjoint fails when any pool item of held-out B (package
// heldoutb: a word, phrase, class, label, brand slot, TLD, file name
// pattern, glyph range) is in either half of package noise, when one of
// its spam languages is a spam language of either half, and when any of
// its template shapes (spam lines, glued links, link farms, headings,
// inline related lines, sidebars, widgets, hosts) or what one of its
// hiding techniques writes (the page, or any CSS declaration) is one of
// either half's. It compares the halves programmatically: nobody needs to
// read the held-out pool files.
func TestHeldOutBDisjoint(t *testing.T) {
	b, err := heldoutb.Read()
	if err != nil {
		t.Fatal(err)
	}
	samples, err := heldoutb.Samples(1)
	if err != nil {
		t.Fatal(err)
	}
	mine := stringsOf(reflect.ValueOf(b))
	if len(mine) < 300 {
		t.Fatalf("held-out B has %d strings, want its whole pool (at least 300)", len(mine))
	}
	for _, h := range half.All {
		w := noise.HalfWords(t, h)
		theirs := map[string]bool{}
		for _, s := range stringsOf(reflect.ValueOf(w)) {
			theirs[fold(s)] = true
		}
		for _, s := range mine {
			if theirs[fold(s)] {
				t.Errorf("%s: held-out B's %q is in its pools", h, s)
			}
		}
		for l := range b.Spam.Phrases {
			if _, ok := w.Spam.Phrases[l]; ok {
				t.Errorf("%s: held-out B's spam language %s is one of its spam languages", h, l)
			}
		}
		for _, g := range b.Glyphs.Blocks {
			for _, o := range w.Glyphs.Blocks {
				if g.From <= o.Hi && o.Lo <= g.To {
					t.Errorf("%s: held-out B's glyph block %s overlaps its %s", h, g.Name, o.Name)
				}
			}
		}
		checkMarkup(t, h, noise.MarkupOf(t, h), samples)
	}
}

// checkMarkup compares held-out B's samples with one half's markup.
func checkMarkup(t *testing.T, h half.Half, m noise.HalfMarkup, samples []heldoutb.Sample) {
	t.Helper()
	theirDecls := map[string]string{}
	for w, name := range m.HideWrites {
		for _, d := range declarations(w) {
			theirDecls[d] = name
		}
	}
	for _, s := range samples {
		var key string
		switch s.Pool {
		case "spam line", "glued link", "link farm":
			key = s.Pool + " " + noise.ShapeOf(s.Node)
		case "heading", "inline related", "sidebar", "widget":
			key = s.Pool + " " + noise.StructOf(s.Node)
		case "host":
			if slices.Contains(m.Hosts, s.Node.Data) {
				t.Errorf("%s: held-out B's host shape %s is one of its", h, s.Node.Data)
			}
			continue
		case "hiding":
			var b strings.Builder
			if err := html.Render(&b, s.Node); err != nil {
				t.Fatal(err)
			}
			// What a half's technique writes is its box, then the head.
			body := domtext.First(s.Node, atom.Body)
			for n := body.FirstChild.NextSibling; n != nil; n = n.NextSibling {
				var nb strings.Builder
				if err := html.Render(&nb, n); err != nil {
					t.Fatal(err)
				}
				for w, name := range m.HideWrites {
					if box, _, _ := strings.Cut(w, "<head>"); box == nb.String() {
						t.Errorf("%s: held-out B's hiding technique %s writes %s, as its %s does", h, s.Name, box, name)
					}
				}
			}
			for _, d := range declarations(b.String()) {
				if name, ok := theirDecls[d]; ok {
					t.Errorf("%s: held-out B's hiding technique %s writes %s, as its %s does", h, s.Name, d, name)
				}
			}
			if slices.Contains(m.HideNames, s.Name) {
				t.Errorf("%s: held-out B's hiding technique %s is one of its", h, s.Name)
			}
			continue
		default:
			t.Fatalf("unknown sample pool %q", s.Pool)
		}
		if m.Shapes[key] {
			t.Errorf("%s: held-out B's %s is one of its", h, key)
		}
		if s.Pool == "sidebar" && slices.Contains(m.SidebarNames, s.Name) {
			t.Errorf("%s: held-out B's sidebar shape %s is one of its", h, s.Name)
		}
	}
}

// TestDeclarations: the CSS declarations of a rendered page, from style
// attributes and style sheets, lower-cased without spaces.
func TestDeclarations(t *testing.T) {
	got := declarations(`<div style="Display: none; color:#FFF"></div><style>@media screen{#a{font-size:0 !important}}.b{left:-9px}</style>`)
	want := []string{"display:none", "color:#fff", "font-size:0!important", "left:-9px"}
	if !slices.Equal(got, want) {
		t.Errorf("declarations = %q, want %q", got, want)
	}
}

var (
	styleAttr = regexp.MustCompile(`style="([^"]*)"`)
	ruleBody  = regexp.MustCompile(`\{([^{}]*)\}`)
)

// declarations lists the CSS declarations a rendered page writes.
func declarations(page string) []string {
	var out []string
	add := func(block string) {
		for _, d := range strings.Split(block, ";") {
			if d = strings.ToLower(strings.Join(strings.Fields(d), "")); d != "" {
				out = append(out, d)
			}
		}
	}
	for _, m := range styleAttr.FindAllStringSubmatch(page, -1) {
		add(m[1])
	}
	for _, m := range ruleBody.FindAllStringSubmatch(page, -1) {
		add(m[1])
	}
	return out
}

// stringsOf collects every string in v: fields, slices and map values
// (map keys are languages and slot names, compared by the language check
// or not shown).
func stringsOf(v reflect.Value) []string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return stringsOf(v.Elem())
	case reflect.String:
		if v.String() == "" {
			return nil
		}
		return []string{v.String()}
	case reflect.Struct:
		var out []string
		for i := range v.NumField() {
			// A widget's or glyph block's name and a widget's markup
			// name what they are, not what a page shows.
			if f := v.Type().Field(i).Name; f != "Name" && f != "Markup" {
				out = append(out, stringsOf(v.Field(i))...)
			}
		}
		return out
	case reflect.Slice, reflect.Array:
		var out []string
		for i := range v.Len() {
			out = append(out, stringsOf(v.Index(i))...)
		}
		return out
	case reflect.Map:
		var out []string
		for _, k := range v.MapKeys() {
			out = append(out, stringsOf(v.MapIndex(k))...)
		}
		return out
	}
	return nil
}

func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// TestHeldOutBBlockShapes fails when a block held-out B inserts (a copy
// of the lead, a doubled caption, a leaked file name, a widget, an inline
// related line, a sidebar, a visible spam line) has the shape, elements
// and attribute names, of a block either half inserts for the same kind.
// These templates are not pooled in package noise (both halves share
// inject.go's), so both generators' pages are compared: 40 variants each
// of the generator's test page.
func TestHeldOutBBlockShapes(t *testing.T) {
	src := noise.TestSource()
	src.Half = half.HeldOutB
	docs, _, err := heldoutb.Generate([]noise.Source{src}, heldoutb.Options{Seed: 1, Variants: 40})
	if err != nil {
		t.Fatal(err)
	}
	mine := blockShapes(t, docs)
	if len(mine) < 30 {
		t.Fatalf("held-out B: %d block shapes, want at least 30", len(mine))
	}
	for _, h := range half.All {
		src.Half = h
		docs, _, err := noise.Generate([]noise.Source{src}, noise.Options{Half: h, Seed: 1, Variants: 40})
		if err != nil {
			t.Fatal(err)
		}
		for s := range blockShapes(t, docs) {
			if mine[s] {
				t.Errorf("%s: held-out B inserts %s as it does", h, s)
			}
		}
	}
}

// blockShapes returns "kind shape" keys for the blocks that hold docs'
// injected items: for each item, the elements of the noisy page that hold
// its text are walked up to the child of the first ancestor that holds two
// body paragraphs or more; the shapes (StructOf) found more often in the
// noisy page than in the clean page are the injected blocks'.
func blockShapes(t *testing.T, docs []noise.Doc) map[string]bool {
	t.Helper()
	kinds := []string{noise.KindLeadRepeat, noise.KindCaption, noise.KindFileName, noise.KindWidget, noise.KindInlineRelate, noise.KindSidebar, noise.KindSpamLine}
	out := map[string]bool{}
	for _, d := range docs {
		noisy, clean := parse(t, d.Noisy), parse(t, d.Clean)
		lines := strings.Split(d.Body, "\n")
		var items []noise.Item
		for _, it := range append(d.Items.Spam, d.Items.Boilerplate...) {
			if slices.Contains(kinds, it.Kind) {
				items = append(items, it)
			}
		}
		for _, dup := range d.Items.Dups {
			items = append(items, noise.Item{Text: dup.Text, Kind: dup.Kind})
		}
		// A copy of the lead holds the glyphs and links glued to it; the
		// clean page holds the lead without them.
		var glued []string
		for _, g := range d.Items.Glyphs {
			glued = append(glued, g.Text, "")
		}
		for _, sp := range d.Items.Spam {
			if sp.Kind == noise.KindSpamAnchor {
				glued = append(glued, sp.Text, "")
			}
		}
		unglue := strings.NewReplacer(glued...)
		for _, it := range items {
			n := tops(noisy, it.Text, lines)
			for s, c := range tops(clean, strings.Join(strings.Fields(unglue.Replace(it.Text)), " "), lines) {
				n[s] -= c
			}
			for s, c := range n {
				if c > 0 {
					out[it.Kind+" "+s] = true
				}
			}
		}
	}
	return out
}

func parse(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// tops counts, by shape, the blocks of doc that hold text (see
// blockShapes).
func tops(doc *html.Node, text string, lines []string) map[string]int {
	holds := func(n *html.Node, s string) bool {
		return strings.Contains(strings.Join(strings.Fields(domtext.AllText(n)), " "), s)
	}
	out := map[string]int{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || !holds(n, text) {
			continue
		}
		inner := false
		for c := n.FirstChild; c != nil && !inner; c = c.NextSibling {
			inner = c.Type == html.ElementNode && holds(c, text)
		}
		if inner {
			continue
		}
		for n.Parent != nil && n.Parent.Type == html.ElementNode {
			body := 0
			for _, l := range lines {
				if holds(n.Parent, l) {
					body++
				}
			}
			if body >= 2 {
				break
			}
			n = n.Parent
		}
		out[noise.StructOf(n)]++
	}
	return out
}
