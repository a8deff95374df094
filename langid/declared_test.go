package langid

import "testing"

// TestDetectDeclared: a declared language Detect has no profile for is
// believed over Detect's neighbour, never over English or an unsure
// answer; a declared language Detect knows changes nothing.
func TestDetectDeclared(t *testing.T) {
	const (
		ms = "Polis telah menahan tiga orang lelaki yang disyaki terlibat dalam kegiatan haram di sebuah rumah kedai di pusat bandar semalam, kata ketua polis daerah kepada pemberita."
		sw = "Serikali imetangaza kodi mpya kwa kampuni za michezo, na wabunge wamesema fedha hizo zitatumika kujenga shule na hospitali katika maeneo ya vijijini mwaka ujao. Waziri wa fedha aliwaambia waandishi wa habari kwamba sheria hiyo itaanza kutumika mwezi ujao baada ya kusainiwa na rais."
		en = "The council said on Monday that the new bridge over the river would open to traffic next spring, after two years of work and a long dispute over its cost."
		de = "Der Stadtrat hat am Montag beschlossen, dass die neue Brücke über den Fluss im kommenden Frühjahr für den Verkehr freigegeben wird, nach zwei Jahren Bauzeit."
	)
	if l := Detect(ms); l == "ms" || l == "" || l == "en" {
		t.Fatalf("Detect(ms) = %q: the premise (no Malay profile, a neighbour answered) no longer holds", l)
	}
	for _, c := range []struct {
		name, text, declared, want string
	}{
		{"Malay declared", ms, "ms-MY", "ms"},
		{"Swahili declared", sw, "sw", "sw"},
		{"Malay undeclared", ms, "", Detect(ms)},
		{"bad tag", ms, "not a tag!", Detect(ms)},
		{"English text under a site-wide Malay declaration", en, "ms", "en"},
		{"declared language Detect knows", de, "de-AT", "de"},
		{"declared language Detect knows, text in another", de, "fr", "de"},
		{"too short to tell", "Selamat datang", "ms", ""},
		{"a macrolanguage's code for a language Detect knows", de, "no", "de"},
	} {
		if got := DetectDeclared(c.text, c.declared); got != c.want {
			t.Errorf("%s: DetectDeclared = %q, want %q", c.name, got, c.want)
		}
	}
}
