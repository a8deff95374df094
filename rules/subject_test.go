package rules

import (
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"github.com/winnowhq/winnow/internal/fixture/seeds"
	"github.com/winnowhq/winnow/internal/subject"
	"golang.org/x/net/html"
)

// TestSubjectsSound checks, on every element of the fixture pages, that no
// element a selector matches is ruled out by its subjects: the prefilter may
// only skip work, never matches.
func TestSubjectsSound(t *testing.T) {
	sels := []string{".wp-caption-text, .image-caption", "figcaption, .a", "h2, h3, h4, p, div, span", "a[href]", "a", "figcaption, .wp-caption-text, .image-caption",
		`nav, [role="navigation"]`, "ul, ol", "div, section, aside", "div > p", "li a", "[data-x]", "#main p", ".a.b"}
	rs := builtin(t)
	for _, r := range rs.Rules() {
		if r.match.Elem.SelectorSrc != "" {
			sels = append(sels, r.match.Elem.SelectorSrc)
		}
	}
	pages := seeds.Files(t, "../fixtures/*/input.html")
	// Class lists that a bare .class subject must read as cascadia does.
	const tricky = `<p class="a  wp-caption-text	b">x</p><p class="WP-CAPTION-TEXT">x</p><p class="wp-caption-textx">x</p>` +
		`<figcaption class="">x</figcaption><div class="image-caption">x</div><svg><a class="image-caption">x</a></svg>`
	pages = append(pages, seeds.File{Path: "tricky", Data: []byte(tricky)})
	checked := 0
	for _, p := range pages {
		doc, err := html.Parse(strings.NewReader(string(p.Data)))
		if err != nil {
			t.Fatal(err)
		}
		var all []*html.Node
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode {
				all = append(all, n)
			}
		}
		for _, src := range sels {
			sel := cascadia.MustCompile(src)
			sub := subject.Read(src)
			for _, n := range all {
				m := sel.Match(n)
				if m {
					checked++
					if !sub.Candidate(n) {
						t.Errorf("%s: %q matches <%s> but its subjects rule it out", p.Path, src, n.Data)
					}
				}
				if sub.Exact() && sub.Candidate(n) != m {
					t.Errorf("%s: %q is exact but its subjects say %v for <%s>, the selector %v", p.Path, src, sub.Candidate(n), n.Data, m)
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d matches checked", checked)
	}
}
