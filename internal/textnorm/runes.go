package textnorm

import "unicode"

// Rune classes that word counters test rune by rune.
const (
	classWord    uint8 = 1 << iota // a letter, digit or mark
	classHanKana                   // Han, Hiragana or Katakana
	classSEA                       // Thai, Lao, Khmer or Myanmar
)

// classEnd bounds the runes runeClasses covers: every alphabetic script and
// the punctuation of most text; above it the tables are searched.
const classEnd = 0x3400

// runeClasses holds the classes of each rune below classEnd: the Unicode
// tables are read once, at start-up (their ranges walked: about 0.15 ms), not
// searched for every curly quote, dash or accented letter of every text
// (three binary searches for a quote). Read only. (Built on first use
// instead, the sync.Once check on every rune cost a third of what the
// table saves.)
var runeClasses = func() *[classEnd]uint8 {
	var t [classEnd]uint8
	for _, c := range []struct {
		class  uint8
		tables []*unicode.RangeTable
	}{
		{classWord, []*unicode.RangeTable{unicode.Letter, unicode.Digit, unicode.Mark}},
		{classHanKana, []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana}},
		{classSEA, []*unicode.RangeTable{unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar}},
	} {
		for _, tab := range c.tables {
			for _, rg := range tab.R16 {
				for r := int(rg.Lo); r <= int(rg.Hi) && r < classEnd; r += int(rg.Stride) {
					t[r] |= c.class
				}
			}
			for _, rg := range tab.R32 {
				for r := int(rg.Lo); r <= int(rg.Hi) && r < classEnd; r += int(rg.Stride) {
					t[r] |= c.class
				}
			}
		}
	}
	return &t
}()

// classesOf is the classes of a rune at or above classEnd.
func classesOf(r rune) uint8 {
	var c uint8
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
		c |= classWord
	}
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
		c |= classHanKana
	}
	if unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
		c |= classSEA
	}
	return c
}

func classes(r rune) uint8 {
	if r >= 0 && r < classEnd {
		return runeClasses[r]
	}
	return classesOf(r)
}

// WordRune reports a letter, digit or mark: unicode.IsLetter(r) ||
// unicode.IsDigit(r) || unicode.IsMark(r).
func WordRune(r rune) bool { return classes(r)&classWord != 0 }

// HanKana reports unicode.In(r, unicode.Han, unicode.Hiragana,
// unicode.Katakana).
func HanKana(r rune) bool { return classes(r)&classHanKana != 0 }

// SouthEastAsian reports unicode.In(r, unicode.Thai, unicode.Lao,
// unicode.Khmer, unicode.Myanmar): the scripts that do not space words.
func SouthEastAsian(r rune) bool { return classes(r)&classSEA != 0 }
