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
	p.Add("regulator fines casino group over problem gamblers", HeadlineWeight)
	p.Add("the harbour reopened on monday", 1)
	p.Add("ferries will run twice a day", 1)
	p.Add("the harbour master said", 1)
	for _, c := range []struct {
		words []string
		want  bool
	}{
		{[]string{"online", "casinos"}, true}, // the headline's word
		{[]string{"harbour"}, true},           // two texts write it
		{[]string{"ferry"}, false},            // one text only (ferr: "ferries")
		{[]string{"slot", "gacor"}, false},    // a stranger to the page
	} {
		if got := p.Names(c.words); got != c.want {
			t.Errorf("Names(%q) = %v, want %v", c.words, got, c.want)
		}
	}
}

func TestTermWords(t *testing.T) {
	got := TermWords([]string{"judi slot", "slot gacor", "maxwin"})
	want := []string{"judi", "slot", "gacor", "maxwin"}
	if len(got) != len(want) {
		t.Fatalf("TermWords = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("TermWords = %q, want %q", got, want)
		}
	}
}
