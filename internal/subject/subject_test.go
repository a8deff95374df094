package subject

import (
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
		if s := Read(sel); s.exact != want {
			t.Errorf("Read(%q).exact = %v, want %v", sel, s.exact, want)
		}
	}
	for _, tc := range tests {
		s := Read(tc.sel)
		tags := s.names
		for _, a := range s.atoms {
			tags = append(tags, a.String())
		}
		if wantExact := !tc.any && tc.attrs == "" && !strings.ContainsAny(strings.ReplaceAll(tc.sel, ", ", ","), " >+~.#[:"); s.exact != wantExact {
			t.Errorf("Read(%q).exact = %v, want %v", tc.sel, s.exact, wantExact)
		}
		if s.any != tc.any || (!s.any && (strings.Join(tags, ",") != tc.tags || strings.Join(s.attrs, ",") != tc.attrs)) {
			t.Errorf("Read(%q) = any %v tags %v attrs %v; want any %v tags %s attrs %s", tc.sel, s.any, tags, s.attrs, tc.any, tc.tags, tc.attrs)
		}
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
	var all []*html.Node
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode {
			all = append(all, n)
		}
	}
	for _, s := range []string{"h2, h3", "a[href]", "div > p", ".a, #m", `[role="navigation"]`, "li a", ".c-d, my-el", ":is(p, a)", "p:first-child"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		sel, err := cascadia.Compile(src)
		if err != nil {
			return
		}
		sub := Read(src)
		for _, n := range all {
			m := sel.Match(n)
			if m && !sub.Candidate(n) {
				t.Errorf("%q matches <%s %v> but its subjects rule it out", src, n.Data, n.Attr)
			}
			if sub.exact && sub.Candidate(n) != m {
				t.Errorf("%q is exact but its subjects say %v for <%s %v>, the selector %v", src, sub.Candidate(n), n.Data, n.Attr, m)
			}
		}
	})
}
