package lexicon

import (
	"strings"
	"testing"
)

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

// TestParseTopic reads a term's topic weight beside its weight, and
// reports every mistake in the mapping at its line and column.
func TestParseTopic(t *testing.T) {
	lx, err := ParseFile("t.yaml", []byte("lexicon:\n  terms:\n    id:\n      judi online: {weight: 1.1, topic: 0.45}\n      judi slot: 1.2\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Term{{"judi online", "id", 1.1, 0.45}, {"judi slot", "id", 1.2, 0}}
	if len(lx.Terms) != len(want) {
		t.Fatalf("terms = %v, want %v", lx.Terms, want)
	}
	for i, w := range want {
		if lx.Terms[i] != w {
			t.Errorf("term %d = %+v, want %+v", i, lx.Terms[i], w)
		}
	}
	src := "lexicon:\n  terms:\n    id:\n      a b: {weight: 1.1, topic: 0.9}\n      c d: {topic: 0.4}\n      e f: {weight: 1, topik: 0.4}\n      g h: {weight: 1, topic: 0.4}\n    ms:\n      g h: {weight: 1, topic: 0.3}\n"
	_, err = ParseFile("t.yaml", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range []string{
		`t.yaml:4:33: expected a topic weight above 0 and below 0.5, got "0.9"`,
		`t.yaml:5:12: a term's mapping needs its weight`,
		`t.yaml:6:24: unknown key "topik" in a term's weights`,
		`t.yaml:9:7: term "g h" repeats "g h" (line 7)`,
	} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("errors lack %q:\n%v", w, err)
		}
	}
}
