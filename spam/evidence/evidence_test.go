package evidence

import (
	"testing"

	"github.com/winnowhq/winnow/spam/lexicon"
)

// TestTally: weak signals count only once strong signals or vocabulary
// reach the gate; a negative signal lowers the score, never opens the
// gate; the score is rounded to hundredths.
func TestTally(t *testing.T) {
	var w [lexicon.NumSignals]float64
	w[lexicon.SigGate] = 0.6
	w[lexicon.SigForeignHost] = 0.4
	w[lexicon.SigBrandHost] = 0.3
	w[lexicon.SigGamblingHost] = 0.8
	w[lexicon.SigInline] = -0.5
	type add struct {
		s lexicon.Signal
		f float64
	}
	for _, c := range []struct {
		name string
		adds []add
		want string
	}{
		{"nothing", nil, "0"},
		{"a zero weight adds nothing", []add{{lexicon.SigForeignHost, 0}}, "0"},
		{"weak alone: listed, not counted", []add{{lexicon.SigForeignHost, 1}, {lexicon.SigBrandHost, 1}},
			"0.00 = foreign-host [0.40 not counted: gate closed] + brand-host [0.30 not counted: gate closed]"},
		{"strong opens the gate", []add{{lexicon.SigForeignHost, 1}, {lexicon.SigGamblingHost, 1}},
			"1.20 = foreign-host 0.40 + gambling-host 0.80"},
		{"below the gate the strong one counts alone", []add{{lexicon.SigForeignHost, 1}, {lexicon.SigGamblingHost, 0.5}},
			"0.40 = foreign-host [0.40 not counted: gate closed] + gambling-host 0.40"},
		{"a negative signal lowers, never opens", []add{{lexicon.SigGamblingHost, 1}, {lexicon.SigInline, 1}, {lexicon.SigBrandHost, 1}},
			"0.60 = gambling-host 0.80 + inline -0.50 + brand-host 0.30"},
		{"rounded", []add{{lexicon.SigGamblingHost, 1.0 / 3}}, "0.27 = gambling-host 0.27"},
	} {
		tl := NewTally(&w)
		for _, a := range c.adds {
			tl.Weighted(a.s, a.f, "")
		}
		if got := tl.Result().String(); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// TestFromTextStrong: which counted evidence makes a score the text's own
// (FromText) and a glued run a promotion rather than a topic sentence
// (Strong).
func TestFromTextStrong(t *testing.T) {
	ev := func(s lexicon.Signal, counted bool) Evidence {
		return Evidence{Signal: s, Weight: 0.5, Counted: counted}
	}
	for _, c := range []struct {
		name             string
		s                *Score
		fromText, strong bool
	}{
		{"vocabulary alone", &Score{Value: 1.2, Evidence: []Evidence{ev(lexicon.SigTerms, true)}}, true, false},
		{"vocabulary twice the unit", &Score{Value: 2, Evidence: []Evidence{ev(lexicon.SigTerms, true)}}, true, true},
		{"with a promotion figure", &Score{Value: 1.1, Evidence: []Evidence{ev(lexicon.SigTerms, true), ev(lexicon.SigPromo, true)}}, true, true},
		{"an uncounted figure is none", &Score{Value: 1.1, Evidence: []Evidence{ev(lexicon.SigTerms, true), ev(lexicon.SigPromo, false)}}, true, false},
		{"a hidden box is not the text's", &Score{Value: 1.1, Evidence: []Evidence{ev(lexicon.SigTerms, true), ev(lexicon.SigHidden, true)}}, false, false},
		{"an uncounted hidden box does not matter", &Score{Value: 1.1, Evidence: []Evidence{ev(lexicon.SigTerms, true), ev(lexicon.SigHidden, false)}}, true, false},
	} {
		if got := c.s.FromText(); got != c.fromText {
			t.Errorf("%s: FromText = %v, want %v", c.name, got, c.fromText)
		}
		if got := c.s.Strong(); got != c.strong {
			t.Errorf("%s: Strong = %v, want %v", c.name, got, c.strong)
		}
	}
	if (*Score)(nil).FromText() {
		t.Error("nil score: FromText = true")
	}
}

func TestDensityPlural(t *testing.T) {
	for _, c := range []struct {
		n    int
		want float64
	}{{1, 1}, {12, 1}, {48, 2}, {96, 4}} {
		if got := Density(c.n); got != c.want {
			t.Errorf("Density(%d) = %v, want %v", c.n, got, c.want)
		}
	}
	if got := Plural(1, "time") + ", " + Plural(3, "spam part"); got != "1 time, 3 spam parts" {
		t.Errorf("Plural: %q", got)
	}
	if got := AppendCapped([]string{"a", "b", "c", "d", "e"}, "f", "g"); len(got) != MaxListed {
		t.Errorf("AppendCapped: %q, want %d entries", got, MaxListed)
	}
}
