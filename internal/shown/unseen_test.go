package shown

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/hidden"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestDropUnseen: what no reader sees goes; what a control, a screen
// reader or the readability pass handles, and what only looks hidden,
// stays.
func TestDropUnseen(t *testing.T) {
	page := `<html><head></head><body>
<div id="gone1" style="color:#fff;background:#fff">a</div>
<div id="gone2" style="font-size:1px">b</div>
<div id="gone3" class="k9">c</div>
<div id="gone4" data-z="1">d</div>
<video><p id="gone5">your browser cannot play this</p></video>
<datalist id="gone6"><option>e</option></datalist>
<div id="keep1" style="display:none">f</div>
<div id="keep2" style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">g</div>
<div id="keep3" style="opacity:0">h</div>
<div id="keep4" class="accordion-body" style="font-size:0">i</div>
<section id="keep5" style="color:#a7d2ff;background-color:#a7d2ff"><h2 class="t">j</h2></section>
<a id="keep6" style="text-indent:-9999px;background-color:#e0baa3">k</a>
<div id="keep7" class="tab">l</div><div class="tab on">m</div>
<p id="keep8">` + strings.Repeat("words of the page ", 40) + `</p>
</body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	sh := hidden.ParseSheet(`.k9{position:absolute;left:-5000px} [data-z]{color:transparent} .tab{font-size:0} .tab.on{display:block}`)
	DropUnseen(domtext.First(doc, atom.Body), sh, nil)
	left := map[string]bool{}
	for n := range doc.Descendants() {
		if id := domtext.Attr(n, "id"); id != "" {
			left[id] = true
		}
	}
	for _, id := range []string{"gone1", "gone2", "gone3", "gone4", "gone5", "gone6", "keep1", "keep2", "keep3", "keep4", "keep5", "keep6", "keep7", "keep8"} {
		if want := strings.HasPrefix(id, "keep"); left[id] != want {
			t.Errorf("%s left %v, want %v", id, left[id], want)
		}
	}
}
