package toutf8

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// twice encodes s as UTF-8, reads those bytes as windows-1252 and encodes
// the result as UTF-8 again: the mistake Undouble repairs. The five bytes
// windows-1252 leaves unassigned are read as ISO-8859-1 reads them, as
// browsers, MySQL's latin1 and PHP's utf8_encode do.
func twice(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		r := charmap.Windows1252.DecodeByte(s[i])
		if r == utf8.RuneError {
			r = rune(s[i])
		}
		b.WriteRune(r)
	}
	return b.String()
}

// undoubleOnePage runs UndoubleTexts on a page of one text.
func undoubleOnePage(s string) string {
	UndoubleTexts([]*string{&s})
	return s
}

func TestUndouble(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"quotes and dashes", "<p>donâ€™t â€“ itâ€™s</p>", "<p>don’t – it’s</p>"},
		{"latin-1 read of the bytes (C1 controls)", "<p>Corporation\u00e2\u0080\u0099s \u00c2\u00a91998 \u00e2\u0080\u00932026</p>", "<p>Corporation’s ©1998 –2026</p>"},
		{"accents", "<p>cafÃ© crÃ¨me</p>", "<p>café crème</p>"},
		{"polish word", "<p>Å‚Ã³dÅº and ÅºrÃ³dÅ‚o</p>", "<p>łódź and źródło</p>"},
		{"russian", "<p>ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€</p>", "<p>Привет мир</p>"},
		{"emoji", "<p>ðŸ˜€ ok ðŸ‘</p>", "<p>ðŸ˜€ ok ðŸ‘</p>"}, // the second is cut short (…ðŸ‘ lacks its last byte): no second run
		{"one run is not enough", "<p>donâ€™t</p>", "<p>donâ€™t</p>"},
		{"french that looks like a pair stays", "<p>« café…» et « thé…»</p>", "<p>« café…» et « thé…»</p>"},
		{"french capitals before a no-break space stay", "<p>« SANTÉ\u00a0» et l’ÉTÉ\u00a0! «CAFÉ»</p>", "<p>« SANTÉ\u00a0» et l’ÉTÉ\u00a0! «CAFÉ»</p>"},
		{"portuguese capitals stay", "<p>IRMÃ e MAÇÃ, NÃO</p>", "<p>IRMÃ e MAÇÃ, NÃO</p>"},
		{"clean text stays", "<p>Café “crème” — Zürich, 東京, Tiếng Việt, Ελληνικά</p>", "<p>Café “crème” — Zürich, 東京, Tiếng Việt, Ελληνικά</p>"},
		{"mixed page: clean and doubled", "<h1>Zürich – Genève</h1><p>Zâ€™s cafÃ©</p>", "<h1>Zürich – Genève</h1><p>Z’s café</p>"},
	}
	// Text in many scripts, encoded twice, comes back as it was.
	for _, s := range []string{
		"It’s “quoted” — and… done. Price: 5 € or £4, 20°C.",
		"Ça coûte très cher à Genève, n’est-ce pas ?",
		"Düsseldorf und Köln: Größe, Maße, Übung.",
		"Москва и Санкт-Петербург",
		"Αθήνα και Θεσσαλονίκη",
		"東京と大阪",
		"Party 🎉 time 😀",
	} {
		tests = append(tests, struct{ name, in, want string }{"round trip: " + s, twice(s), s})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := (undoubleOnePage(tc.in)); got != tc.want {
				t.Errorf("Undouble(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestUndoubleTexts_CountsThePage(t *testing.T) {
	a, b, c := "<p>donâ€™t</p>", "<p>itâ€™s</p>", "plain"
	if n := UndoubleTexts([]*string{&a, &b, &c}); n != 2 || a != "<p>don’t</p>" || b != "<p>it’s</p>" || c != "plain" {
		t.Errorf("two texts with one repair each: n=%d, %q %q %q", n, a, b, c)
	}
	one := "<p>donâ€™t</p>"
	if n := UndoubleTexts([]*string{&one}); n != 0 || one != "<p>donâ€™t</p>" {
		t.Errorf("one repair on the page: n=%d, %q", n, one)
	}
}

func TestDecode_DeclaredLegacyOverUTF8(t *testing.T) {
	page := "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Great service – see our 5★ reviews, café.</p></body></html>"
	for _, ct := range []string{"", "text/html; charset=ISO-8859-1", "text/html; charset=windows-1252"} {
		if got := string(Decode([]byte(page), ct)); got != page {
			t.Errorf("content type %q: Decode = %q, want the UTF-8 as it is", ct, got)
		}
	}
	// A 7-bit charset keeps its declaration: ISO-2022-JP is valid ASCII.
	jis := "<meta charset=\"iso-2022-jp\"><p>\x1b$B$3$s$K$A$O\x1b(B</p>"
	if got := string(Decode([]byte(jis), "")); !strings.Contains(got, "こんにちは") {
		t.Errorf("ISO-2022-JP: Decode = %q", got)
	}
}

// FuzzUndouble: the output is valid UTF-8, its ASCII bytes are the input's,
// in order, and text that holds no run comes back as it was.
func FuzzUndouble(f *testing.F) {
	for _, s := range []string{"donâ€™t â€“ itâ€™s", "cafÃ© Ã", "ÐŸÑ€Ð¸", "plain", "ðŸ˜€ðŸ˜€", "é…» é…»"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := undoubleOnePage(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Undouble(%q) = %q, not UTF-8", s, got)
		}
		if ascii(got) != ascii(s) {
			t.Fatalf("Undouble(%q) = %q changed ASCII", s, got)
		}
		if !strings.ContainsRune(s, 'Ã') && !strings.ContainsAny(s, "ÂÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóô") && got != s {
			t.Fatalf("Undouble(%q) = %q without a lead character", s, got)
		}
	})
}

func ascii(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
