package lexicon

import "testing"

func TestBuiltinLanguages(t *testing.T) {
	lx, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, term := range lx.Terms {
		n[term.Lang]++
	}
	for _, l := range []string{"en", "vi", "id", "ms", "th", "zh-Hans", "zh-Hant", "ja", "ko", "pt", "es", "ru", "tr", "hi", "de", "fr", "ar"} {
		if n[l] < 5 {
			t.Errorf("lexicon has %d terms in %s, want at least 5", n[l], l)
		}
	}
}
