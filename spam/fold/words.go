package fold

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/textnorm"
)

// Words yields the letter-and-digit runs of s.
func Words(s string) func(func(string) bool) {
	return func(yield func(string) bool) {
		start := -1
		for i, r := range s {
			w := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
				r >= utf8.RuneSelf && textnorm.WordRune(r)
			switch {
			case w && start < 0:
				start = i
			case !w && start >= 0:
				if !yield(s[start:i]) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
}

// CountWords counts words: letter runs of spaced scripts, each Han or kana
// character (as textnorm.Words does), and a word per five letters of Thai,
// Lao, Khmer and Burmese, which do not space words.
func CountWords(s string) int { return CountWordsUpTo(s, math.MaxInt) }

// CountWordsUpTo is CountWords that stops counting once it reaches limit:
// CountWords(s) when that is under limit, limit or more otherwise. A test
// of whether a page or a paragraph has enough words need not read all of
// it.
func CountWordsUpTo(s string, limit int) int {
	if textnorm.IsASCII(s) {
		n, in := 0, false
		for i := 0; i < len(s) && n < limit; i++ {
			w := asciiAlnum[s[i]]
			if w && !in {
				n++
			}
			in = w
		}
		return n
	}
	n := 0
	for w := range Words(s) {
		if n >= limit {
			break
		}
		if w[0] < utf8.RuneSelf {
			n++
			continue
		}
		cjk, sea, other := 0, 0, 0
		for _, r := range w {
			switch {
			case textnorm.HanKana(r):
				cjk++
			case textnorm.SouthEastAsian(r):
				sea++
			default:
				other = 1
			}
		}
		n += max(1, cjk+(sea+4)/5+other)
	}
	return n
}

// asciiAlnum marks the ASCII letters and digits: CountWords's fast path.
var asciiAlnum = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// Phrase returns the words of s folded (Fold) and joined by single
// spaces: two texts that differ only in case, spacing and punctuation give
// the same phrase.
func Phrase(s string) string {
	var b strings.Builder
	for w := range Words(Fold(s)) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
