// Package script names the writing system a text is mostly written in,
// for the spam model's script break: a promotion glued into a paragraph
// in another script than the paragraph's.
package script

import (
	"unicode"
	"unicode/utf8"
)

// scripts are the writing systems Main tells apart; Han, kana and Hangul
// are one (East Asian text mixes them).
var scripts = [...]struct {
	name   string
	tables []*unicode.RangeTable
}{
	{"Latin", []*unicode.RangeTable{unicode.Latin}},
	{"Greek", []*unicode.RangeTable{unicode.Greek}},
	{"Cyrillic", []*unicode.RangeTable{unicode.Cyrillic}},
	{"Arabic", []*unicode.RangeTable{unicode.Arabic}},
	{"Hebrew", []*unicode.RangeTable{unicode.Hebrew}},
	{"Indic", []*unicode.RangeTable{unicode.Devanagari, unicode.Bengali, unicode.Gurmukhi, unicode.Gujarati, unicode.Tamil,
		unicode.Telugu, unicode.Kannada, unicode.Malayalam, unicode.Sinhala, unicode.Oriya}},
	{"Thai", []*unicode.RangeTable{unicode.Thai}},
	{"Lao", []*unicode.RangeTable{unicode.Lao}},
	{"Khmer", []*unicode.RangeTable{unicode.Khmer}},
	{"Myanmar", []*unicode.RangeTable{unicode.Myanmar}},
	{"East Asian", []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul}},
	{"Georgian", []*unicode.RangeTable{unicode.Georgian}},
	{"Armenian", []*unicode.RangeTable{unicode.Armenian}},
	{"Ethiopic", []*unicode.RangeTable{unicode.Ethiopic}},
}

// minLetters is how many letters a text needs for Main to name its
// script.
const minLetters = 12

// Main names the script most of text's letters are written in, "" for a
// text of fewer than minLetters letters, in a script not told apart, or
// with no script holding more than half its letters. Brand codes and
// links in Latin letters inside a Greek or Khmer sentence count, and
// seldom outweigh it.
func Main(text string) string {
	var n [len(scripts)]int
	total := 0
	for _, r := range text {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				n[0]++
				total++
			}
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			continue
		}
		total++
		for i, s := range scripts {
			if unicode.In(r, s.tables...) {
				n[i]++
				break
			}
		}
	}
	if total < minLetters {
		return ""
	}
	best := 0
	for i := range n {
		if n[i] > n[best] {
			best = i
		}
	}
	if 2*n[best] <= total {
		return ""
	}
	return scripts[best].name
}

// Count counts the letters of text written in the script Main names name.
func Count(text, name string) int {
	k := -1
	for i, s := range scripts {
		if s.name == name {
			k = i
		}
	}
	if k < 0 {
		return 0
	}
	n := 0
	for _, r := range text {
		if r < utf8.RuneSelf {
			if k == 0 && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
				n++
			}
			continue
		}
		if unicode.In(r, scripts[k].tables...) {
			n++
		}
	}
	return n
}
