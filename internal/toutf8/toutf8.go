// Package toutf8 converts a web page in any charset to UTF-8. It is the one
// charset decoder of winnow: clean and the crawler both use it.
//
// The charset is taken from, in order: a byte-order mark; the Content-Type
// header's charset; a <meta> declaration in the first 16 KiB (many pages
// declare it after the 1 KiB the HTML standard's prescan looks at); the
// shape of the bytes (UTF-16 or UTF-32 text without a byte-order mark, then
// valid UTF-8); then a statistical guess (see sniff): windows-1251,
// Shift_JIS, GBK and the other legacy charsets of the web told apart by
// their byte sequences and letter frequencies; else windows-1252, as the
// WHATWG encoding sniffing algorithm and browsers do for Western locales. A declaration is not believed where
// the bytes contradict it, the web's usual culprits: UTF-8 declared over
// bytes that are not UTF-8, and a legacy charset (a server's default
// ISO-8859-1, a template's windows-1252) declared over bytes that are valid
// UTF-8 with non-ASCII text in them, which text in a legacy charset
// practically never is. Browsers believe that second declaration and show
// "â€“" for "–"; the author meant the UTF-8.
//
// Text that was encoded as UTF-8 twice ("donâ€™t", "cafÃ©") is repaired
// once the page is parsed, as it can hide in character references: see
// UndoubleTexts.
package toutf8

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"
)

// Decode returns raw as UTF-8, without a byte-order mark; bytes that are not
// valid in the page's charset become U+FFFD. raw is never modified; when it
// is valid UTF-8 the result shares its memory.
func Decode(raw []byte, contentType string) []byte {
	valid := utf8.Valid(raw)
	enc := Encoding(raw, contentType, valid)
	if enc == nil {
		if valid {
			return bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		}
		return validUTF8(raw)
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), raw)
	if err != nil {
		return validUTF8(raw)
	}
	return validUTF8(out)
}

// Encoding returns the encoding of raw, or nil for UTF-8; valid says whether
// raw is valid UTF-8 (the caller usually knows).
func Encoding(raw []byte, contentType string, valid bool) encoding.Encoding {
	if e := bomEncoding(raw); e != nil || bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		return e
	}
	// Content-Type (and the standard's 1024-byte prescan).
	if e, name, certain := charset.DetermineEncoding(raw, contentType); certain && !narrowAsWide(name, raw) {
		if name != "utf-8" || valid {
			return believed(e, name, raw, valid)
		}
	}
	head := raw[:min(len(raw), 16<<10)]
	if m := metaCharsetRx.FindSubmatch(head); m != nil {
		if e, err := htmlindex.Get(string(m[1])); err == nil {
			name, _ := htmlindex.Name(e)
			if (name != "utf-8" || valid) && !narrowAsWide(name, raw) {
				return believed(e, name, raw, valid)
			}
		}
	}
	if e := wideEncoding(raw); e != nil {
		return e
	}
	if valid || mostlyUTF8(raw) {
		return nil
	}
	if e, ok := sniff(raw); ok {
		return e
	}
	e, _ := htmlindex.Get("windows-1252")
	return e
}

// sniff guesses the charset of raw, which declares none and is not UTF-8
// throughout, with github.com/gogs/chardet: ICU's detector, which scores
// each charset by the validity and frequency of its byte sequences
// (multi-byte charsets) or by the letter pairs of its languages
// (single-byte ones), markup stripped. golang.org/x/net/html/charset's
// DetermineEncoding, already asked, reads declarations only and falls back
// to windows-1252 whatever the bytes. The guess is taken when ICU's
// confidence is at least minConfidence and the charset is one the web
// uses (htmlindex knows it); a UTF-8 guess (UTF-8 text with a stray byte)
// returns nil, ok. On 433 Western pages of the bench (WCXB, AEB) recoded
// to windows-1252 without a declaration it says ISO-8859-1 or
// windows-1252 every time, which decode alike. The detector reads at most
// sniffBytes.
func sniff(raw []byte) (encoding.Encoding, bool) {
	rs, err := chardet.NewHtmlDetector().DetectAll(raw[:min(len(raw), sniffBytes)])
	if err != nil {
		return nil, false
	}
	r := best(rs)
	if r.Confidence < minConfidence {
		return nil, false
	}
	e, err := htmlindex.Get(r.Charset)
	if err != nil {
		return nil, false
	}
	name, _ := htmlindex.Name(e)
	return nilIfUTF8(e, name), true
}

// best returns the detector's guess among rs (not empty), the same for the
// same bytes: the highest confidence, and among guesses of equal confidence
// windows-1252 or ISO-8859-1 (what an undeclared page is read as by the
// HTML standard), else the first charset by name. The detector's own
// DetectBest, and the order of DetectAll among equals, take whichever of
// its concurrent recognizers answers first: a short Latin-1 page came out
// as ISO-8859-2 ("crčme") on some runs.
func best(rs []chardet.Result) chardet.Result {
	b := rs[0]
	for _, r := range rs[1:] {
		switch {
		case r.Confidence != b.Confidence:
			if r.Confidence > b.Confidence {
				b = r
			}
		case western(b.Charset) != western(r.Charset):
			if western(r.Charset) {
				b = r
			}
		case r.Charset < b.Charset:
			b = r
		}
	}
	return b
}

