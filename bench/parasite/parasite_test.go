package parasite

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/bench/half"
)

// TestPoolsDisjoint fails when a language, phrase, brand syllable or stem,
// host, TLD or URL parameter is in both halves.
func TestPoolsDisjoint(t *testing.T) {
	ps, err := poolsByHalf()
	if err != nil {
		t.Fatal(err)
	}
	a, b := ps[half.Tuning], ps[half.HeldOut]
	seen := map[string]string{}
	add := func(half, kind string, items ...string) {
		for _, it := range items {
			k := kind + ":" + strings.ToLower(it)
			if prev, ok := seen[k]; ok && prev != half {
				t.Errorf("%s %q is in both halves", kind, it)
			}
			seen[k] = half
		}
	}
	for _, x := range []struct {
		half string
		p    pools
	}{{"tuning", a}, {"held-out", b}} {
		for name, l := range x.p.langs {
			add(x.half, "language", name)
			add(x.half, "phrase", l.phrases...)
			add(x.half, "filler", l.filler...)
		}
		add(x.half, "syllable", x.p.syllable...)
		add(x.half, "stem", x.p.stems...)
		add(x.half, "host", x.p.hacked...)
		add(x.half, "tld", x.p.tlds...)
		add(x.half, "param", x.p.params...)
	}
	if len(a.langs) < 8 || len(b.langs) < 8 {
		t.Errorf("languages: %d tuning, %d held-out, want 8 or more each", len(a.langs), len(b.langs))
	}
}

// TestGenerate: pages carry their brand in the title and H1 region, a
// query-string URL and buttons to another host.
func TestGenerate(t *testing.T) {
	for _, h := range []half.Half{half.Tuning, half.HeldOut} {
		pages, err := Generate(h, 20, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(pages) != 20 {
			t.Fatalf("%v: %d pages", h, len(pages))
		}
		for _, p := range pages {
			if !strings.Contains(p.URL, "?") || !strings.Contains(p.HTML, "<title>") || !strings.Contains(p.HTML, "<h1") {
				t.Errorf("%v: page %s lacks its query, title or H1", h, p.URL)
			}
		}
	}
}

// TestReadPoolsErrors: a vocabulary file is read strictly, every problem
// at its file:line.
func TestReadPoolsErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"langs:\n  en: {phrases: [a], filler: [b]}\n", `v.yaml:2:7: language en: missing key "register"`},
		{"stem: [bet]\n", `v.yaml:1:1: unknown key "stem" in vocabulary`},
		{"tlds: [com]\ntlds: [net]\n", `v.yaml:2:1: duplicate key "tlds" in vocabulary`},
		{"params: []\n", "v.yaml:1:9: params: empty list"},
		{"langs: {}\n", "v.yaml:1:8: langs: no language"},
	} {
		if _, err := readPools("v.yaml", []byte(c.src)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("readPools(%q) = %v, want an error with %q", c.src, err, c.want)
		}
	}
}
