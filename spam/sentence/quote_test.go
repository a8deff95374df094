package sentence

import "testing"

// TestReported: a quotation introduced by a clause ending with a colon or
// a comma, or followed by a comma and a clause, is reported speech; a
// quotation standing alone, or a name in quotation marks inside a
// sentence, is not.
func TestReported(t *testing.T) {
	for _, c := range []struct {
		text string
		want []bool // per quotation, in order
	}{
		{`The message read: “Win big now!” It went to thousands.`, []bool{true}},
		{`Pesan itu berbunyi, "Daftar sekarang!" Pesan dikirim acak.`, []bool{true}},
		{`“Claim your bonus today,” the text said.`, []bool{true}},
		{`"Claim your bonus today", the text said.`, []bool{true}},
		{`Le message disait : « Jouez maintenant ! »`, []bool{true}},
		{`“Win big now!” Sign up at the site.`, []bool{false}},
		{`He sang “Yesterday” at the show and left.`, []bool{false}},
		{`Police said: "x" and "y".`, []bool{true, false}},
		{`An open “quotation that never closes.`, nil},
	} {
		qs := Quotes(c.text)
		if len(qs) != len(c.want) {
			t.Errorf("Quotes(%q) = %v, want %d", c.text, qs, len(c.want))
			continue
		}
		for i, q := range qs {
			if got := Reported(c.text, q); got != c.want[i] {
				t.Errorf("Reported(%q, %q) = %v, want %v", c.text, c.text[q.From:q.To], got, c.want[i])
			}
		}
	}
}

// TestWhole: a text that is one quotation end to end, and texts that are
// not.
func TestWhole(t *testing.T) {
	for text, want := range map[string]bool{
		` “Win big at the casino tonight!” `:       true,
		`„Jetzt spielen und gewinnen!“`:            true,
		`“Win big,” he said, “tonight.”`:           false,
		`The ad said “win big”.`:                   false,
		`“Win big tonight!” and more words after.`: false,
	} {
		if got := Whole(text); got != want {
			t.Errorf("Whole(%q) = %v, want %v", text, got, want)
		}
	}
}
