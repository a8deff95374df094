package adjust

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/block"
	"golang.org/x/net/html"
)

// texts joins the blocks' texts with "|".
func texts(bs []block.Block) string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.Text
	}
	return strings.Join(out, "|")
}

// A product page showing little of its schema.org description gets it
// first; one showing it, or showing more than it, is left alone.
func TestDescribe(t *testing.T) {
	desc := `<h4>DARKER ROAST</h4><p>Meet the bold dark roast that has your back all day long, a balanced blend of arabica and robusta beans.</p><ul><li>Fair Trade</li><li>Organic</li></ul>`
	doc, err := html.Parse(strings.NewReader(`<script type="application/ld+json">{"@graph":[{"@type":"Organization","description":"A coffee company with a very long description of itself that is not the product at all, really not."},` +
		`{"@type":"Product","name":"Dark Roast","description":` + strconvQuote(desc) + `}]}</script><p>Shop</p>`))
	if err != nil {
		t.Fatal(err)
	}
	got := ProductDescription(doc)
	if got != desc {
		t.Fatalf("ProductDescription = %q, want %q", got, desc)
	}
	thin := []block.Block{{Kind: block.KindParagraph, Text: "LET'S DRINK COFFEE"}}
	out, ok := Describe(got, thin)
	if want := "DARKER ROAST|Meet the bold dark roast that has your back all day long, a balanced blend of arabica and robusta beans.|Fair Trade|Organic|LET'S DRINK COFFEE"; !ok || texts(out) != want {
		t.Errorf("Describe(thin) = %q, %v; want %q, true", texts(out), ok, want)
	}
	shown := []block.Block{{Kind: block.KindParagraph, Text: "Meet the bold dark roast that has your back all day long, a balanced blend of arabica and robusta beans. Fair Trade, Organic."}}
	if out, ok := Describe(got, shown); ok || len(out) != 1 {
		t.Errorf("Describe(shown) = %q, %v; want it unchanged", texts(out), ok)
	}
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestName(t *testing.T) {
	body := []block.Block{{Kind: block.KindParagraph, Text: "A skillet cast in one piece."}}
	out, ok := Name("Lodge 12\" Cast Iron Skillet", body)
	if !ok || len(out) != 2 || out[0].Kind != block.KindHeading || out[0].Text != "Lodge 12\" Cast Iron Skillet" {
		t.Errorf("name not put first: %v %+v", ok, out)
	}
	held := append([]block.Block{{Kind: block.KindHeading, Level: 1, Text: "Lodge 12\"  cast iron skillet"}}, body...)
	if out, ok := Name("Lodge 12\" Cast Iron Skillet", held); ok || len(out) != 2 {
		t.Errorf("name added twice: %+v", out)
	}
	if _, ok := Name("  ", body); ok {
		t.Error("empty name added")
	}
}
