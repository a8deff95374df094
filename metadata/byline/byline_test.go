package byline

import (
	"strings"
	"testing"
)

func FuzzLabels(f *testing.F) {
	for _, s := range []string{"By Jane", "BY", "by:", "Written By x", "Updated: May 2", "PUBLISHED", "Date", "datex", "Mis à jour", "posted", "Đăng 12/3", "Tác giả An", "Bởi An", "Veröffentlicht am", "Ngày đăng", "İ", "\u212aby"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.TrimSpace(s)
		if s == "" || len(s) > 160 {
			return
		}
		label, bare := Label(s)
		// the reference: the lower-cased text compared with the words
		low := strings.ToLower(s)
		wantLabel, wantBare := "", false
		for _, p := range prefixes {
			word := strings.TrimSpace(p)
			b := low == word || len(low) == len(word)+1 && strings.HasPrefix(low, word) && low[len(word)] == ':'
			if strings.HasPrefix(low, p) || b {
				wantLabel, wantBare = word, b
				break
			}
		}
		if label != wantLabel || bare != wantBare {
			t.Errorf("Label(%q) = %q, %v; want %q, %v", s, label, bare, wantLabel, wantBare)
		}
		kind, ok := DateLabel(s)
		var wantKind DateKind
		wantOK := false
		if len(low) <= 160 {
			for _, l := range dateLabels {
				if strings.HasPrefix(low, l.word) {
					rest := low[len(l.word):]
					if rest == "" || rest[0] == ' ' || rest[0] == ':' {
						wantKind, wantOK = l.kind, true
						break
					}
				}
			}
		}
		if kind != wantKind || ok != wantOK {
			t.Errorf("DateLabel(%q) = %v, %v; want %v, %v", s, kind, ok, wantKind, wantOK)
		}
	})
}

func TestNamesOrganisations(t *testing.T) {
	for _, tc := range []struct {
		raw     string
		visible bool
		want    string
	}{
		{"Kneib Dentistry PC", false, ""},
		{"SmartEtailing Inc.", false, ""},
		{"Acme Software GmbH", true, ""},
		{"Loyola Marymount University", false, ""},
		{"Podium Staff", false, "Podium Staff"},
		{"The Upwork Team", false, "The Upwork Team"},
		{"Jeff Kaufman", false, "Jeff Kaufman"},
	} {
		got := strings.Join(Names([]string{tc.raw}, tc.visible), "; ")
		if got != tc.want {
			t.Errorf("Names(%q, %v) = %q, want %q", tc.raw, tc.visible, got, tc.want)
		}
	}
}

func TestNamesCoAuthors(t *testing.T) {
	for _, tc := range []struct{ raw, want string }{
		{"By Ann Lee and Bo Chen", "Ann Lee; Bo Chen"},
		{"Ann Lee & Bo Chen | March 3, 2024", "Ann Lee; Bo Chen"},
		{"By Ann Lee | Health & Science", "Ann Lee"},
		{"March 20, 2023 | Food & Drink", ""},
	} {
		got := strings.Join(Names([]string{tc.raw}, true), "; ")
		if got != tc.want {
			t.Errorf("Names(%q, true) = %q, want %q", tc.raw, got, tc.want)
		}
	}
}
