package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
)

// TestElemTextsSound checks, on every element of the fixture pages and at
// several limits, that the shared entries (a wrapper shares its sole
// child's) read as domtext.Measure reads the element itself, and that an
// element indexed with no text bytes has no text.
func TestElemTextsSound(t *testing.T) {
	pages, _ := filepath.Glob("../../../fixtures/*/input.html")
	if len(pages) == 0 {
		t.Fatal("no fixture pages")
	}
	pages = append(pages, "inline")
	const inline = `<div> <!-- c --> <div><span>Related <b>news</b></span></div>
	</div><p>  <a href="/x"><span>link</span></a> </p><a href="/y"><span>only</span></a>` +
		`<div><script>var x = 1;</script></div><div>&#8203;<span>zero width</span></div>`
	shared := 0
	for _, p := range pages {
		b := []byte(inline)
		if p != "inline" {
			var err error
			if b, err = os.ReadFile(p); err != nil {
				t.Fatal(err)
			}
		}
		doc, err := html.Parse(strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		all, lens := indexElements(doc)
		for _, limit := range []int{0, 448, 64} {
			texts := elemTexts{}
			for i, n := range all {
				want := domtext.Measure(n, limit)
				if lens[i] == 0 && (want.Text != "" || want.Chars != 0) {
					t.Errorf("%s: <%s> has no text bytes but text %q", p, n.Data, want.Text)
				}
				if soleChild(n) != nil {
					shared++
				}
				got := texts.get(n, limit)
				long := want.Truncated || limit > 0 && len(want.Text) > limit
				switch {
				case got == nil && !long, got != nil && long:
					t.Errorf("%s: <%s> limit %d: got %v, Measure %q (truncated %v)", p, n.Data, limit, got, want.Text, want.Truncated)
				case got != nil && (got.text != want.Text || got.chars != want.Chars || got.linkChars != want.LinkChars || got.links != want.Links):
					t.Errorf("%s: <%s> limit %d: got %q %d/%d/%d, Measure %q %d/%d/%d", p, n.Data, limit,
						got.text, got.chars, got.linkChars, got.links, want.Text, want.Chars, want.LinkChars, want.Links)
				}
			}
		}
	}
	if shared == 0 {
		t.Error("no wrapper shared its child's text")
	}
}
