// Package textnorm holds the Unicode text normalisation shared by rules and
// clean: whitespace collapsing, comparison keys, word counts and NFC.
package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Collapse trims s and turns every run of white space (including no-break and
// other Unicode spaces) into one ASCII space. Zero-width characters and C0/C1
// controls are dropped. Invalid UTF-8 becomes U+FFFD.
func Collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && c > ' ' && c != 0x7f {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u2028' || r == '\u2029':
			space = true
			continue
		case isInvisible(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isInvisible reports characters that carry no text: zero-width spaces and
// joiners outside emoji sequences are kept as-is by callers that need them;
// here we drop the ones scrapers leak (ZWSP, BOM, soft hyphen) and controls.
func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\ufeff', '\u00ad', '\u2060':
		return true
	}
	return r < 0x20 || (r >= 0x7f && r < 0xa0)
}

// NFC returns s in Unicode normalisation form C.
func NFC(s string) string { return norm.NFC.String(s) }

// Clean is Collapse then NFC: the canonical form of one block of output text.
func Clean(s string) string { return NFC(Collapse(s)) }

// Key returns the comparison key of s: lower-case words (letters, marks and
// digits) separated by single spaces, punctuation and symbols dropped. Two
// blocks with the same key are the same text for deduplication.
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	word := false
	for _, r := range s {
		if r < utf8.RuneSelf {
			if asciiWord[r] {
				if !word && b.Len() > 0 {
					b.WriteByte(' ')
				}
				word = true
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				b.WriteByte(byte(r))
			} else {
				word = false
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			if !word && b.Len() > 0 {
				b.WriteByte(' ')
			}
			word = true
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		word = false
	}
	return b.String()
}

// Words counts the runs of letters, marks or digits in s.
func Words(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		var w bool
		if c := s[i]; c < utf8.RuneSelf {
			w = asciiWord[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			w = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
			i += size
		}
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// asciiWord marks the ASCII letters and digits: the fast path of Words.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// Truncate shortens s to at most n runes, adding an ellipsis when cut.
func Truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}
