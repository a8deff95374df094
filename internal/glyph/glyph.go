// Package glyph finds decorative glyph runs at the edges of a text.
//
// Decorative glyphs are found by Unicode category and script, not by a list of
// code points: spam injectors draw from any symbol block or foreign script.
//
// A glyph is a symbol (So, Sk, most Sm), a private-use or unassigned code
// point, an emoji joiner, keycap or variation selector, or a punctuation
// sign of a script that is not among the page's own scripts (Common and
// Inherited never count as foreign). A letter (L*), a decimal digit or letter
// number (Nd, Nl) or a combining mark of any script is never a glyph, whatever
// the page's language: "The city is called Москва" keeps Москва and "日本 is
// an island" keeps 日本. A glyph run is stripped only when white space
// separates it from the text (or it is made of symbols only).
package glyph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxGlyphRun caps the runes of one run: longer runs are text, not decoration.
const maxGlyphRun = 8

// Scripts is the set of scripts a page is written in.
type Scripts map[string]bool

// commonScripts are checked first when counting a page's letters: they cover
// nearly every page, so the full table is rarely walked.
var commonScripts = []string{"Latin", "Han", "Cyrillic", "Arabic", "Thai", "Hiragana", "Katakana",
	"Hangul", "Greek", "Devanagari", "Hebrew", "Bengali", "Tamil", "Khmer", "Lao", "Myanmar", "Georgian", "Armenian"}

