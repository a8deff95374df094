package hidden

import (
	"slices"
	"testing"

	"github.com/coregx/ahocorasick"
	"github.com/winnowhq/winnow/internal/domtext"
)

func TestBy(t *testing.T) {
	for _, c := range []struct {
		style, want string
	}{
		{"display:none", "display:none"},
		{"position:absolute;left:-600px", "off-screen"},
		{"position:absolute;left:-40em", "off-screen"},
		{"transform:translateX(-9999px)", "off-screen"},
		{"text-indent:-100%", "off-screen"},
		{"width:1px;height:1px;overflow:hidden", "tiny box, overflow hidden"},
		{"position:absolute;clip:rect(1px, 1px, 1px, 1px)", "clipped"},
		{"clip-path: inset(50%)", "clipped"},
		{"color:#FEFEFE;background-color:#fff", "text colour = background"},
		{"color:rgb(250,250,250);background:#fff url(x.png)", "text colour = background"},
		{"color:transparent", "transparent text"},
		{"font:0/0 a", "font:0/0 a"},
		// Visible boxes.
		{"margin-left:-20px", ""},
		{"left:-;transform:translate(-);background: ;color:#fff", ""},
		{"color:#333;background-color:#fff", ""},
		{"transform:translateX(-50%)", ""},
		{"clip:auto", ""},
		{"font:12px/1.4 sans-serif", ""},
	} {
		if got := by(domtext.ParseStyle(c.style)); got != c.want {
			t.Errorf("by(%q) = %q, want %q", c.style, got, c.want)
		}
	}
}

// FuzzBy: reading any declarations never panics.
func FuzzBy(f *testing.F) {
	for _, s := range []string{"left:-", "transform:translate(-", "color:#fff;background: ", "clip:rect(", "font:0/0 a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		by(domtext.ParseStyle(s))
		ParseSheet(".x{" + s + "}")
	})
}

// acHideStarts is the reference for hideStarts: the starts of every match
// of an automaton of hideWords, overlapping ones too, in order.
func acHideStarts(t testing.TB, css string) []int {
	ac, err := ahocorasick.NewBuilder().AddStrings(hideWords).Build()
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	for _, m := range ac.FindAllOverlapping([]byte(css)) {
		out = append(out, m.Start)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestHideStarts holds hideStarts to an automaton of hideWords, and the
// written-out words to colonHides and bareHideWords.
func TestHideStarts(t *testing.T) {
	var words []string
	for _, h := range colonHides {
		for _, v := range h.values {
			words = append(words, h.prop+":"+v, h.prop+": "+v)
		}
	}
	words = append(words, bareHideWords...)
	if a, b := slices.Sorted(slices.Values(words)), slices.Sorted(slices.Values(hideWords)); !slices.Equal(a, b) {
		t.Fatalf("hide words %q, written out %q", a, b)
	}
	for _, css := range []string{
		"",
		":",
		"display:",
		".a{display:none}.b{display: none;visibility:hidden}",
		"@media print{.x{font-size: 0;opacity:0.5}} .y{margin-left:-3px;text-indent: -99em}",
		".clip-path{clip:rect(0 0 0 0);transform:translate(-50%) scale(0)} .t{color:transparent}",
		".h{max-height:0;height:1px;width: 0;min-width:1px;font:0/0 a;font: 0}",
		"a:hover{top:-1px;right: -2px;bottom:-3px;left: -4px} translatetransparentclipclip",
		"display:nonedisplay: none  display:  none height:0height:1pxfont-size:0",
	} {
		if got, want := hideStarts(css), acHideStarts(t, css); !slices.Equal(got, want) {
			t.Errorf("hideStarts(%q) = %v, want %v", css, got, want)
		}
	}
}

// FuzzHideStarts: hideStarts finds what an automaton of hideWords finds.
func FuzzHideStarts(f *testing.F) {
	for _, s := range []string{".a{display:none}", "left: -1px;clip", "font:0 height:1px translate transparent"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, css string) {
		if got, want := hideStarts(css), acHideStarts(t, css); !slices.Equal(got, want) {
			t.Errorf("hideStarts(%q) = %v, want %v", css, got, want)
		}
	})
}
