package textnorm

import (
	"sync"
	"unicode"
)

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
// tables are searched once, not for every curly quote, dash or accented
// letter of every text (three binary searches for a quote). Built once;
// read only.
var runeClasses = sync.OnceValue(func() *[classEnd]uint8 {
	var t [classEnd]uint8
	for r := rune(0); r < classEnd; r++ {
		t[r] = classesOf(r)
	}
	return &t
})

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
		return runeClasses()[r]
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
