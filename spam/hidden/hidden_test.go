package hidden

import (
	"testing"

	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
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
		{"opacity:0%", "opacity:0"},
		{"filter:opacity(0)", "opacity:0"},
		{"content-visibility:hidden", "content-visibility:hidden"},
		{"height:0;overflow:clip", "tiny box, overflow hidden"},
		{"max-height:0;overflow-y:hidden", "tiny box, overflow hidden"},
		{"transform:scaleY(0)", "transform:scale(0)"},
		{"transform:scale(0, 0)", "transform:scale(0)"},
		{"scale:0", "transform:scale(0)"},
		{"color:rgba(0,0,0,0)", "transparent text"},
		{"color:rgb(10 10 10 / 0%)", "transparent text"},
		{"color:#11223300", "transparent text"},
		// Visible boxes.
		{"opacity:0.9", ""},
		{"filter:opacity(50%)", ""},
		{"transform:scale(0.5)", ""},
		{"transform:scaleX(1)", ""},
		{"color:rgba(0,0,0,0.8)", ""},
		{"color:#112233ff", ""},
		{"overflow-y:hidden;width:0", ""},
		{"margin-left:-20px", ""},
		{"left:-;transform:translate(-);background: ;color:#fff", ""},
		{"color:#333;background-color:#fff", ""},
		{"transform:translateX(-50%)", ""},
		{"clip:auto", ""},
		{"font:12px/1.4 sans-serif", ""},
		// One pixel hides; one em, rem or percent is a line of text.
		{"font-size:1px", "font-size:1px"},
		{"font-size:0.0em", "font-size:0.0em"},
		{"font-size:1rem", ""},
		{"height:1em;overflow:hidden", ""},
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

// TestConceals: off-screen, transparent and background-coloured text is
// concealed; toggled, faded, scaled, truncated, clipped (screen readers')
// and zero-font (inline-block gaps) boxes are not.
func TestConceals(t *testing.T) {
	for style, want := range map[string]bool{
		"position:absolute;left:-9999px": true, "color:transparent": true, "color:#fff;background:#ffffff": true,
		"display:none": false, "visibility:hidden": false, "opacity:0": false, "transform:scale(0)": false,
		"height:0;overflow:hidden": false, "position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden": false,
		"font-size:0": false,
	} {
		why := by(domtext.ParseStyle(style))
		if got := Conceals(why); got != want {
			t.Errorf("Conceals(%q, of %q) = %v, want %v", why, style, got, want)
		}
	}
}

// TestSheetAttrs pins how an attribute selector, with or without a value
// (one that holds "=" too), names the elements it hides.
func TestSheetAttrs(t *testing.T) {
	sh := ParseSheet(`[data-ad]{display:none} [data-q="a=b"]{display:none} p[title=x]{visibility:hidden}`)
	for _, c := range []struct {
		key, val string
		hidden   bool
	}{
		{"data-ad", "", true},
		{"data-ad", "anything", true},
		{"data-q", "a=b", true},
		{"data-q", "a", false},
		{"data-q", "b", false},
		{"title", "x", true},
		{"title", "y", false},
		{"title", "x ", false},
		{"class", "data-ad", false},
	} {
		n := &html.Node{Type: html.ElementNode, Data: "p", Attr: []html.Attribute{{Key: c.key, Val: c.val}}}
		if got := sh.Hides(n) != ""; got != c.hidden {
			t.Errorf("%s=%q: hidden %v, want %v (%q)", c.key, c.val, got, c.hidden, sh.Hides(n))
		}
	}
}