// western reports the charsets an undeclared page defaults to.
func western(name string) bool {
	return strings.EqualFold(name, "ISO-8859-1") || strings.EqualFold(name, "windows-1252")
}

// mostlyUTF8 reports UTF-8 text with a few stray bytes (a character cut in
// two, one Latin-1 byte pasted in): ten valid multi-byte sequences or more
// per byte that is not UTF-8. Legacy text rarely forms one such sequence
// (windows-1251 letters are all lead bytes, windows-1252's sit among ASCII),
// and ICU's detector ranks such a page windows-1252, turning every other
// accented letter into two.
func mostlyUTF8(b []byte) bool {
	multi, bad := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			multi++
		}
		i += n
	}
	return multi >= 10*bad
}

// minConfidence is the least confidence (1 to 100) of a charset guess
// taken: a short Russian text in windows-1251 or KOI8-R scores 42 to 44,
// a Japanese or Chinese one 100; guesses under it fall back to
// windows-1252.
const minConfidence = 25

// sniffBytes bounds the bytes the detector reads: its recognisers each
// pass over them, and 64 KiB hold text enough.
const sniffBytes = 64 << 10

// narrowAsWide reports a declaration of UTF-16 (name as htmlindex gives it)
// over bytes that are not UTF-16 text: a <meta> found by reading the bytes
// as ASCII says so by being found (the HTML standard's prescan takes it for
// UTF-8), and a header saying so, decoded as told, turns markup into CJK
// characters. The bytes are then sniffed as if nothing were declared.
func narrowAsWide(name string, raw []byte) bool {
	return (name == "utf-16le" || name == "utf-16be") && !IsWide(raw)
}

var metaCharsetRx = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)`)

// bomEncoding is the encoding a UTF-16 or UTF-32 byte-order mark names, or
// nil. (The UTF-8 mark is handled by the caller.)
func bomEncoding(b []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe, 0, 0}):
		return utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM)
	case bytes.HasPrefix(b, []byte{0, 0, 0xfe, 0xff}):
		return utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM)
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	return nil
}

// believed is the declared encoding e (named name), or nil for UTF-8 when
// raw is valid UTF-8 holding non-ASCII bytes: a 7-bit charset (ISO-2022-JP)
// stays as declared.
func believed(e encoding.Encoding, name string, raw []byte, valid bool) encoding.Encoding {
	if name == "utf-8" {
		// UTF-8 either way: not worth the byte loop over the whole page
		// (0.4% of winnow's instructions on AEB, whose pages say UTF-8).
		return nil
	}
	if valid && !isASCII(raw) {
		return nil
	}
	return nilIfUTF8(e, name)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func nilIfUTF8(e encoding.Encoding, name string) encoding.Encoding {
	if name == "utf-8" || e == nil {
		return nil
	}
	return e
}

func validUTF8(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if utf8.Valid(b) {
		return b
	}
	return bytes.ToValidUTF8(b, []byte("\uFFFD"))
}

// IsWide reports whether b is UTF-16 or UTF-32 text, with or without a
// byte-order mark: such text is full of NUL bytes, which a binary sniffer
// would otherwise take for binary data.
func IsWide(b []byte) bool {
	return bomEncoding(b) != nil || wideEncoding(b) != nil
}

// wideEncoding recognises UTF-16 and UTF-32 text without a byte-order mark
// by where its NUL bytes fall in the first KiB: web pages are mostly ASCII
// markup, so most code units have zero high bytes, in the same place each
// time. The decoded head must then be text: no control characters but
// whitespace, no unpaired surrogates.
func wideEncoding(b []byte) encoding.Encoding {
	head := b[:min(len(b), 1024)]
	if len(head) < 16 || bytes.IndexByte(head, 0) < 0 {
		return nil
	}
	var zeros [4]int // NUL bytes by position mod 4
	for i, c := range head {
		if c == 0 {
			zeros[i%4]++
		}
	}
	units := len(head) / 4 // per position mod 4
	mostly := func(n int) bool { return n*10 >= units*7 }
	rarely := func(n int) bool { return n*10 <= units }
	var cands []encoding.Encoding
	switch {
	case mostly(zeros[1]) && mostly(zeros[2]) && mostly(zeros[3]) && rarely(zeros[0]):
		cands = append(cands, utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM))
	case mostly(zeros[0]) && mostly(zeros[1]) && mostly(zeros[2]) && rarely(zeros[3]):
		cands = append(cands, utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM))
	case mostly(zeros[1]/2+zeros[3]/2) && rarely(zeros[0]+zeros[2]):
		cands = append(cands, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM))
	case mostly(zeros[0]/2+zeros[2]/2) && rarely(zeros[1]+zeros[3]):
		cands = append(cands, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM))
	}
	for _, e := range cands {
		if looksLikeText(e, head) {
			return e
		}
	}
	return nil
}

// looksLikeText decodes head with e and reports whether it reads as text.
func looksLikeText(e encoding.Encoding, head []byte) bool {
	// Cut head at a whole code unit; a cut surrogate pair decodes as U+FFFD,
	// which is allowed once at the end.
	out, _, err := transform.Bytes(e.NewDecoder(), head[:len(head)/4*4])
	if err != nil {
		return false
	}
	bad := 0
	for _, r := range string(out) {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		case r < 0x20 || r == 0x7f:
			return false
		case r == utf8.RuneError || utf16.IsSurrogate(r):
			bad++
		}
	}
	return bad <= 1
}
