package adjust

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/block"
	"golang.org/x/net/html"
)

// A content of a few words gets the page's description first; an empty
// one, a longer one, one already holding the description, or a
// description no longer than the content is left alone.
func TestSummary(t *testing.T) {
	desc := "Desks for standing and sitting, built to last and shipped in two days."
	para := func(s string) block.Block { return block.Block{Kind: block.KindParagraph, Text: s} }
	crumbs := []block.Block{para("Home"), para("Desks"), para("Menu")}
	long := []block.Block{para("One two three four five six seven eight nine ten eleven.")}
	for _, tc := range []struct {
		name   string
		desc   string
		blocks []block.Block
		want   string
		ok     bool
	}{
		{"breadcrumb", desc, crumbs, desc + "|Home|Desks|Menu", true},
		{"empty", desc, nil, "", false},
		{"eleven words", desc, long, texts(long), false},
		{"held", desc, []block.Block{para("Shop: " + strings.ToUpper(desc))}, "Shop: " + strings.ToUpper(desc), false},
		{"shorter description", "Desks", crumbs, "Home|Desks|Menu", false},
		{"no description", "  ", crumbs, "Home|Desks|Menu", false},
	} {
		out, ok := Summary(tc.desc, tc.blocks)
		if ok != tc.ok || texts(out) != tc.want {
			t.Errorf("%s: Summary = %q, %v; want %q, %v", tc.name, texts(out), ok, tc.want, tc.ok)
		}
	}
}

func TestMetaDescription(t *testing.T) {
	for _, tc := range []struct{ page, want string }{
		{`<head><meta property="og:description" content="og"><meta name="Description" content="the page"><meta name="description" content="second"></head><p>x</p>`, "the page"},
		{`<head><title>t</title></head><body><meta name="description" content="in the body"></body>`, ""},
		{`<p>no head</p>`, ""},
	} {
		doc, err := html.Parse(strings.NewReader(tc.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := MetaDescription(doc); got != tc.want {
			t.Errorf("MetaDescription(%q) = %q, want %q", tc.page, got, tc.want)
		}
	}
}
