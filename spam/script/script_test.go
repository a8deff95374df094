package script

import "testing"

func TestMainScript(t *testing.T) {
	for text, want := range map[string]string{
		"Δωρεάν περιστροφές στα φρουτάκια του Gemwin69Club": "Greek",
		"TOTO49PLAY កាស៊ីណូអនឡាញល្អបំផុត":                   "Khmer",
		"The council met on Tuesday": "Latin",
		"通常、権利者により正規のルートで販売":         "East Asian",
		"short":             "",
		"abcdefgh абвгдежз": "", // no script over half the letters
	} {
		if got := Main(text); got != want {
			t.Errorf("Main(%q) = %q, want %q", text, got, want)
		}
	}
}
