package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

func TestReadSubjects(t *testing.T) {
	tests := []struct {
		sel   string
		any   bool
		tags  string // sorted, comma-separated
		attrs string
	}{
		{"h2, h3", false, "h2,h3", ""},
		{"a[href]", false, "a", ""},
		{"figcaption, .wp-caption-text, #cap", false, "figcaption", "class,id"},
		{`nav, [role="navigation"]`, false, "nav", "role"},
		{"div.box > p + span ~ em", false, "em", ""},
		{"div p", false, "p", ""},
		{`div[title="a, b > c"] li`, false, "li", ""},
		{"p:nth-child(2n + 1)", false, "p", ""},
		{"*", true, "", ""},
		{":is(h1, h2)", true, "", ""},
		{"div, *", true, "", ""},
		{"svg|rect", true, "", ""},
		{"madeup", true, "", ""},
		{"my-widget", false, "my-widget", ""},
		{"DIV", false, "div", ""},
		{"div[", true, "", ""},
	}
	for sel, want := range map[string]bool{
		"figcaption, .wp-caption-text": true, ".a": true, "p, .b-c_d": true,
		".a.b": false, "p.a": false, ".a > p": false, "#x": false, ".a, #x": false,
	} {
		if s := readSubjects(sel); s.exact != want {
			t.Errorf("readSubjects(%q).exact = %v, want %v", sel, s.exact, want)
		}
	}
	for _, tc := range tests {
		s := readSubjects(tc.sel)
		tags := s.names
		for _, a := range s.atoms {
			tags = append(tags, a.String())
		}
		if wantExact := !tc.any && tc.attrs == "" && !strings.ContainsAny(strings.ReplaceAll(tc.sel, ", ", ","), " >+~.#[:"); s.exact != wantExact {
			t.Errorf("readSubjects(%q).exact = %v, want %v", tc.sel, s.exact, wantExact)
		}
		if s.any != tc.any || (!s.any && (strings.Join(tags, ",") != tc.tags || strings.Join(s.attrs, ",") != tc.attrs)) {
			t.Errorf("readSubjects(%q) = any %v tags %v attrs %v; want any %v tags %s attrs %s", tc.sel, s.any, tags, s.attrs, tc.any, tc.tags, tc.attrs)
		}
	}
}

// TestSubjectsSound checks, on every element of the fixture pages, that no
// element a selector matches is ruled out by its subjects: the prefilter may
// only skip work, never matches.
func TestSubjectsSound(t *testing.T) {
	sels := []string{".wp-caption-text, .image-caption", "figcaption, .a", "h2, h3, h4, p, div, span", "a[href]", "a", "figcaption, .wp-caption-text, .image-caption",
		`nav, [role="navigation"]`, "ul, ol", "div, section, aside", "div > p", "li a", "[data-x]", "#main p", ".a.b"}
	rs, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs.Rules() {
		if r.selectorSrc != "" {
			sels = append(sels, r.selectorSrc)
		}
	}
	pages, _ := filepath.Glob("../fixtures/*/input.html")
	if len(pages) == 0 {
		t.Fatal("no fixture pages")
	}
	// Class lists that a bare .class subject must read as cascadia does.
	const tricky = `<p class="a  wp-caption-text	b">x</p><p class="WP-CAPTION-TEXT">x</p><p class="wp-caption-textx">x</p>` +
		`<figcaption class="">x</figcaption><div class="image-caption">x</div><svg><a class="image-caption">x</a></svg>`
	pages = append(pages, "tricky")
	checked := 0
	for _, p := range pages {
		b := []byte(tricky)
		if p != "tricky" {
			var err error
			if b, err = os.ReadFile(p); err != nil {
				t.Fatal(err)
			}
		}
		doc, err := html.Parse(strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		all, _ := indexElements(doc)
		for _, src := range sels {
			sel := cascadia.MustCompile(src)
			sub := readSubjects(src)
			for _, n := range all {
				m := sel.Match(n)
				if m {
					checked++
					if !sub.candidate(n) {
						t.Errorf("%s: %q matches <%s> but its subjects rule it out", p, src, n.Data)
					}
				}
				if sub.exact && sub.candidate(n) != m {
					t.Errorf("%s: %q is exact but its subjects say %v for <%s>, the selector %v", p, src, sub.candidate(n), n.Data, m)
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d matches checked", checked)
	}
}

// FuzzSubjects: for any selector cascadia accepts, its subjects never rule
// out an element it matches, and exact subjects agree with it everywhere.
func FuzzSubjects(f *testing.F) {
	doc, err := html.Parse(strings.NewReader(`<div id="m" class="a b" role="navigation"><p class="wp-caption-text">x</p>` +
		`<a href="/x" class="A">y</a><ul><li><span class="c-d">z</span></li></ul><my-el class="b">w</my-el><svg><a class="a">v</a></svg></div>`))
	if err != nil {
		f.Fatal(err)
	}
	all, _ := indexElements(doc)
	for _, s := range []string{"h2, h3", "a[href]", "div > p", ".a, #m", `[role="navigation"]`, "li a", ".c-d, my-el", ":is(p, a)", "p:first-child"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		sel, err := cascadia.Compile(src)
		if err != nil {
			return
		}
		sub := readSubjects(src)
		for _, n := range all {
			m := sel.Match(n)
			if m && !sub.candidate(n) {
				t.Errorf("%q matches <%s %v> but its subjects rule it out", src, n.Data, n.Attr)
			}
			if sub.exact && sub.candidate(n) != m {
				t.Errorf("%q is exact but its subjects say %v for <%s %v>, the selector %v", src, sub.candidate(n), n.Data, n.Attr, m)
			}
		}
	})
}
