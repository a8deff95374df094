package toutf8

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// minRepairs is how many characters a page needs repaired before
// UndoubleTexts changes it: a page encoded twice shows it on every quote,
// dash and accent, while a lone pair like "É…" can be what the author wrote.
const minRepairs = 2

// UndoubleTexts repairs text that was encoded as UTF-8 twice: UTF-8 bytes
// read as windows-1252 or ISO-8859-1 and encoded again, so that "don’t"
// reads "donâ€™t", "café" reads "cafÃ©", "łódź" reads "Å‚Ã³dÅº" and an emoji
// reads "ðŸ˜€". texts are one page's texts, such as the text nodes and
// attribute values of its parsed document: a page can carry the mistake as
// character references ("don&acirc;&euro;&trade;t") that show only once
// parsed. They must be valid UTF-8, and they change in place.
//
// A run of such characters is taken back to its bytes and read as UTF-8
// when it is whole, valid UTF-8 of printable characters, and either holds
// two or more characters or one that the mistake produces on every page it
// touches (a two-byte letter or sign: "Ã©", "Å‚", "Ð¸"; a punctuation mark
// from "â"; an emoji from "ð"), unless that one reads as typography (a
// capital before a no-break space or a guillemet: see typography). A lone three-byte character from another
// lead ("é…»" could be French) is left alone. Bytes that the first reading
// replaced with U+FFFD are lost, and such a character is left as it is.
// Nothing changes unless the texts together hold at least two characters to
// repair. ASCII is never touched. It returns how many characters it
// repaired.
//
// Written here because no maintained Go library repairs this (Python's ftfy
// does, with a wider set of guesses).
func UndoubleTexts(texts []*string) int {
	outs := make([][]byte, len(texts))
	total := 0
	for i, t := range texts {
		out, n := undouble([]byte(*t))
		if n > 0 {
			outs[i], total = out, total+n
		}
	}
	if total < minRepairs {
		return 0
	}
	for i, out := range outs {
		if out != nil {
			*texts[i] = string(out)
		}
	}
	return total
}

// undouble returns b with every run repaired and the number of characters
// repaired; out is nil when there are none.
func undouble(b []byte) (out []byte, repaired int) {
	// Every character that can start a run, U+00C2 to U+00F4, is 0xC3 then
	// a second byte in UTF-8.
	if bytes.IndexByte(b, 0xc3) < 0 {
		return nil, 0
	}
	copied := 0
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], 0xc3)
		if j < 0 {
			break
		}
		i += j
		end, text, n := repairRun(b, i)
		if end == i {
			i += 2
			continue
		}
		out = append(out, b[copied:i]...)
		out = append(out, text...)
		repaired += n
		i, copied = end, end
	}
	if repaired == 0 {
		return nil, 0
	}
	return append(out, b[copied:]...), repaired
}

// repairRun reads the double-encoded characters that start at b[i:] and
// returns where they end, their repaired text and how many characters it
// holds; end == i when there is no run to repair there.
func repairRun(b []byte, i int) (end int, text []byte, n int) {
	start := i
	common := false
	for {
		r, size, lead := undoubleOne(b[i:])
		if size == 0 {
			break
		}
		text = utf8.AppendRune(text, r)
		i += size
		n++
		common = common || lead < 0xe0 || lead == 0xe2 || lead >= 0xf0
	}
	if n == 0 || n == 1 && (!common || typography(b[start:i])) {
		return start, nil, 0
	}
	return i, text, n
}

// typography reports whether seq, a lone pair of characters, reads as
// what an author wrote: a capital letter before a no-break space or a
// guillemet, as French sets "SANTÉ\u00a0!", "« ÉTÉ\u00a0»" and "«CAFÉ»"
// ("É\u00a0" taken back to bytes reads as "ɠ"). Not Â, Ã, Ä, Å, Ð and Ñ,
// which the mistake makes of those before every no-break space,
// "à", "ī", "Š", "Ż" and Cyrillic letters.
func typography(seq []byte) bool {
	first, n := utf8.DecodeRune(seq)
	second, m := utf8.DecodeRune(seq[n:])
	if n+m != len(seq) {
		return false // a character of three or four bytes
	}
	switch first {
	case 'Â', 'Ã', 'Ä', 'Å', 'Ð', 'Ñ':
		return false
	}
	return second == '\u00a0' || second == '«' || second == '»'
}

// undoubleOne reads one double-encoded character from the start of b: its
// lead character and continuation characters taken back to the bytes a
// single-byte Western charset gives them. It returns the character, how
// many bytes of b it took and its lead byte; size is 0 when b does not
// start with one.
func undoubleOne(b []byte) (r rune, size int, lead byte) {
	c, n := utf8.DecodeRune(b)
	lead, ok := westernByte(c)
	if !ok {
		return 0, 0, 0
	}
	var want int
	switch {
	case lead >= 0xc2 && lead <= 0xdf:
		want = 2
	case lead >= 0xe0 && lead <= 0xef:
		want = 3
	case lead >= 0xf0 && lead <= 0xf4:
		want = 4
	default:
		return 0, 0, 0
	}
	var raw [4]byte
	raw[0] = lead
	size = n
	for k := 1; k < want; k++ {
		c, n := utf8.DecodeRune(b[size:])
		cb, ok := westernByte(c)
		if !ok || cb < 0x80 || cb > 0xbf {
			return 0, 0, 0
		}
		raw[k] = cb
		size += n
	}
	r, got := utf8.DecodeRune(raw[:want])
	if got != want || r == utf8.RuneError || !printable(r) {
		return 0, 0, 0
	}
	return r, size, lead
}

// westernByte is the byte that windows-1252, or ISO-8859-1 for the C1
// controls windows-1252 leaves unassigned, decodes to c; ok is false for
// ASCII and for characters neither charset has.
func westernByte(c rune) (byte, bool) {
	if c >= 0x80 && c <= 0xff {
		return byte(c), true
	}
	if c < 0x80 {
		return 0, false
	}
	b, ok := charmap.Windows1252.EncodeRune(c)
	return b, ok && b >= 0x80
}

// printable reports a character a repair may produce: a graphic character
// or an invisible format character (soft hyphen, zero-width joiner), not a
// control or an unassigned code point.
func printable(r rune) bool {
	return unicode.IsGraphic(r) || unicode.Is(unicode.Cf, r)
}
