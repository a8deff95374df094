package shown

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/hidden"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestHiddenAside: a lone box hidden by any means between paragraphs of
// the story goes; collapsed content, boxes beside no prose, a class many
// blocks share, a cloak a framework lifts and a long hidden chapter stay.
func TestHiddenAside(t *testing.T) {
	para := `<p>` + strings.Repeat("the council met on monday to discuss the plan ", 3) + `</p>`
	boxes := []string{
		`<div id="gone1" class="q7">words nobody sees</div>`,
		`<div id="gone2" style="max-height:0;overflow:hidden">words nobody sees</div>`,
		`<span id="gone3" style="opacity:0">words nobody sees</span>`,
		`<div id="gone4" class="d-none">words nobody sees</div>`,
		`<div id="gone5" popover>words nobody sees</div>`,
		`<div id="gone6" style="transform:rotateY(90deg)">words nobody sees</div>`,
		`<div id="keep1" class="faq-answer q7">an answer the reader opens</div>`,
		`<div id="keep2" x-cloak>a form the framework shows</div>`,
		`<div id="keep3" class="d-none d-md-block">shown on wide screens</div>`,
		`<div id="keep4" class="q8">` + strings.Repeat("a long hidden chapter of the story ", 30) + `</div>`,
		`<div id="keep5" class="fade">faded in</div>` + para + `<div class="fade">faded in too</div>`,
	}
	page := `<html><head></head><body><article>` + para + strings.Join(boxes, para) + para + `</article><div id="keep6" class="q7">beside no prose</div></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	sh := hidden.ParseSheet(`.q7,.q8{display:none} .fade{opacity:0} [x-cloak]{display:none}`)
	DropUnseen(domtext.First(doc, atom.Body), sh, nil)
	left := map[string]bool{}
	for n := range doc.Descendants() {
		if id := domtext.Attr(n, "id"); id != "" {
			left[id] = true
		}
	}
	for _, id := range []string{"gone1", "gone2", "gone3", "gone4", "gone5", "gone6", "keep1", "keep2", "keep3", "keep4", "keep5", "keep6"} {
		if want := strings.HasPrefix(id, "keep"); left[id] != want {
			t.Errorf("%s left %v, want %v", id, left[id], want)
		}
	}
}
