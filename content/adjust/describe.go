package adjust

import (
	"encoding/json"
	"strings"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/textnorm"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Sizes that tell when a product page shows too little of its own
// description.
const (
	// describedWords: a chosen content of this many words or more is
	// left as it is, and the page's JSON-LD is not read.
	describedWords = 300
	// minDescription is the bytes a schema.org description needs to stand
	// for the product's text rather than a one-line summary.
	minDescription = 150
	// shownShare is the share of the description's words the chosen
	// content must hold to count as showing it.
	shownShare = 0.5
)

// Describe returns the blocks chosen as the content of a product page with
// desc, the product's schema.org description (ProductDescription), put
// first when the page shows too little of it: the chosen
// content is shorter than the description and holds less than half of its
// words. Shops whose scripts render the product's text serve it to
// crawlers there; what the page shows is then a gallery caption or a size
// picker. The description is rendered as HTML when it holds markup. ok
// says it was added.
func Describe(desc string, blocks []block.Block) (out []block.Block, ok bool) {
	if len(desc) < minDescription {
		return blocks, false
	}
	shown := 0
	for _, b := range blocks {
		shown += textnorm.Words(b.Text)
	}
	if shown >= describedWords {
		return blocks, false
	}
	var extra []block.Block
	if strings.Contains(desc, "<") {
		body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
		nodes, err := html.ParseFragment(strings.NewReader(desc), body)
		if err != nil {
			return blocks, false
		}
		for _, n := range nodes {
			body.AppendChild(n)
		}
		extra = block.FromHTML(body)
	} else {
		for line := range strings.SplitSeq(desc, "\n") {
			if t := textnorm.Collapse(html.UnescapeString(line)); t != "" {
				extra = append(extra, block.Block{Kind: block.KindParagraph, Text: t})
			}
		}
	}
	words := 0
	for _, b := range extra {
		words += textnorm.Words(b.Text)
	}
	if shown >= words || holdsWords(blocks, extra) >= shownShare {
		return blocks, false
	}
	return append(extra, blocks...), true
}

// holdsWords returns the share of the words of extra found among the words
// of blocks.
func holdsWords(blocks, extra []block.Block) float64 {
	have := map[string]bool{}
	for _, b := range blocks {
		for w := range strings.FieldsFuncSeq(strings.ToLower(b.Text), notWord) {
			have[w] = true
		}
	}
	total, found := 0, 0
	for _, b := range extra {
		for w := range strings.FieldsFuncSeq(strings.ToLower(b.Text), notWord) {
			total++
			if have[w] {
				found++
			}
		}
	}
	if total == 0 {
		return 1
	}
	return float64(found) / float64(total)
}

func notWord(r rune) bool {
	return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 127)
}

// ProductDescription returns the longest description of a Product or
// ProductGroup in the JSON-LD of doc, "" for none. Read it before the
// readability pass, which removes the page's scripts.
func ProductDescription(doc *html.Node) string {
	best := ""
	for n := range doc.Descendants() {
		raw := domtext.JSONLD(n)
		if raw == "" {
			continue
		}
		var v any
		if json.Unmarshal([]byte(raw), &v) == nil {
			if d := ldDescription(v); len(d) > len(best) {
				best = d
			}
		}
	}
	return best
}

// ldDescription returns the longest description of a Product or
// ProductGroup entity in the JSON-LD value v.
func ldDescription(v any) string {
	best := ""
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if d := ldDescription(e); len(d) > len(best) {
				best = d
			}
		}
	case map[string]any:
		if d, ok := x["description"].(string); ok && isProduct(x["@type"]) {
			best = d
		}
		for k, e := range x {
			if k == "description" {
				continue
			}
			if d := ldDescription(e); len(d) > len(best) {
				best = d
			}
		}
	}
	return best
}

// isProduct reports whether a JSON-LD @type names a Product or a
// ProductGroup.
func isProduct(t any) bool {
	switch x := t.(type) {
	case string:
		return x == "Product" || x == "ProductGroup" || strings.HasSuffix(x, "/Product") || strings.HasSuffix(x, "/ProductGroup")
	case []any:
		for _, e := range x {
			if isProduct(e) {
				return true
			}
		}
	}
	return false
}

// Name returns the blocks chosen as the content of a product page with the
// product's name, title (the page's decided title), put first as a heading
// when no block holds it: the name is part of what a product page offers,
// and the readability pass drops the page's heading as the title it has
// read. ok says it was added.
func Name(title string, blocks []block.Block) (out []block.Block, ok bool) {
	t := strings.ToLower(textnorm.Collapse(title))
	if t == "" {
		return blocks, false
	}
	for _, b := range blocks {
		if strings.Contains(strings.ToLower(textnorm.Collapse(b.Text)), t) {
			return blocks, false
		}
	}
	return append([]block.Block{{Kind: block.KindHeading, Level: 1, Text: textnorm.Collapse(title)}}, blocks...), true
}
