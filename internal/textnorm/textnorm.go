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
	// Text already collapsed (visible ASCII and single spaces between, as
	// most short texts of a page are) is returned as it is, not copied;
	// otherwise the run read so far is copied whole, not read again.
	j := 0
	if s != "" && visibleASCII(s[0]) {
		if j = asciiRun(s, 1); j == len(s) {
			return s
		}
	}
	var c Collapser
	c.Grow(len(s))
	c.b.WriteString(s[:j])
	c.WriteString(s[j:])
	return c.String()
}

// Collapser builds the Collapse of a text given in pieces, with Space
// between pieces where a break falls: one pass, one allocation.
type Collapser struct {
	b     strings.Builder
	space bool // a space is pending: written before the next visible character
}

// Grow grows the buffer for n more bytes.
func (c *Collapser) Grow(n int) { c.b.Grow(n) }

// Space marks a break: a space if visible text follows.
func (c *Collapser) Space() { c.space = true }

// Len is the length so far, a pending space aside.
func (c *Collapser) Len() int { return c.b.Len() }

// String returns the text so far.
func (c *Collapser) String() string { return c.b.String() }

// WriteString appends s, collapsed.
func (c *Collapser) WriteString(s string) {
	b := &c.b
	for i := 0; i < len(s); {
		if visibleASCII(s[i]) {
			if c.space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			c.space = false
			j := asciiRun(s, i+1)
			b.WriteString(s[i:j])
			i = j
			continue
		}
		if a := s[i]; a < utf8.RuneSelf {
			// ASCII space or control: white space marks a break,
			// the other controls are invisible (as below, without
			// decoding a rune for each byte of an indentation).
			switch a {
			case ' ', '\t', '\n', '\v', '\f', '\r':
				c.space = true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u2028' || r == '\u2029':
			c.space = true
			continue
		case isInvisible(r):
			continue
		}
		if c.space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		c.space = false
		b.WriteRune(r)
	}
}

// visibleASCII reports a printable ASCII byte other than the space.
func visibleASCII(c byte) bool { return c-'!' <= '~'-'!' }

// asciiRun returns the end of the run of s from i that Collapse copies as it
// is: visible ASCII bytes and single spaces between them. Most text is such
// runs; copying each whole costs far less than a byte at a time.
func asciiRun(s string, i int) int {
	for i < len(s) {
		switch {
		case visibleASCII(s[i]):
			i++
		case s[i] == ' ' && i+1 < len(s) && visibleASCII(s[i+1]):
			i += 2
		default:
			return i
		}
	}
	return i
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
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if !asciiWord[c] {
				word = false
				continue
			}
			if !word && b.Len() > 0 {
				b.WriteByte(' ')
			}
			word = true
			if 'A' <= c && c <= 'Z' {
				b.WriteByte(c + 'a' - 'A')
				continue
			}
			// The rest of a lower-case word is copied whole.
			j := i
			for j < len(s) && asciiLowerWord[s[j]] {
				j++
			}
			b.WriteString(s[i-1 : j])
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if WordRune(r) {
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

// Words counts the runs of letters, marks or digits in s. Chinese and
// Japanese are written without spaces between words, so each ideograph or
// kana counts as a word of its own (as word processors count them): a
// paragraph of Japanese is never one "word" that slips under a rule's word cap.
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
			i += size
			if HanKana(r) {
				n++
				in = false
				continue
			}
			w = WordRune(r)
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

// asciiLowerWord marks the lower-case ASCII letters and the digits: the
// bytes Key copies as they are.
var asciiLowerWord = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
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
