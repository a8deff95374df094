package stranger

import "github.com/winnowhq/winnow/internal/textnorm"

// Suspect records a block's text whose first or last sentence, or whole
// line, carries a payload: the pieces Run and Line will judge. Words the
// page uses only in such pieces (a spam phrase injected twice, as a line
// and glued to a paragraph, with two codes) are not the page's own words.
func (p *Page) Suspect(text string) {
	if p.suspect == nil {
		p.suspect = Vocab{}
	}
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
		if v[w] > max(k, p.suspect[w]) {
			known += k
		}
	}
	return total >= MinWords && float64(known) <= maxKnownShare*float64(total)
}
