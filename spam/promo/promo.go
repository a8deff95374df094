// Package promo finds what a promotion carries that a sentence on its
// topic does not: a promotion figure (200%, 100k, $50, 888元, 10 triệu)
// and a bare code number where a brand stands, at the edge of a run of
// text ("… en 3388", "28288: …"). It reads text already folded (spam/fold).
package promo

import (
	"strings"
	"unicode"
)

// Figure returns the first promotion figure in folded text ft: a
// number followed by a percent sign or by k (100k, 50k), or a number with
// a currency sign before or after it ($50, 500€, R$ 20, ₫100.000).
func Figure(ft string) string {
	rs := []rune(ft)
	for i := 0; i < len(rs); i++ {
		if !unicode.IsDigit(rs[i]) || i > 0 && unicode.IsDigit(rs[i-1]) {
			continue
		}
		j := i
		for j < len(rs) && (unicode.IsDigit(rs[j]) || (rs[j] == '.' || rs[j] == ',') && j+1 < len(rs) && unicode.IsDigit(rs[j+1])) {
			j++
		}
		k := j
		for k < len(rs) && rs[k] == ' ' && k-j < 1 {
			k++
		}
		switch {
		case j < len(rs) && rs[j] == '%':
			return string(rs[i : j+1])
		case j < len(rs) && rs[j] == 'k' && (j+1 == len(rs) || !unicode.IsLetter(rs[j+1])):
			return string(rs[i : j+1])
		case k < len(rs) && unicode.Is(unicode.Sc, rs[k]):
			return string(rs[i : k+1])
		}
		if u := currencyWord(rs[k:]); u > 0 {
			return string(rs[i : k+u])
		}
		b := i - 1
		if b >= 0 && rs[b] == ' ' {
			b--
		}
		if b >= 0 && unicode.Is(unicode.Sc, rs[b]) {
			return string(rs[b:j])
		}
		i = j
	}
	return ""
}

// currencyWords are the words of money that follow a number where a sign
// would ($50, 500€): 888元, 3万円, 5만원, 100บาท, 50rb, 2jt, 10 triệu, 500
// руб, 100 TL. Units of scripts written without spaces count glued to what
// follows; the others only as a whole word.
var currencyWords = []string{"元", "圆", "块", "円", "원", "만", "万", "萬", "亿", "億", "บาท", "rb", "ribu", "jt", "juta", "triệu", "nghìn", "ngàn", "руб", "tl"}

// currencyWord returns the length in runes of the currency word rs starts
// with (currencyWords), or 0. It compares rune by rune: it runs at every
// number of a glued run, and converting each word would allocate.
func currencyWord(rs []rune) int {
	for _, w := range currencyWords {
		n := 0
		for _, r := range w {
			if n == len(rs) || rs[n] != r {
				n = -1
				break
			}
			n++
		}
		if n <= 0 {
			continue
		}
		if !unspaced(rs[0]) && len(rs) > n && unicode.IsLetter(rs[n]) {
			continue // a word of a spaced script, glued to more letters
		}
		return n
	}
	return 0
}

// unspaced reports a letter of a script written without spaces between
// words (Han, kana, Hangul units, Thai).
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai)
}

// EdgeNumber returns the run's first or last word when it is a bare
// number of three to six digits that does not read as a year (1900-2099):
// where a glued promotion names its brand ("… en 3388", "28288: …").
func EdgeNumber(ft string) string {
	fs := strings.Fields(ft)
	if len(fs) == 0 {
		return ""
	}
	for _, w := range []string{fs[len(fs)-1], fs[0]} {
		if w = codeNumber(w); w != "" {
			return w
		}
	}
	return ""
}

// maxShortRun is the words of a short promotion line, in which a bare
// number stands where a brand stands wherever it is (CodeNumber).
const maxShortRun = 12

// CodeNumber returns a bare number of three to six digits, not a year, at
// the edge of the run (EdgeNumber) or, in a run of maxShortRun words at
// most, anywhere in it: a promotion names its brand in a short line
// ("Fast payouts at 7788 online casino"), where a sentence on the topic
// writes its figures with a unit, a sign or separators ("2,400 people",
// "$500", "12%").
func CodeNumber(ft string) string {
	if c := EdgeNumber(ft); c != "" {
		return c
	}
	fs := strings.Fields(ft)
	if len(fs) > maxShortRun {
		return ""
	}
	for _, w := range fs {
		if w = codeNumber(w); w != "" {
			return w
		}
	}
	return ""
}

// codeNumber returns word w, its punctuation trimmed, when it is a bare
// number of three to six digits that does not read as a year.
func codeNumber(w string) string {
	w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) })
	if len(w) < 3 || len(w) > 6 || strings.TrimFunc(w, func(r rune) bool { return r >= '0' && r <= '9' }) != "" {
		return ""
	}
	if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
		return ""
	}
	return w
}
