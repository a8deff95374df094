package brand

import "testing"

func reader() *Reader {
	return NewReader(map[string]float64{"bet": 1, "win": 0.4, "casino": 1, "gacor": 1}, map[string]bool{"xyz": true, "club": true}, map[string]bool{"bet365": true})
}

func TestCodes(t *testing.T) {
	r := reader()
	for _, c := range []struct {
		text         string
		gambling     bool
		plain, other int
	}{
		{"zb88bet", true, 0, 0}, {"kv79 bet", true, 0, 0}, {"sv66win", true, 0, 0},
		{"v1beta1", false, 1, 0}, {"tk88 news today", false, 1, 2}, {"48ml 5x7 1080p", false, 0, 3},
		// A brand the lexicon weighs as a term is a word here: its weight is the term's.
		{"bet365 profits", false, 0, 2},
		// A code glued to a script written without spaces is a word of its own;
		// a Latin word with accents stays whole.
		{"线上百家乐yo55", false, 1, 1}, {"สล็อตzb88bet", true, 0, 1}, {"café24 menu", false, 0, 2},
		// A currency glued to a round number is a price; with the lucky
		// numbers spam picks, a currency's letters are a code still.
		{"fined rm500 000", false, 0, 2}, {"ksh50 tax", false, 0, 2}, {"tk88 rs75", false, 2, 0},
		// A code spelled with a separator is the code; a lone letter, or
		// digits before a word, is not joined.
		{"sbo_86 official", false, 1, 1}, {"go_22 win", true, 0, 0}, {"gemwin-22", true, 0, 0},
		{"tyga.8 site", false, 1, 1}, {"v9-386 play", false, 1, 1}, {"mh-17 crash", false, 1, 1},
		{"f-16 jets", false, 0, 1}, {"3-year plan", false, 0, 2}, {"tk- 88", false, 0, 1},
		// Dates, versions and identifiers are not joined.
		{"19-dec-2025 news", false, 0, 2}, {"dec-2025", false, 0, 1}, {"gpt-5.4 model", false, 0, 2},
		{"six.52win", true, 0, 0}, {"v5 bet", true, 0, 0}, {"f1 win", false, 0, 1}, {"a4 play", false, 0, 2},
		{"ab-12-cd", false, 0, 2}, {"xq-77 and zr_35 bet now", true, 1, 2},
	} {
		got := r.Codes(c.text)
		if got.Gambling > 0 != c.gambling || got.Plain != c.plain || got.Other != c.other {
			t.Errorf("Codes(%q) = %+v, want gambling %v, plain %d, other %d", c.text, got, c.gambling, c.plain, c.other)
		}
	}
}

func TestHost(t *testing.T) {
	r := reader()
	hi := r.Host("www.hit69.xyz")
	if hi.Site != "hit69.xyz" || !hi.Brand || hi.OddTLD != "xyz" || hi.Name != "www.hit69.xyz" {
		t.Errorf("Host(www.hit69.xyz) = %+v", hi)
	}
	if hi := r.Host("cdn2.example.com"); hi.Brand || hi.Stem != 0 || hi.OddTLD != "" {
		t.Errorf("Host(cdn2.example.com) = %+v: a numbered subdomain is not a brand", hi)
	}
	if hi := r.Host("lucky.casino"); hi.Stem != 1 || hi.StemText != ".casino" {
		t.Errorf("Host(lucky.casino) = %+v: the TLD names a gambling site", hi)
	}
	if !r.NamesHost("w332", r.Host("w332.club"), false) || r.NamesHost("amazon s3", r.Host("s3.amazonaws.com"), true) {
		t.Error("NamesHost: want w332 -> w332.club, not amazon s3 -> s3.amazonaws.com")
	}
	if !r.NamesHost("cwin 69 win", r.Host("cwin69win7.com.vn"), true) || r.NamesHost("unicode 17 0", r.Host("unicode1702.org"), true) {
		t.Error("NamesHost: want cwin 69 win -> cwin69win7.com.vn, not unicode 17 0 -> unicode1702.org")
	}
	if !r.CodeNamesHost("mb789x sports betting", r.Host("mb789x.example")) {
		t.Error("CodeNamesHost: want mb789x -> mb789x.example")
	}
	if w, what := r.PathStem("/slot-gacor/index.html"); w != 1 || what != "gacor" {
		t.Errorf("PathStem = %v %q, want 1 gacor", w, what)
	}
}

// TestCodeCounts: codes are counted as Codes reads them, quantities and
// plain words aside, a code glued to Han text included.
func TestCodeCounts(t *testing.T) {
	got := reader().CodeCounts("qx731 ferry, the qx731 line; 48ml 5x7 on route 66 at 线上qx731 and zb88bet")
	want := map[string]int{"qx731": 3, "zb88bet": 1}
	if len(got) != len(want) || got["qx731"] != 3 || got["zb88bet"] != 1 {
		t.Errorf("CodeCounts = %v, want %v", got, want)
	}
}
