package vocab

import (
	"strings"
	"testing"
)

var markups = []string{"box", "form", "links"}

// TestRead: both halves read, and a widget markup outside markups is an
// error.
func TestRead(t *testing.T) {
	for _, h := range []string{"tuning", "held-out"} {
		w, err := Read(h, markups)
		if err != nil {
			t.Fatal(err)
		}
		if len(w.Spam.BrandStems) == 0 || len(w.Widgets.ByLang) == 0 || len(w.Glyphs.Blocks) == 0 {
			t.Errorf("%s: empty lists: %+v", h, w)
		}
	}
	if _, err := Read("tuning", []string{"box"}); err == nil || !strings.Contains(err.Error(), "bench/noise/vocab/tuning.yaml:") {
		t.Errorf("Read with one markup: %v, want an unknown-markup error at tuning.yaml:line", err)
	}
}

// TestVocabErrors: a vocabulary file is read strictly, every problem at its
// file:line.
func TestVocabErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"spam:\n  brand-stem: [tk]\n", `v.yaml:2:3: unknown key "brand-stem" in spam`},
		{"spam:\n  tlds: [.com]\n  tlds: [.net]\n", `v.yaml:3:3: duplicate key "tlds" in spam`},
		{"spam:\n  tlds: .com\n", "v.yaml:2:9: spam tlds: expected a list"},
		{"spam:\n  random-digits: [500, 10]\n", "v.yaml:2:18: random-digits: want lo < hi"},
		{"widgets:\n  by-lang:\n    en:\n      - {name: x, markup: popup, classes: [a], texts: [b]}\n", `v.yaml:4:27: unknown widget markup "popup"`},
		{"glyphs:\n  blocks:\n    - {name: x, from: 0x2700, to: zz}\n", "v.yaml:3:35: code point"},
		{"sidebar:\n  headlines:\n    langs: [en]\n", `v.yaml:2:3: sidebar: missing key "classes"`},
		{"article: [\n", "v.yaml:2:1: bad YAML"},
	} {
		_, err := Parse("v.yaml", []byte(c.src), markups)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q) = %v, want an error with %q", c.src, err, c.want)
		}
	}
	// A whole file whose headline languages include one without words.
	data, err := files.ReadFile("tuning.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "langs: [en, en, vi, id, th, es]", "langs: [en, xx]", 1)
	want := `v.yaml:6:1: sidebar headlines: language "xx" has neither`
	if _, err := Parse("v.yaml", []byte(src), markups); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Parse: %v, want an error with %q", err, want)
	}
}
