// Package sentence splits running text into sentences in the scripts the
// spam lexicon meets (Bounds) and finds the run of sentences that carries
// evidence in a paragraph whose rest does not (Run): spam glued into a
// real paragraph.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnowhq/winnow/spam/fold"
)

// Run finds in text the run of whole sentences that carry evidence (a
// score of at least evidence), when the rest is a real paragraph: at least
// minClean words that score below restMax. It returns the byte range
// [from, to) of the run; ok is false when no sentence carries evidence,
// when the run is the whole text, when the rest is short, or when the
// rest carries evidence too.
func Run(text string, minClean int, evidence, restMax float64, score func(string) float64) (from, to int, ok bool) {
	bounds := Bounds(text)
	if len(bounds) < 2 {
		return 0, 0, false
	}
	first, last := -1, -1
	start := 0
	for i, end := range bounds {
		if score(text[start:end]) >= evidence {
			if first < 0 {
				first = i
			}
			last = i
		}
		start = end
	}
	if first < 0 {
		return 0, 0, false
	}
	from, to = 0, bounds[last]
	if first > 0 {
		from = bounds[first-1]
	}
	if from == 0 && to == len(text) {
		return 0, 0, false
	}
	rest := text[:from] + " " + text[to:]
	if fold.CountWords(fold.Fold(rest)) < minClean {
		return 0, 0, false
	}
	if score(rest) >= restMax {
		return 0, 0, false
	}
	return from, to, true
}

// Bounds returns the end offsets of text's sentences, the last
// one len(text): a sentence ends after a terminal mark (and the closing
// quotes or brackets after it) that a space follows, or at once after an
// ideographic full stop, exclamation or question mark.
func Bounds(text string) []int {
	var out []int
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		var ideographic bool
		switch r {
		case '.', '!', '?', '…', '．', '｡', '؟', '۔', '।', '॥', '։', '።', '။', '។':
		case '。', '！', '？':
			ideographic = true
		default:
			continue
		}
		// Closing marks stay with their sentence.
		for i < len(text) {
			c, n := utf8.DecodeRuneInString(text[i:])
			if !strings.ContainsRune(`"'”’»)]」』）`, c) && !(c == r) {
				break
			}
			i += n
		}
		if i >= len(text) {
			break
		}
		if c, _ := utf8.DecodeRuneInString(text[i:]); ideographic || unicode.IsSpace(c) {
			if strings.TrimSpace(text[i:]) != "" && (len(out) == 0 || strings.TrimSpace(text[out[len(out)-1]:i]) != "") {
				out = append(out, i)
			}
		}
	}
	return append(out, len(text))
}
