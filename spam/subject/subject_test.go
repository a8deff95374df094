package subject

import "testing"

func TestStem(t *testing.T) {
	for _, c := range []struct {
		w, want string
		ok      bool
	}{
		{"Casinos", "casi", true},
		{"wettanbieter", "wett", true},
		{"judi", "judi", true},
		{"bet", "", false},       // too short to name a subject
		{"ku88", "", false},      // a code, not a word
		{"Ставки", "став", true}, // any script written with letters
	} {
		got, ok := Stem(c.w)
		if got != c.want || ok != c.ok {
			t.Errorf("Stem(%q) = %q, %v, want %q, %v", c.w, got, ok, c.want, c.ok)
		}
	}
}

func TestNames(t *testing.T) {
	var p Page
	p.Add("regulator fines casino group over problem gamblers")
	p.Add("the harbour reopened on monday for online bookings")
	p.Add("ohne die neue mole gab es keine fahrt")
	for _, c := range []struct {
		terms []string
		want  bool
	}{
		{[]string{"online casinos"}, true}, // both words written
		{[]string{"judi online"}, false},   // "online" alone is no subject
		{[]string{"ohne einzahlung", "slot"}, false},
		{[]string{"bet", "ku88 casino"}, false},  // too short; a code
		{[]string{"slot gacor", "casino"}, true}, // the headline's word
	} {
		if got := p.Names(c.terms); got != c.want {
			t.Errorf("Names(%q) = %v, want %v", c.terms, got, c.want)
		}
	}
}
