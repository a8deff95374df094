package litscan

import (
	"slices"
	"strings"
	"testing"
)

// asciiLower lower-cases ASCII letters only.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// naive is what Matcher must compute: which literals occur in s, ASCII
// case aside.
func naive(lits []string, s string) []bool {
	out := make([]bool, len(lits))
	for i, l := range lits {
		out[i] = l != "" && strings.Contains(asciiLower(s), l)
	}
	return out
}

func checkScan(t *testing.T, lits []string, s string) {
	t.Helper()
	for i := range lits {
		lits[i] = asciiLower(lits[i]) // the matcher's contract: no upper-case ASCII
	}
	m := New(lits)
	h := m.Scan(s)
	for i, want := range naive(lits, s) {
		if h.Has(i) != want {
			t.Errorf("literals %q in %q: %q found %v, want %v", lits, s, lits[i], h.Has(i), want)
		}
		one := make(Hits, len(h))
		one[i>>6] |= 1 << (i & 63)
		if got := m.ScanAny(s, one); got != want {
			t.Errorf("ScanAny(%q, {%q}) = %v, want %v", s, lits[i], got, want)
		}
	}
	checkMatches(t, New(lits), lits, asciiLower(s))
	checkMatches(t, NewCased(lits), lits, s)
	// The fused scans answer as the scans of the folded text do.
	folded := m.Scan(Fold(s))
	if got := m.ScanFold(s); !slices.Equal(got, folded) {
		t.Errorf("ScanFold(%q) = %b, want %b", s, got, folded)
	}
	for i := range lits {
		one := make(Hits, len(folded))
		one[i>>6] |= 1 << (i & 63)
		if got, want := m.ScanAnyFold(s, one), m.ScanAny(Fold(s), one); got != want {
			t.Errorf("ScanAnyFold(%q, {%q}) = %v, want %v", s, lits[i], got, want)
		}
	}
}

// checkMatches checks m.Matches(s) against every place each literal occurs
// in s, by end, the longer of two ending at the same byte first (the same
// literal twice: by id).
func checkMatches(t *testing.T, m *Matcher, lits []string, s string) {
	t.Helper()
	var want []Match
	for end := 1; end <= len(s); end++ {
		var here []Match
		for id, l := range lits {
			if l != "" && strings.HasSuffix(s[:end], l) {
				here = append(here, Match{ID: id, Start: end - len(l), End: end})
			}
		}
		slices.SortStableFunc(here, func(a, b Match) int { return a.Start - b.Start })
		want = append(want, here...)
	}
	got := m.Matches([]byte(s))
	if !slices.Equal(got, want) {
		t.Errorf("Matches(%q) with literals %q = %v, want %v", s, lits, got, want)
	}
}

func TestLitMatcher(t *testing.T) {
	tests := []struct {
		lits []string
		s    string
	}{
		{[]string{"he", "she", "his", "hers"}, "ushers"},
		{[]string{"bet", "alphabet", "al"}, "the alphabet"},
		{[]string{"bet", "win", "club", "casino"}, "twin towers"},
		{[]string{"bet", "related"}, "KV79 BET, Related"},
		{[]string{"related", "über"}, "RELATED ÜBER"},
		{[]string{"k"}, "\u212a"}, // the Kelvin sign lower-cases to ASCII k
		{[]string{"nhà cái", "cá cược", "ก"}, "link nhà cái uy tín, cá cược"},
		{[]string{"aaa", "aa", "a"}, "aa"},
		{[]string{"", "x"}, "xyz"},
		{[]string{"0", "1", "9"}, "kv79 bet"},
		{[]string{"abc"}, ""},
		{nil, "anything"},
		{[]string{"ab", "b", "abab"}, "aabab"},
		{[]string{allBytes, "\xff\x00"}, "x" + allBytes + "\xff\x00"},
	}
	for _, tc := range tests {
		checkScan(t, tc.lits, tc.s)
	}
}

// allBytes holds every byte value once: 256 byte classes.
var allBytes = func() string {
	b := make([]byte, 256)
	for i := range b {
		b[i] = byte(i)
	}
	return string(b)
}()

// FuzzLitMatcher checks the automaton against strings.Contains on any
// literals (split from the first input at '|') and text.
func FuzzLitMatcher(f *testing.F) {
	f.Add("he|she|his|hers", "ushers")
	f.Add("bet|win|club|casino|nhà cái", "kv79 bet nhà cái twin")
	f.Add("a|aa|aaa|b|ab", "aabaaab")
	f.Fuzz(func(t *testing.T, lits, s string) {
		if len(lits) > 512 || len(s) > 4096 {
			return
		}
		checkScan(t, strings.Split(lits, "|"), s)
	})
}

// TestWords: a word found anywhere in ASCII or other text, upper case
// matching as lower case, as strings.Contains of the lower-cased text
// would find it.
func TestWords(t *testing.T) {
	w := NewWords([]string{"share", "nav"})
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"post-share-bar", true},
		{"SiteNAV", true},
		{"Ünterseite-Share", true},
		{"ÜBER-NAVIGATION", true},
		{"shar-e", false},
		{"", false},
		{"Über uns", false},
	} {
		if got := w.In(tc.s); got != tc.want {
			t.Errorf("In(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// TestLargeAutomaton checks an automaton too large to be all table rows
// (see smallTable), whose deep states keep an edge and a fail link, against
// the naive search: many literals sharing prefixes, over a text made of
// their pieces.
func TestLargeAutomaton(t *testing.T) {
	const alphabet = "abcdefghij"
	seed := uint32(1)
	rnd := func(n int) int { // xorshift: the same literals every run
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return int(seed % uint32(n))
	}
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[rnd(len(alphabet))]
		}
		return string(b)
	}
	var lits []string
	for range 1500 {
		lits = append(lits, word(2+rnd(10)))
	}
	var text strings.Builder
	for range 400 {
		l := lits[rnd(len(lits))]
		text.WriteString(l[rnd(len(l)):])
		text.WriteString(word(rnd(3)))
	}
	if m := New(lits); len(m.tails) == 0 {
		t.Fatalf("%d literals: no state without a row; the test checks the table alone", len(lits))
	}
	checkScan(t, lits, text.String())
}
