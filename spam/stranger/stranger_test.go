package stranger

import (
	"slices"
	"strings"
	"testing"
)

func TestPayload(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Write to @quickloans_bot today", "@quickloans_bot"},
		{"Call +44 7700 900123 now", "+44 7700 900123"},
		{"Call +44 7700 900123", "+44 7700 900123"}, // at the end of the text
		{"Tel 07700900123", "07700900123"},
		{"order at pills-fast.shop/buy", "pills-fast.shop/buy"},
		{"take 20mg twice", "20mg"},
		{"a Lаtin word with a Cyrillic а", "Lаtin"}, // look-alikes
		{"the $ZORB token", "$ZORB"},
		{"it costs $10 a month", ""},             // a price
		{"published 2025-07-09 by the desk", ""}, // a date
		{"e.g. in 1999, i.e. before", ""},
		{"상담을 받은 10대는 2천여 명", ""}, // a number and its counter
		{"plain words only.", ""},
	} {
		if got := Payload(c.text); got != c.want {
			t.Errorf("Payload(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// FuzzMayCarry checks mayCarry's screen against the checks it spares:
// text with a phone number, and a token that is a payload, must pass it.
func FuzzMayCarry(f *testing.F) {
	for _, s := range []string{"Write to @bot", "Call +44 7700 900123", "take 20mg", "a Lаtin word", "the $ZORB token",
		"order at shop.example/buy", "see https://x", "٣٤٥ عربي", "Ωmega ωx", "plain words only.", "e.g. this", "Ελλάδα και Rome"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if p := phone(text); p != "" && !mayCarry(text) {
			t.Errorf("mayCarry(%q) = false, but it carries %q", text, p)
		}
		for f := range strings.FieldsSeq(text) {
			if p := strings.TrimFunc(f, trimmed); p != "" && payload(p) && !mayCarry(f) {
				t.Errorf("mayCarry(%q) = false, but it is %q", f, p)
			}
		}
	})
}

func TestStrangeFamiliar(t *testing.T) {
	page := "The council met on Monday and the mayor said that the budget for the new school was approved. " +
		"The school will open in the autumn, and the council said that the mayor and the board agreed on the plan. " +
		"Kupte levné pilulky hned teď u nás. "
	v := NewVocab(page)
	for _, c := range []struct {
		piece             string
		strange, familiar bool
	}{
		{"Kupte levné pilulky hned teď u nás.", true, false},
		{"The mayor said that the school was approved.", false, true},
		{"pills-fast.shop", false, false}, // no words but the payload's
	} {
		if got := v.Strange(c.piece); got != c.strange {
			t.Errorf("Strange(%q) = %v, want %v", c.piece, got, c.strange)
		}
		if got := v.Familiar(c.piece); got != c.familiar {
			t.Errorf("Familiar(%q) = %v, want %v", c.piece, got, c.familiar)
		}
	}
}

func TestProse(t *testing.T) {
	if Prose("Andrews, Lynda West, Prajeen Vijayan, Orel Zilberman") {
		t.Error("a list of names read as prose")
	}
	if !Prose("kupte levné pilulky hned teď u nás") {
		t.Error("a sentence not read as prose")
	}
}

func TestAnchorPayload(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"vua195play", "vua195play"},
		{"Fb 777 Bet", "Fb 777 Bet"},
		{"Zolpex 20 mg", "Zolpex 20 mg"},
		{"WA +54 709 994 416", "+54 709 994 416"},
		{"Over 245,000", ""}, // a figure
		{"Less than 1%", ""},
		{"the full report", ""},
	} {
		if got := AnchorPayload(c.text); got != c.want {
			t.Errorf("AnchorPayload(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestCodeHost(t *testing.T) {
	for _, c := range []struct {
		host string
		want bool
	}{
		{"sv66win.com", true},
		{"promo.cheap-pills.example", true},
		{"198.51.100.7", true},
		{"www.zagrosrobotics.com", false},
		{"clinicaltrials.gov", false},
	} {
		if got := codeHost(c.host); got != c.want {
			t.Errorf("codeHost(%q) = %v, want %v", c.host, got, c.want)
		}
	}
}

func TestWords(t *testing.T) {
	got := slices.Collect(words("Ça va, l'été x2 AB\xffcd Ωμέγα हिन्दी"))
	want := []string{"ça", "va", "été", "ab", "cd", "ωμέγα", "हिन्दी"}
	if !slices.Equal(got, want) {
		t.Errorf("words = %q, want %q", got, want)
	}
}

// TestKnown pins Vocab.Known: a word of the piece is known when the page
// (which counted the piece too) uses it more often than the piece does.
func TestKnown(t *testing.T) {
	v := NewVocab("the harbour wall, the harbour boats. The wall fell: call x123 now now")
	for _, c := range []struct {
		piece        string
		known, total int
	}{
		{"the wall fell", 2, 3},            // the x3, wall x2 beyond the piece; fell only here
		{"The harbour, the harbour", 2, 4}, // the x3 > 2 known; harbour x2 = 2 not
		{"call x123 now now", 0, 3},        // digits end a word; "x" is too short
		{"", 0, 0},
	} {
		if k, n := v.Known(c.piece); k != c.known || n != c.total {
			t.Errorf("Known(%q) = %d, %d, want %d, %d", c.piece, k, n, c.known, c.total)
		}
	}
}