func scriptOf(r rune) string {
	for _, name := range commonScripts {
		if unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	for name, t := range unicode.Scripts {
		if unicode.Is(t, r) {
			return name
		}
	}
	return ""
}

// PageScripts returns the scripts holding at least 5% of the letters of the
// texts (and at least 3 letters, unless the texts are too short to judge),
// plus Common and Inherited.
func PageScripts(texts []string) Scripts {
	counts := map[string]int{}
	total, latin := 0, 0 // Latin counted apart: most letters are ASCII
	var last rune
	var lastScript string
	run := 0 // letters in the current run of lastScript
	for _, s := range texts {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < utf8.RuneSelf {
				if 'a' <= c|0x20 && c|0x20 <= 'z' {
					total++
					latin++
				}
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size - 1
			if !unicode.IsLetter(r) {
				continue
			}
			total++
			// Runs of one script are common: skip the lookup when the rune is
			// in the same 128-rune block as the run's first one.
			if run > 0 && r>>7 == last>>7 {
				run++
				continue
			}
			if run > 0 {
				counts[lastScript] += run
			}
			last, lastScript, run = r, scriptOf(r), 1
		}
	}
	if run > 0 {
		counts[lastScript] += run
	}
	if latin > 0 {
		counts["Latin"] += latin
	}
	set := Scripts{"Common": true, "Inherited": true}
	for sc, n := range counts {
		if n*20 >= total && (n >= 3 || total < 60) {
			set[sc] = true
		}
	}
	if total == 0 {
		set["Latin"] = true
	}
	return set
}

// decorativeBlocks are Unicode blocks made of pictures, not text: arrows,
// technical symbols, enclosed alphanumerics, box drawing and geometric shapes,
// miscellaneous symbols and dingbats, braille patterns, enclosed CJK, and the
// emoji, mahjong, domino and card planes.
var decorativeBlocks = [][2]rune{
	{0x2190, 0x21FF}, {0x2300, 0x23FF}, {0x2460, 0x24FF}, {0x2500, 0x25FF},
	{0x2600, 0x27BF}, {0x2800, 0x28FF}, {0x2B00, 0x2BFF}, {0x3200, 0x32FF},
	{0x1F000, 0x1FAFF},
}

// textMathSymbols are math symbols that occur in running text.
const textMathSymbols = "±×÷−∓∞≈≠≤≥√∑∏∫∂∆∇∈∉∩∪′″⁄"

func inDecorativeBlock(r rune) bool {
	for _, b := range decorativeBlocks {
		if r >= b[0] && r <= b[1] {
			return true
		}
	}
	return false
}

// isEmojiPart reports whether r is a joiner, keycap or variation selector:
// marks and format characters that only dress a glyph.
func isEmojiPart(r rune) bool {
	return r == '\u200d' || r == '\u20e3' || (r >= '\ufe00' && r <= '\ufe0f')
}

// IsText reports whether r is a letter, digit, letter number or combining
// mark of any script: never a glyph.
func IsText(r rune) bool {
	return unicode.IsLetter(r) || unicode.In(r, unicode.Nd, unicode.Nl) || (unicode.IsMark(r) && !isEmojiPart(r))
}

// IsGlyph reports whether r is decorative on a page written in scripts.
func (ss Scripts) IsGlyph(r rune) bool {
	switch {
	case r < 0x80 || IsText(r):
		return false
	case inDecorativeBlock(r):
		return true
	case r >= 0x3000 && r <= 0x303F: // CJK symbols and punctuation: text on CJK pages only
		return !ss["Han"] && !ss["Hiragana"] && !ss["Katakana"] && !ss["Hangul"]
	case unicode.Is(unicode.Sm, r):
		return !strings.ContainsRune(textMathSymbols, r)
	case unicode.Is(unicode.No, r):
		return !strings.ContainsRune("¹²³¼½¾⅓⅔⅛", r)
	case isEmojiPart(r):
		return true
	case unicode.In(r, unicode.So, unicode.Sk, unicode.Co):
		return true
	case !unicode.IsPrint(r) && !unicode.IsSpace(r):
		return true // unassigned
	case unicode.IsPunct(r):
		sc := scriptOf(r)
		return sc != "" && !ss[sc]
	}
	return false
}

// isSymbol reports whether r is a symbol glyph whatever the page's scripts.
func isSymbol(r rune) bool {
	return !IsText(r) && (unicode.In(r, unicode.So, unicode.Sk, unicode.Co) || isEmojiPart(r) || inDecorativeBlock(r))
}

// Leading returns the byte length of the decorative run at the start of
// s, including the white space after it, or 0.
func (ss Scripts) Leading(s string) int {
	n, runes, symbols := 0, 0, true
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !ss.IsGlyph(r) {
			break
		}
		symbols = symbols && isSymbol(r)
		n += size
		runes++
		if runes > maxGlyphRun {
			if ss.allGlyphs(s[n:]) {
				return len(s) // a rule of glyphs (━━━━━━, ❀❀❀❀❀❀❀❀) with no text
			}
			return 0
		}
	}
	if runes == 0 {
		return 0
	}
	end := n
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsSpace(r) {
			break
		}
		end += size
	}
	if end == n && end < len(s) && !symbols {
		return 0 // a foreign letter glued to text: part of a word, keep it
	}
	return end
}

// allGlyphs reports whether s, the rest of a block after a long glyph run,
// holds only white space and the glyphs of a drawn rule: box drawing and
// block elements (━━━━, ▀▀▀▀), or one symbol repeated (❀❀❀❀, ・・・・) that
// is not an emoji, which a reply may be made of.
func (ss Scripts) allGlyphs(s string) bool {
	first := rune(-1)
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r >= 0x2500 && r <= 0x259F:
		case !ss.IsGlyph(r) || r >= 0x1F000:
			return false
		case first < 0:
			first = r
		case r != first:
			return false
		}
	}
	return true
}

// Trailing returns the byte length of the decorative run at the end of
// s, including the white space before it, or 0.
func (ss Scripts) Trailing(s string) int {
	n, runes, symbols := len(s), 0, true
	for n > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:n])
		if !ss.IsGlyph(r) {
			break
		}
		symbols = symbols && isSymbol(r)
		n -= size
		runes++
		if runes > maxGlyphRun {
			return 0
		}
	}
	if runes == 0 {
		return 0
	}
	start := n
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.IsSpace(r) {
			break
		}
		start -= size
	}
	if start == n && start > 0 && !symbols {
		return 0
	}
	return len(s) - start
}
