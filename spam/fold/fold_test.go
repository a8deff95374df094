package fold

import (
	"testing"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/textnorm"
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

// FuzzFold: Fold never panics, folds as its full path does, returns valid
// UTF-8, and folding twice changes nothing.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"ＳＬＯＴ", "𝐬𝐥𝐨𝐭", "саsinо", "Москва", "s\u200bl0t", "ǅ", "ﬁ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Fold(s)
		if full := mapLookalikes(foldFull(s)); once != full && !textnorm.IsASCII(s) {
			t.Fatalf("Fold(%q) = %q, the full path gives %q", s, once, full)
		}
		if !utf8.ValidString(once) && utf8.ValidString(s) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", s, once)
		}
		if twice := Fold(once); twice != once && utf8.ValidString(s) {
			t.Fatalf("Fold(Fold(%q)) = %q, want %q", s, twice, once)
		}
	})
}

// TestFoldCommon: the rune-by-rune path folds as the full path does, for
// every rune it takes, alone and between the neighbours that could
// interact with it.
func TestFoldCommon(t *testing.T) {
	t.Parallel()
	for r := rune(utf8.RuneSelf); r <= 0xD7A3; r++ {
		s := string(r)
		if r >= tableEnd && !foldsToSelf(r) {
			continue
		}
		if r < tableEnd && runeFolds()[r] == "" {
			if f, ok := foldCommon(s); ok {
				t.Fatalf("foldCommon(%U) = %q, want the full path", r, f)
			}
			continue
		}
		for _, in := range []string{s, "A" + s + "b", "e" + s + "é", "\u00a0" + s + "Ä", s + s, "日" + s + "ü"} {
			want := mapLookalikes(foldFull(in))
			got, ok := foldCommon(in)
			if !ok || mapLookalikes(got) != want {
				t.Fatalf("foldCommon(%q) = %q, %v; want %q", in, got, ok, want)
			}
		}
	}
}

// TestCountWordsASCII holds CountWords's ASCII fast path to the words that
// Words yields, on every ASCII string of one or two bytes and a few more.
func TestCountWordsASCII(t *testing.T) {
	var texts []string
	for a := 0; a < 128; a++ {
		texts = append(texts, string(rune(a)))
		for b := 0; b < 128; b++ {
			texts = append(texts, string([]byte{byte(a), byte(b)}))
		}
	}
	texts = append(texts, "", "Slot gacor 88, win@big [now]!", "a-b_c`d{e}f@g[h] 09 Z", "  tk88  ")
	for _, s := range texts {
		want := 0
		for range Words(s) {
			want++
		}
		if got := CountWords(s); got != want {
			t.Fatalf("CountWords(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestCountWordsUpTo holds CountWordsUpTo to CountWords under its limit,
// and to the limit or more at it, on ASCII text and on text of Han, Thai
// and Latin words that count differently.
func TestCountWordsUpTo(t *testing.T) {
	for _, s := range []string{"", "one two three four five six", "école 学校で勉強する ภาษาไทยยาวมาก word, more words", "tk88 — 10 000 km"} {
		all := CountWords(s)
		for limit := 0; limit <= all+2; limit++ {
			got := CountWordsUpTo(s, limit)
			if all < limit && got != all || all >= limit && got < limit {
				t.Errorf("CountWordsUpTo(%q, %d) = %d, CountWords = %d", s, limit, got, all)
			}
		}
	}
}
