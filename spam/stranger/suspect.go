package stranger

import (
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/textnorm"
)

// suspects counts, once, the words of the page's paragraphs' first or
// last sentences, or whole lines, that carry a payload: the pieces Run and
// Line judge. Words the page uses only in such pieces (a spam phrase
// injected twice, as a line and glued to a paragraph, with two codes) are
// not the page's own words.
func (p *Page) suspects() Vocab {
	if p.suspect == nil {
		p.suspect = Vocab{}
		for _, n := range p.paras {
			p.addSuspect(domtext.Text(n))
		}
	}
	return p.suspect
}

func (p *Page) addSuspect(text string) {
	bounds := textnorm.SentenceBounds(text)
	if len(bounds) < 2 {
		if Payload(text) != "" {
			p.suspect.add(text)
		}
		return
	}
	for _, r := range [2][2]int{{bounds[len(bounds)-2], len(text)}, {0, bounds[0]}} {
		if run := text[r[0]:r[1]]; Payload(run) != "" {
			p.suspect.add(run)
		}
	}
}

func (v Vocab) add(text string) {
	for w := range words(text) {
		v[w]++
	}
}

// strangeWords is Vocab.Strange with the words the page uses only in
// suspect pieces (Suspect) counted as unknown.
func (p *Page) strangeWords(piece string) bool {
	plain := Plain(piece)
	own := map[string]int{}
	for w := range words(plain) {
		own[w]++
	}
	v := p.words()
	known, total := 0, 0
	for w, k := range own {
		total += k
		if v[w] > max(k, p.suspects()[w]) {
			known += k
		}
	}
	return total >= MinWords && float64(known) <= maxKnownShare*float64(total)
}
