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

// fewUses is how many times the rest of a page may use a word for the
// word to be known only through suspect pieces: a word the page uses
// more is its own.
const fewUses = 2

// strangeWords is Vocab.Strange with the words the page uses only in
// suspect pieces (suspects) counted as unknown; those are counted (once
// per page) only when the words the page uses a few times decide.
func (p *Page) strangeWords(piece string) bool {
	own := map[string]int{}
	for w := range words(Plain(piece)) {
		own[w]++
	}
	v := p.words()
	firm, few, total := 0, 0, 0
	for w, k := range own {
		total += k
		switch {
		case v[w]-k > fewUses:
			firm += k
		case v[w] > k:
			few += k
		}
	}
	most := maxKnownShare * float64(total)
	if total < MinWords || float64(firm) > most {
		return false
	}
	if float64(firm+few) <= most {
		return true
	}
	for w, k := range own {
		if n := v[w] - k; n > 0 && n <= fewUses && v[w] <= max(k, p.suspects()[w]) {
			few -= k
		}
	}
	return float64(firm+few) <= most
}
