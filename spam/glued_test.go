package spam

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestAnalyze_GluedCodes: an anchor that is a code named after its own
// host, stuck to a real paragraph in any of several ways, is spam; a
// product or a standard named after its site is not.
func TestAnalyze_GluedCodes(t *testing.T) {
	m := model(t)
	para := "The committee met on Tuesday to review the budget for the coming year, officials said."
	shapes := []string{"<p>%[2]s %[1]s</p>", "<p>%[1]s %[2]s</p>", "<p>%[2]s <em>%[1]s</em></p>", "<p>%[2]s (%[1]s)</p>",
		"<p>The committee met on Tuesday. %[1]s The budget for the coming year rose, officials said.</p>", "<div>%[2]s %[1]s</div>"}
	for _, c := range []struct {
		link string
		spam bool
	}{
		{`<a href="https://qz47.top/">qz47</a>`, true},
		{`<a href="https://www.zeta58.com/">ZETA58</a>`, true},
		{`<a href="https://m.lux365.net/">lux365 win</a>`, true},
		{`<a href="https://lux365.game/">LUX365GAME</a>`, true},
		{`<a href="https://lux-365.io/">lux 365</a>`, true},
		// The host behind a tracking redirector, a subdomain named after
		// the code, a shortener hiding the host.
		{`<a href="https://out.example.net/r?u=https%3A%2F%2Fqz47.top%2F&amp;cid=9">qz47</a>`, true},
		{`<a href="https://www.example.com/url?q=https://zeta58.com/&amp;sa=D">ZETA58</a>`, true},
		{`<a href="https://zeta58.pages.example/">zeta58</a>`, true},
		{`<a href="https://bit.ly/qz47x19">QZ47</a>`, true},
		// Named by the paragraph it ends: a product linked where the text
		// talks about it.
		{`<a href="https://icu4x.example.org/">ICU4X</a> and the committee said ICU4X helps`, false},
		{`<a href="https://bit.ly/3xYz">docs</a>`, false},
		{`<a href="https://aws.amazon.com/s3/">Amazon S3</a>`, false},
		{`<a href="https://home.unicode.org/">Unicode 17.0</a>`, false},
		{`<a href="https://github.com/unicode-org/icu4x">ICU4X</a>`, false},
	} {
		for _, sh := range shapes {
			doc, err := html.Parse(strings.NewReader("<html><body>" + fmt.Sprintf(sh, c.link, para) + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			a := Analyze(m, doc, "news.example.org")
			for n := range doc.Descendants() {
				if n.DataAtom != atom.A {
					continue
				}
				s := a.Score(n)
				if got := s != nil && s.Value >= Unit; got != c.spam {
					t.Errorf("%s in %s: score %v, spam %v, want %v", c.link, sh, s, got, c.spam)
				}
			}
		}
	}
}
