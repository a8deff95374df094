package block

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/textnorm"
	"golang.org/x/net/html"
)

// collapseParts must equal Collapse of the joined parts, also when a
// character's bytes are split between two parts.
func TestCollapseParts(t *testing.T) {
	tests := [][]string{
		nil,
		{"  one  "},
		{"Hello, ", " <b>", "world", "!\u00a0 "},
		{"caf\xc3", "\xa9 au lait"},
		{"a\u200b", "\u200bb", " \n", "c"},
		{"\xe2\x82", "\xac", "10"},
	}
	for _, parts := range tests {
		want := textnorm.Collapse(strings.Join(parts, ""))
		if got := collapseParts(parts); got != want {
			t.Errorf("collapseParts(%q) = %q, want %q", parts, got, want)
		}
	}
}

// Inline items side by side show apart though nothing spaces them; a word
// split by markup, and spans in code, stay whole.
func TestFromHTMLSeparatesItems(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"links", `<p><a href="/a">Alpha</a><a href="/b">Beta</a></p>`, "Alpha Beta"},
		{"label and count", `<div><label>Actuators</label><span>168</span></div>`, "Actuators 168"},
		{"title and year", `<p><span>Title</span><span>2026</span><span>1h 54m</span></p>`, "Title 2026 1h 54m"},
		{"drop cap", `<p><span class="cap">T</span>he story</p>`, "The story"},
		{"emphasis", `<p>un<b>believ</b><i>able</i></p>`, "unbelievable"},
		{"code", `<p><code><span>fmt</span><span>.Println</span></code></p>`, "fmt.Println"},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range FromHTML(doc) {
			got = append(got, b.Text)
		}
		if s := strings.Join(got, "\n"); s != tt.want {
			t.Errorf("%s: FromHTML(%q) = %q, want %q", tt.name, tt.in, s, tt.want)
		}
	}
}

// TestHasPrefixFold: as strings.HasPrefix of the lower-cased text.
func TestHasPrefixFold(t *testing.T) {
	for _, s := range []string{"javascript:void(0)", "JavaScript:go()", "JAVASCRIPT:", "javascript", "/javascript:x", "", "javaſcript:x", "\u212aavascript:"} {
		if got, want := textnorm.LowerHasPrefix(s, "javascript:"), strings.HasPrefix(strings.ToLower(s), "javascript:"); got != want {
			t.Errorf("LowerHasPrefix(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestFromHTMLSkipTable: a data table the skip function names is left out
// like any other element, not rendered row by row.
func TestFromHTMLSkipTable(t *testing.T) {
	in := `<p>Before the table.</p><table class="x"><tr><th>Kit</th><th>Price</th></tr><tr><td>Small</td><td>$29</td></tr><tr><td>Large</td><td>$74</td></tr></table><p>After it.</p>`
	doc, err := html.Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, skipTables := range []bool{false, true} {
		var got []string
		for _, b := range FromHTMLSkip(doc, func(n *html.Node) bool { return skipTables && n.Data == "table" }) {
			got = append(got, b.Text)
		}
		if s := strings.Join(got, "\n"); strings.Contains(s, "Small") == skipTables || !strings.Contains(s, "After it.") {
			t.Errorf("skip tables %v: %q", skipTables, s)
		}
	}
}
