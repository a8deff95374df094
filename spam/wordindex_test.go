package spam

import (
	"slices"
	"strings"
	"testing"
)

// TestWordIndex: on text only ASCII terms can match, the word index counts
// the terms as the whole lexicon's automaton does.
func TestWordIndex(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for i, tm := range m.terms {
		if !m.asciiTermsOnly([]byte(tm.text)) {
			continue
		}
		prev := m.terms[(i+len(m.terms)-1)%len(m.terms)].text
		texts = append(texts, tm.text, "x"+tm.text+"s", tm.text+" "+prev, "a “"+tm.text+"” b-"+tm.text+"2 é"+tm.text, strings.ToUpper(tm.text))
	}
	texts = append(texts, "", "a", "online casino games in the casinos of slot88 and sl0t gacor", "bet bets betting — “poker”")
	for _, s := range texts {
		h := []byte(s)
		if !m.asciiTermsOnly(h) {
			continue
		}
		got := m.vocabBytes(h)
		want := m.count(h, m.ac.FindAllOverlapping(h))
		if !slices.Equal(got, want) {
			t.Errorf("vocab(%q) = %v, the automaton finds %v", s, got, want)
		}
	}
}
