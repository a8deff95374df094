package textnorm

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"one", 1},
		{"  two  words ", 2},
		{"Tiếng Việt có dấu", 4},
		{"co-operate, 2024!", 3},
		{"สล็อต บาคาร่า", 2},
		{"Windows10での操作方法です。", 9},
		{"中文新闻", 4},
	}
	for _, tt := range tests {
		if got := Words(tt.in); got != tt.want {
			t.Errorf("Words(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestCollapseAndKey(t *testing.T) {
	if got := Collapse("  a\u00a0 b\u200b c\n"); got != "a b c" {
		t.Errorf("Collapse = %q", got)
	}
	if got := Key("The “Quick”, brown—FOX!"); got != "the quick brown fox" {
		t.Errorf("Key = %q", got)
	}
	if got := Truncate("abcdef", 3); got != "abc…" {
		t.Errorf("Truncate = %q", got)
	}
}

// FuzzCollapse: Collapse agrees with a rune-at-a-time reference, and a
// Collapser given the text in two pieces cut at a rune start with Collapse.
func FuzzCollapse(f *testing.F) {
	f.Add("  Hello,  world!\u00a0Next\tline \x7f end ", 3)
	f.Add("a\u200bb  c\xff d", 1)
	f.Add("Already collapsed, plain ASCII.", 4) // returned as it is
	f.Add("Collapsed up to here\nthen not", 2)
	f.Fuzz(func(t *testing.T, s string, cut int) {
		want := collapseRef(s)
		if got := Collapse(s); got != want {
			t.Fatalf("Collapse(%q) = %q, want %q", s, got, want)
		}
		if cut < 0 || cut > len(s) || !utf8.ValidString(s) || cut < len(s) && !utf8.RuneStart(s[cut]) {
			return
		}
		var c Collapser
		c.WriteString(s[:cut])
		c.WriteString(s[cut:])
		if got := c.String(); got != want {
			t.Fatalf("Collapser(%q + %q) = %q, want %q", s[:cut], s[cut:], got, want)
		}
	})
}

// collapseRef is Collapse one rune at a time, as it was first written.
func collapseRef(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
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

// FuzzKey: Key agrees with a rune-at-a-time reference.
func FuzzKey(f *testing.F) {
	f.Add("The “Quick”, brown—FOX! 2024 Tiếng Việt \xff end")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Key(s), keyRef(s); got != want {
			t.Fatalf("Key(%q) = %q, want %q", s, got, want)
		}
	})
}

// keyRef is Key written another way, by fields: the runs of letters,
// marks and digits, lower-cased rune by rune and joined by single spaces.
func keyRef(s string) string {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
	for i, f := range fields {
		fields[i] = strings.Map(unicode.ToLower, f)
	}
	return strings.Join(fields, " ")
}

// TestRuneClasses holds WordRune, HanKana and SouthEastAsian to the
// Unicode tables, rune by rune.
func TestRuneClasses(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := WordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r); got != want {
			t.Fatalf("WordRune(%U) = %v", r, got)
		}
		if got, want := HanKana(r), unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana); got != want {
			t.Fatalf("HanKana(%U) = %v", r, got)
		}
		if got, want := SouthEastAsian(r), unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar); got != want {
			t.Fatalf("SouthEastAsian(%U) = %v", r, got)
		}
	}
}
