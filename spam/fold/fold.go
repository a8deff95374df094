// Package fold folds text the way spam lexicons match it: zero-width and
// bidi controls removed, NFKC, case folding, look-alike letters of other
// scripts mapped to ASCII inside Latin words, and digits standing for
// letters swapped back. It also splits folded text into words.
package fold

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mtibben/confusables"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/winnowhq/winnow/internal/textnorm"
)

// Fold returns s as the lexicon matches it: zero-width and bidi controls
// removed, NFKC (fullwidth and styled mathematical letters become plain
// ones), case folded, letters of other scripts that imitate Latin ones
// inside a Latin word mapped to ASCII ("саsinо" with Cyrillic а and о).
// Plain ASCII text only has its case folded. Fold keeps digits; the lexicon
// reads the text again through SwapDigits.
func Fold(s string) string {
	if textnorm.IsASCII(s) {
		return strings.ToLower(s)
	}
	if f, ok := foldCommon(s); ok {
		return mapLookalikes(f)
	}
	return foldFull(s)
}

// foldFull is Fold without the fast path, for any text.
func foldFull(s string) string {
	s = stripControls(s)
	if norm.NFKC.QuickSpanString(s) < len(s) {
		s = norm.NFKC.String(s)
	}
	s = cases.Fold().String(s)
	return mapLookalikes(s)
}

// tableEnd bounds the runes runeFolds covers; beyond it, the CJK
// ideographs and Hangul syllables fold to themselves (foldsToSelf).
const tableEnd = 0x3400

// runeFolds holds, for each rune below tableEnd, what Fold makes of it
// wherever it stands, or "" when that depends on its neighbours or it is a
// control Fold removes (combining marks, jamo, zero-width characters):
// those texts take the full path. Built once; read only.
var runeFolds = sync.OnceValue(func() []string {
	t := make([]string, tableEnd)
	fold := cases.Fold()
	for r := rune(utf8.RuneSelf); r < tableEnd; r++ {
		if f, ok := foldAlone(r, fold); ok {
			t[r] = f
		}
	}
	return t
})

// foldAlone returns what NFKC and case folding make of r, when r starts a
// normalization segment (it never combines with the rune before it): in a
// text of such runes and ASCII, every rune is a segment of its own, so
// folding rune by rune is folding the whole.
func foldAlone(r rune, fold cases.Caser) (string, bool) {
	if !utf8.ValidRune(r) || invisibleControl(r) || unicode.Is(unicode.Cs, r) {
		return "", false
	}
	s := string(r)
	p := norm.NFKC.PropertiesString(s)
	if !p.BoundaryBefore() || p.CCC() != 0 {
		return "", false
	}
	f := fold.String(norm.NFKC.String(s))
	if f == "" || !norm.NFKC.IsNormalString(f) {
		return "", false
	}
	return f, true
}

// foldsToSelf reports the runes above tableEnd that NFKC and case folding
// leave alone wherever they stand: CJK unified ideographs and Hangul
// syllables (TestFoldCommon checks every one).
func foldsToSelf(r rune) bool {
	return r >= 0x3400 && r <= 0x4DBF || r >= 0x4E00 && r <= 0x9FFF || r >= 0xAC00 && r <= 0xD7A3
}

// foldCommon folds, rune by rune, text whose every rune is ASCII, in
// runeFolds or folds to itself: most pages' text (curly quotes, dashes,
// no-break spaces, accented letters, CJK). It reports false for any other
// text, which takes the full path.
func foldCommon(s string) (string, bool) {
	t := runeFolds()
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < tableEnd && t[r] != "":
			b = append(b, t[r]...)
		case foldsToSelf(r):
			b = append(b, s[i:i+size]...)
		default:
			return "", false
		}
		i += size
	}
	return string(b), true
}

// invisibleControl reports the format characters spam uses to break up a
// word so that a filter misses it: zero-width spaces and joiners, the word
// joiner, invisible operators, the soft hyphen and bidi controls.
func invisibleControl(r rune) bool {
	switch {
	case r == 0xAD, r == 0x34F, r == 0x61C, r == 0x180E, r == 0xFEFF:
		return true
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x2069:
		return true
	}
	return false
}

func stripControls(s string) string {
	if strings.IndexFunc(s, invisibleControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if invisibleControl(r) {
			return -1
		}
		return r
	}, s)
}

