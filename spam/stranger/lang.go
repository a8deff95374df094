package stranger

import (
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/langid"
	"github.com/winnowhq/winnow/spam/fold"
)

// maxLangSample is how many bytes of the page's prose proseLang reads.
const maxLangSample = 4000

// proseLang returns the language of the page's prose: its paragraphs of
// minRest words or more (langid.Detect), or of its whole text when they
// tell none. A page's text with its menus, lists and names is often too
// mixed for the detector to answer; its paragraphs are not.
func (p *Page) proseLang() string {
	var b strings.Builder
	for _, para := range p.paras {
		t := domtext.Text(para)
		if fold.CountWords(t) < minRest {
			continue
		}
		b.WriteString(t)
		b.WriteString("\n")
		if b.Len() >= maxLangSample {
			break
		}
	}
	if l := langid.Detect(b.String()); l != "" {
		return l
	}
	return langid.Detect(p.text)
}
