package heldoutb

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestParse: pools.yaml reads, and a broken pool is an error naming the
// file and the problem.
func TestParse(t *testing.T) {
	w, err := Read()
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Spam.Phrases) < 12 {
		t.Errorf("%d spam languages, want at least 12", len(w.Spam.Phrases))
	}
	for _, c := range []struct{ edit, want string }{
		{"  tlds:", "field tldz not found"},
		{"markup: dialog", `markup "popup" unknown`},
		{"'{drug} {dose}mg'", `no slot "pill"`},
		{"from: 0x1F800, to: 0x1F8B1", "from <= to"},
	} {
		from, to := c.edit, map[string]string{
			"  tlds:":                    "  tldz: [x]\n  tlds:",
			"markup: dialog":             "markup: popup",
			"'{drug} {dose}mg'":          "'{pill} {dose}mg'",
			"from: 0x1F800, to: 0x1F8B1": "from: 0x1F8B1, to: 0x1F800",
		}[c.edit]
		data := strings.Replace(string(poolsYAML), from, to, 1)
		if data == string(poolsYAML) {
			t.Fatalf("edit %q not applied", from)
		}
		_, err := parse([]byte(data))
		if err == nil || !strings.Contains(err.Error(), "bench/noise/heldoutb/pools.yaml") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("edit %q: error %v, want one naming pools.yaml and %q", from, err, c.want)
		}
	}
}

// TestExpand: slots, fixed names and digit runs.
func TestExpand(t *testing.T) {
	r := newRand(1)
	got := expand(r, "{a}-{b} {n3}!", map[string][]string{"a": {"x"}}, map[string]string{"b": "y"})
	if !strings.HasPrefix(got, "x-y ") || !strings.HasSuffix(got, "!") || len(got) != len("x-y 123!") {
		t.Errorf("expand = %q, want x-y, three digits, !", got)
	}
	for _, c := range got[4:7] {
		if !unicode.IsDigit(c) {
			t.Errorf("expand = %q: %q is not a digit", got, c)
		}
	}
}

// TestGlyphsAreNotLetters: every glyph is decoration, never a letter,
// number or mark of any script.
func TestGlyphsAreNotLetters(t *testing.T) {
	w, err := Read()
	if err != nil {
		t.Fatal(err)
	}
	in := &injector{r: newRand(2), w: w}
	for range 5000 {
		g := []rune(in.glyph("body-glyph"))[0]
		if unicode.IsLetter(g) || unicode.IsNumber(g) || unicode.IsMark(g) || unicode.IsSpace(g) {
			t.Fatalf("glyph %q (%U) is a letter, number, mark or space", g, g)
		}
	}
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x9e3779b9)) }
