package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
