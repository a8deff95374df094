package sentence

import (
	"strings"
	"testing"
)

// TestRun: the run spans from the first to the last sentence that carries
// evidence; the text goes whole (ok false) when the run is all of it, the
// rest is short, or the rest carries evidence too.
func TestRun(t *testing.T) {
	// A sentence's score is how often it says "spam".
	score := func(s string) float64 { return float64(strings.Count(s, "spam")) }
	const real = "The council met on Tuesday to discuss the budget."
	for _, c := range []struct {
		name, text, run string
		ok              bool
	}{
		{"glued at the end", real + " Buy spam now.", "Buy spam now.", true},
		{"glued at the start", "Buy spam now. " + real, "Buy spam now.", true},
		{"a run of two with a clean one between", real + " Buy spam. Then more. Spam spam spam.", "Buy spam. Then more. Spam spam spam.", true},
		{"only spam", "Buy spam. More spam.", "", false},
		{"rest too short", "Buy spam now. Short rest.", "", false},
		{"no sentence carries it", real + " " + real, "", false},
		{"no marks: one sentence", "buy spam now and the council met on tuesday to discuss the budget", "", false},
	} {
		from, to, ok := Run(c.text, 8, 1, 1, score)
		if ok != c.ok || ok && strings.TrimSpace(c.text[from:to]) != c.run {
			t.Errorf("%s: Run = %q %v, want %q %v", c.name, c.text[from:to], ok, c.run, c.ok)
		}
	}
}
