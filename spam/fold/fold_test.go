package fold

import (
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ＳＬＯＴ ＧＡＣＯＲ", "slot gacor"},
		{"𝐬𝐥𝐨𝐭 𝐠𝐚𝐜𝐨𝐫", "slot gacor"},
		{"s\u200Bl\u200Dot", "slot"},
		{"саsinо", "casino"}, // Cyrillic а and о
		{"Москва", "москва"},
		{"\u202Ecasino\u202C", "casino"},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"sl0t", "slot"}, {"c4sin0", "casino"}, {"tk88", "tk88"}, {"789bet", "789bet"}, {"sv66win", "sv66win"}, {"48ml", "48ml"},
	} {
		if got := SwapDigits(c.in); got != c.want {
			t.Errorf("SwapDigits(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzFold: Fold never panics, returns valid UTF-8, and folding twice
// changes nothing.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"ＳＬＯＴ", "𝐬𝐥𝐨𝐭", "саsinо", "Москва", "s\u200bl0t", "ǅ", "ﬁ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Fold(s)
		if !utf8.ValidString(once) && utf8.ValidString(s) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", s, once)
		}
		if twice := Fold(once); twice != once && utf8.ValidString(s) {
			t.Fatalf("Fold(Fold(%q)) = %q, want %q", s, twice, once)
		}
	})
}