// lookalikes maps letters of non-Latin scripts (Cyrillic, Greek, Armenian,
// Cherokee, letterlike symbols...) whose Unicode confusable skeleton is one
// ASCII letter or digit. Built once from the confusables table (UTS #39);
// read only.
var lookalikes = sync.OnceValue(func() map[rune]byte {
	m := map[rune]byte{}
	ranges := [][2]rune{{0x0250, 0x02FF}, {0x0370, 0x052F}, {0x0530, 0x058F}, {0x13A0, 0x13FF},
		{0x1D00, 0x1DBF}, {0x2100, 0x214F}, {0xA640, 0xA69F}, {0xAB30, 0xABBF}}
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			if !unicode.IsLetter(r) {
				continue
			}
			sk := confusables.Skeleton(string(r))
			if len(sk) == 1 && (sk[0] >= 'a' && sk[0] <= 'z' || sk[0] >= 'A' && sk[0] <= 'Z' || sk[0] >= '0' && sk[0] <= '9') {
				m[r] = sk[0] | 0x20*byte(boolInt(sk[0] >= 'A' && sk[0] <= 'Z'))
			}
		}
	}
	return m
})

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// mapLookalikes maps look-alike letters to ASCII inside words that also hold
// ASCII letters: a Cyrillic word stays Cyrillic ("Москва"), a Latin word
// with a Cyrillic "а" in it becomes plain Latin.
func mapLookalikes(s string) string {
	if !mayHoldLookalikes(s) {
		return s
	}
	la := lookalikes()
	var b strings.Builder
	changed := false
	start := 0
	flush := func(end int) {
		w := s[start:end]
		if mixedWord(w, la) {
			if !changed {
				b.Grow(len(s))
				b.WriteString(s[:start])
				changed = true
			}
			for _, r := range w {
				if c, ok := la[r]; ok {
					b.WriteByte(c)
				} else {
					b.WriteRune(r)
				}
			}
		} else if changed {
			b.WriteString(w)
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			flush(i)
			if changed {
				b.WriteString(s[i : i+size]) // as it was: invalid bytes stay bytes
			}
			start = i + size
		}
		i += size
	}
	flush(len(s))
	if !changed {
		return s
	}
	return b.String()
}

// mayHoldLookalikes tells from UTF-8 lead bytes alone whether s may hold a
// letter of the look-alike ranges (U+0250-058F, 13A0-13FF, 1D00-1DBF,
// 2100-214F, A640-A69F, AB30-ABBF): most text (Latin, Vietnamese, CJK,
// Thai) does not, and is left alone without decoding a rune.
func mayHoldLookalikes(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0xC9 && c <= 0xD6:
			return true
		case c == 0xE1 && i+1 < len(s) && (s[i+1] == 0x8E || s[i+1] == 0x8F || s[i+1] >= 0xB4 && s[i+1] <= 0xB6):
			return true
		case c == 0xE2 && i+1 < len(s) && (s[i+1] == 0x84 || s[i+1] == 0x85):
			return true
		case c == 0xEA && i+1 < len(s) && (s[i+1] >= 0x99 && s[i+1] <= 0x9A || s[i+1] >= 0xAC && s[i+1] <= 0xAE):
			return true
		}
	}
	return false
}

// mixedWord reports a word holding both ASCII letters and look-alikes.
func mixedWord(w string, la map[rune]byte) bool {
	ascii, look := false, false
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				ascii = true
			}
		default:
			if _, ok := la[r]; ok {
				look = true
			} else if unicode.IsLetter(r) {
				return false // a letter of its own script: a real word
			}
		}
	}
	return ascii && look
}

// digitFor is the letter a digit stands for inside a word (leetspeak).
var digitFor = [10]byte{'o', 'i', 'z', 'e', 'a', 's', 'g', 't', 'b', 'g'}

// SwapDigits replaces digits standing for letters inside a folded word: a
// lone digit (no digit next to it) beside a letter, in a word of three or
// more letters ("sl0t", "c4sin0", "p0ker"). Brand codes keep their digits
// ("tk88", "789bet", "sv66win": digits in runs). The result has the length
// of s, so match positions hold for both.
func SwapDigits(s string) string {
	var out []byte
	i := 0
	for i < len(s) {
		if !isAlnumASCII(s[i]) {
			i++
			continue
		}
		j := i
		letters, digits := 0, 0
		for j < len(s) && isAlnumASCII(s[j]) {
			if s[j] <= '9' {
				digits++
			} else {
				letters++
			}
			j++
		}
		if digits > 0 && letters >= 3 && (j == len(s) || s[j] < utf8.RuneSelf) && (i == 0 || s[i-1] < utf8.RuneSelf) {
			for k := i; k < j; k++ {
				c := s[k]
				if c > '9' {
					continue
				}
				prevD := k > i && s[k-1] <= '9'
				nextD := k+1 < j && s[k+1] <= '9'
				if !prevD && !nextD {
					if out == nil {
						out = []byte(s)
					}
					out[k] = digitFor[c-'0']
				}
			}
		}
		i = j
	}
	if out == nil {
		return s
	}
	return string(out)
}

func isAlnumASCII(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z'
}
