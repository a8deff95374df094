package toutf8

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

const page = `<!doctype html><html><head><title>Tiếng Việt</title></head><body><p>Café “crème” — Zürich, 東京. A paragraph long enough to fill the sniffed head of the page with ordinary markup.</p></body></html>`

func utf16Bytes(s string, order binary.AppendByteOrder) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = order.AppendUint16(b, u)
	}
	return b
}

func utf32Bytes(s string, order binary.AppendByteOrder) []byte {
	var b []byte
	for _, r := range s {
		b = order.AppendUint32(b, uint32(r))
	}
	return b
}

func TestDecode(t *testing.T) {
	latin1 := []byte("<p>Caf\xe9 cr\xe8me, Z\xfcrich.</p>")
	tests := []struct {
		name, ct string
		raw      []byte
		want     string
	}{
		{"utf-8", "", []byte(page), page},
		{"utf-8 with BOM", "", append([]byte("\xef\xbb\xbf"), page...), page},
		{"utf-16le without BOM", "", utf16Bytes(page, binary.LittleEndian), page},
		{"utf-16be without BOM", "", utf16Bytes(page, binary.BigEndian), page},
		{"utf-16le with BOM", "", append([]byte{0xff, 0xfe}, utf16Bytes(page, binary.LittleEndian)...), page},
		{"utf-32le without BOM", "", utf32Bytes(page, binary.LittleEndian), page},
		{"utf-32be without BOM", "", utf32Bytes(page, binary.BigEndian), page},
		{"undeclared latin-1 is windows-1252", "", latin1, "<p>Café crème, Zürich.</p>"},
		{"header claims utf-8 over latin-1", "text/html; charset=utf-8", latin1, "<p>Café crème, Zürich.</p>"},
		{"header charset", "text/html; charset=iso-8859-1", latin1, "<p>Café crème, Zürich.</p>"},
		// A UTF-16 declaration read as ASCII contradicts itself: the
		// bytes are not wide, and are sniffed as if undeclared (the HTML
		// standard's prescan reads a <meta> naming UTF-16 as UTF-8).
		{"meta utf-16 over ascii", "", []byte(`<meta charset="utf-16"><p>Plain text.</p>`), `<meta charset="utf-16"><p>Plain text.</p>`},
		{"meta utf-16 over latin-1", "", append([]byte(`<meta charset="UTF-16">`), latin1...), `<meta charset="UTF-16">` + "<p>Café crème, Zürich.</p>"},
		{"header utf-16 over ascii", "text/html; charset=utf-16", []byte("<p>Plain text.</p>"), "<p>Plain text.</p>"},
		{"header utf-16 over latin-1", "text/html; charset=utf-16", latin1, "<p>Café crème, Zürich.</p>"},
		{"header utf-16le over utf-16le", "text/html; charset=utf-16le", utf16Bytes(page, binary.LittleEndian), page},
		{"header utf-16be over utf-16be", "text/html; charset=UTF-16BE", utf16Bytes(page, binary.BigEndian), page},
		{"meta after 1 KiB", "", append([]byte("<html><head>"+strings.Repeat(" ", 2000)+`<meta charset="windows-1252">`), latin1...),
			"<html><head>" + strings.Repeat(" ", 2000) + `<meta charset="windows-1252">` + "<p>Café crème, Zürich.</p>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(Decode(tc.raw, tc.ct)); got != tc.want {
				t.Errorf("Decode = %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestIsWide(t *testing.T) {
	if !IsWide(utf16Bytes(page, binary.LittleEndian)) || !IsWide(utf16Bytes(page, binary.BigEndian)) {
		t.Error("UTF-16 without BOM not recognised")
	}
	if !IsWide(utf32Bytes(page, binary.LittleEndian)) {
		t.Error("UTF-32 without BOM not recognised")
	}
	// Binary data with NULs in the same places: little-endian integers.
	var ints []byte
	for i := range 512 {
		ints = binary.LittleEndian.AppendUint16(ints, uint16(i%31))
	}
	if IsWide(ints) {
		t.Error("a table of small integers (control characters as UTF-16) taken for text")
	}
	if IsWide([]byte(page)) || IsWide(bytes.Repeat([]byte{0}, 4096)) {
		t.Error("UTF-8 or all NULs taken for wide text")
	}
}

func TestDecode_SharesValidUTF8(t *testing.T) {
	raw := []byte(page)
	if out := Decode(raw, ""); &out[0] != &raw[0] {
		t.Error("valid UTF-8 was copied")
	}
}

// TestDecode_Sniffed: a page in a legacy charset that neither a header nor
// a <meta> declares is decoded in that charset, told from its bytes (sniff),
// not as windows-1252. The pages are the fixtures' Russian, Japanese,
// Chinese and Korean stories (0.7 to 1.4 KB of text, markup stripped by
// the detector), their <meta charset> removed and recoded; characters a
// charset lacks (curly quotes in KOI8-R) become its replacement. A Western
// page stays windows-1252 (TestDecode), and UTF-8 text with one stray byte
// stays UTF-8.
func TestDecode_Sniffed(t *testing.T) {
	meta := regexp.MustCompile(`(?i)<meta[^>]*charset[^>]*>`)
	for _, c := range []struct{ fixture, charset string }{
		{"html-ru-legit-gambling-ad-law-short-paragraph", "windows-1251"},
		{"html-ru-legit-gambling-bookmaker-taxes", "windows-1251"},
		{"html-ru-legit-gambling-bookmaker-taxes", "koi8-r"},
		{"html-ja-legit-gambling-resort-casino", "shift_jis"},
		{"html-ja-legit-gambling-resort-casino", "euc-jp"},
		{"html-zh-legit-gambling-lottery-draw", "gbk"},
		{"html-zh-hant-legit-gambling-macau-revenue", "big5"},
		{"html-ko-legit-gambling-betting-regulation", "euc-kr"},
	} {
		raw, err := os.ReadFile(filepath.Join("../../fixtures", c.fixture, "input.html"))
		if err != nil {
			t.Fatal(err)
		}
		raw = meta.ReplaceAll(raw, nil)
		e, err := htmlindex.Get(c.charset)
		if err != nil {
			t.Fatal(err)
		}
		legacy, err := encoding.ReplaceUnsupported(e.NewEncoder()).Bytes(raw)
		if err != nil {
			t.Fatal(err)
		}
		want, err := e.NewDecoder().Bytes(legacy)
		if err != nil {
			t.Fatal(err)
		}
		if got := Decode(legacy, "text/html"); !bytes.Equal(got, want) {
			t.Errorf("%s in %s, undeclared: decoded as another charset:\n%.300s", c.fixture, c.charset, got)
		}
	}
	stray := []byte(strings.Replace(page, "Zürich", "Zür\xffich", 1))
	if got, want := string(Decode(stray, "")), strings.Replace(page, "Zürich", "Zür\uFFFDich", 1); got != want {
		t.Errorf("UTF-8 with a stray byte = %q\nwant %q", got, want)
	}
}

// TestDecode_Deterministic: an undeclared page decodes the same on every
// run (the detector's recognizers answer concurrently; ties between them
// once turned a Latin-1 "crème" into ISO-8859-2's "crčme" on some runs).
func TestDecode_Deterministic(t *testing.T) {
	raw := []byte("<p>Caf\xe9 cr\xe8me, Z\xfcrich.</p>")
	want := "<p>Café crème, Zürich.</p>"
	for i := range 300 {
		if got := string(Decode(raw, "")); got != want {
			t.Fatalf("run %d: Decode = %q, want %q", i, got, want)
		}
	}
}

func TestBest(t *testing.T) {
	rs := []chardet.Result{{Charset: "ISO-8859-2", Confidence: 30}, {Charset: "ISO-8859-1", Confidence: 30}, {Charset: "KOI8-R", Confidence: 10}}
	if got := best(rs).Charset; got != "ISO-8859-1" {
		t.Errorf("best = %s, want ISO-8859-1 among equals", got)
	}
	rs = []chardet.Result{{Charset: "windows-1251", Confidence: 20}, {Charset: "KOI8-R", Confidence: 42}, {Charset: "ISO-8859-5", Confidence: 42}}
	if got := best(rs).Charset; got != "ISO-8859-5" {
		t.Errorf("best = %s, want the first name among equals", got)
	}
}
