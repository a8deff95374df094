package legit

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/bench/half"
)

// TestPoolsDisjoint fails when a language, topic, title, subheading,
// sentence, brand, host, cited host, team or page shape is in both
// halves. (Interface labels belong to their language; two languages may
// share one, as Spanish and Portuguese share "Por".)
func TestPoolsDisjoint(t *testing.T) {
	ps, err := poolsByHalf()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]half.Half{}
	add := func(h half.Half, kind string, items ...string) {
		for _, it := range items {
			k := kind + ":" + strings.ToLower(it)
			if prev, ok := seen[k]; ok && prev != h {
				t.Errorf("%s %q is in both halves", kind, it)
			}
			seen[k] = h
		}
	}
	for _, h := range half.All {
		p := ps[h]
		for name, l := range p.langs {
			add(h, "language", name)
			for tn, tp := range l.topics {
				add(h, "topic", tn)
				add(h, "title", tp.titles...)
				add(h, "heading", tp.heads...)
				add(h, "sentence", tp.sentences...)
			}
		}
		add(h, "brand", p.brands...)
		add(h, "host", p.hosts...)
		add(h, "cited host", p.refHosts...)
		add(h, "team", p.teams...)
		for _, s := range p.shapes {
			add(h, "shape", s.name)
		}
	}
	for _, h := range half.All {
		p := ps[h]
		if len(p.langs) < 6 || len(p.shapes) < 4 {
			t.Errorf("%s: %d languages, %d shapes, want 6 and 4 or more", h, len(p.langs), len(p.shapes))
		}
		topics := map[string]bool{}
		for name, l := range p.langs {
			for tn, tp := range l.topics {
				topics[tn] = true
				if len(tp.titles) < 2 || len(tp.heads) < 3 || len(tp.sentences) < 5 {
					t.Errorf("%s: %s: topic %s: %d titles, %d headings, %d sentences, want 2, 3 and 5 or more", h, name, tn, len(tp.titles), len(tp.heads), len(tp.sentences))
				}
			}
		}
		for name, l := range p.langs {
			if len(l.topics) != len(topics) {
				t.Errorf("%s: %s has %d topics, the half %d", h, name, len(l.topics), len(topics))
			}
		}
	}
}

// TestGenerate: every page has its H1 and paragraphs among its blocks,
// each block's words are in the page, and every shape and language of
// the half is drawn.
func TestGenerate(t *testing.T) {
	for _, h := range half.All {
		pages, err := Generate(h, 120, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(pages) != 120 {
			t.Fatalf("%v: %d pages", h, len(pages))
		}
		shapes, langs := map[string]bool{}, map[string]bool{}
		for _, p := range pages {
			shapes[p.Shape], langs[p.Lang] = true, true
			if len(p.Blocks) < 4 || !strings.Contains(p.HTML, "<h1") {
				t.Errorf("%s: %d blocks, want an H1 and 3 more", p.ID, len(p.Blocks))
			}
			for _, b := range p.Blocks {
				for _, w := range strings.Fields(esc(b)) {
					if !strings.Contains(p.HTML, w) {
						t.Errorf("%s: block %q: word %q not in the page", p.ID, b, w)
						break
					}
				}
			}
		}
		ps, _ := poolsOf(h)
		if len(shapes) != len(ps.shapes) || len(langs) != len(ps.langs) {
			t.Errorf("%v: %d shapes and %d languages drawn, want %d and %d", h, len(shapes), len(langs), len(ps.shapes), len(ps.langs))
		}
	}
}

// TestReadPoolsErrors: a vocabulary file is read strictly, every problem
// at its file:line.
func TestReadPoolsErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"langs:\n  en: {labels: {by: By}, topics: {}}\n", `v.yaml:2:16: language en: labels: missing key "posted"`},
		{"brand: [x]\n", `v.yaml:1:1: unknown key "brand" in vocabulary`},
		{"teams: [a]\nteams: [b]\n", `v.yaml:2:1: duplicate key "teams" in vocabulary`},
		{"hosts: []\n", "v.yaml:1:8: hosts: empty list"},
		{"langs: {}\n", "v.yaml:1:8: langs: no language"},
	} {
		if _, err := readPools("v.yaml", []byte(c.src)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("readPools(%q) = %v, want an error with %q", c.src, err, c.want)
		}
	}
}
