package elemtext

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/fixture/seeds"
	"golang.org/x/net/html"
)

// TestCacheSound checks, on every element of the fixture pages and at
// several limits, that the shared entries (a wrapper shares its sole
// child's) read as domtext.Measure reads the element itself, and that an
// element indexed with no text bytes has no text.
func TestCacheSound(t *testing.T) {
	const inline = `<div> <!-- c --> <div><span>Related <b>news</b></span></div>
	</div><p>  <a href="/x"><span>link</span></a> </p><a href="/y"><span>only</span></a>` +
		`<div><script>var x = 1;</script></div><div>&#8203;<span>zero width</span></div>`
	shared := 0
	for name, doc := range fixtureDocs(t, inline) {
		all, lens := Index(doc)
		for _, limit := range []int{0, 448, 64} {
			texts := Cache{}
			for i, n := range all {
				want := domtext.Measure(n, limit)
				if lens[i] == 0 && (want.Text != "" || want.Chars != 0) {
					t.Errorf("%s: <%s> has no text bytes but text %q", name, n.Data, want.Text)
				}
				if soleChild(n) != nil {
					shared++
				}
				got := texts.Get(n, limit)
				long := want.Truncated || limit > 0 && len(want.Text) > limit
				switch {
				case got == nil && !long, got != nil && long:
					t.Errorf("%s: <%s> limit %d: got %v, Measure %q (truncated %v)", name, n.Data, limit, got, want.Text, want.Truncated)
				case got != nil && (got.Text != want.Text || got.Chars != want.Chars || got.LinkChars != want.LinkChars || got.Links != want.Links):
					t.Errorf("%s: <%s> limit %d: got %q %d/%d/%d, Measure %q %d/%d/%d", name, n.Data, limit,
						got.Text, got.Chars, got.LinkChars, got.Links, want.Text, want.Chars, want.LinkChars, want.Links)
				}
			}
		}
	}
	if shared == 0 {
		t.Error("no wrapper shared its child's text")
	}
}

// fixtureDocs parses the fixture pages and extra, an HTML snippet named
// "extra", by name.
func fixtureDocs(t *testing.T, extra string) map[string]*html.Node {
	t.Helper()
	srcs := map[string]string{"extra": extra}
	for _, p := range seeds.Files(t, "../../fixtures/*/input.html") {
		srcs[p.Path] = string(p.Data)
	}
	docs := map[string]*html.Node{}
	for name, src := range srcs {
		doc, err := html.Parse(strings.NewReader(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		docs[name] = doc
	}
	return docs
}
