package textscore

import (
	"slices"
	"testing"

	"github.com/winnowhq/winnow/spam/evidence"
)

// TestOnSubject: a paragraph scored as spam by its vocabulary alone is the
// page's prose when its terms are the subject its headline and sentences
// write; the same paragraph under another headline, a spam line (not
// written as a sentence) and one with a brand code keep their score.
func TestOnSubject(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	para := "Dulu saya terjerat judi slot selama dua tahun. Setiap malam ada saja iklan slot gacor maxwin dan bonus new member di Instagram, dan saya selalu tergoda untuk deposit lagi."
	story := []string{
		"Yang paling membantu adalah memblokir semua situs judi di ponsel dan ikut konseling setiap minggu di puskesmas.",
		"Saya baru tiga bulan berhenti judi dan masih sering dikirimi pesan oleh teman lama, sekarang nomornya saya blokir.",
	}
	harbour := []string{
		"Pelabuhan baru itu akan melayani kapal feri dua kali sehari mulai bulan Maret, kata otoritas pelabuhan.",
		"Para nelayan menyambut dermaga baru yang dibangun dengan dana daerah selama dua tahun terakhir ini.",
	}
	for _, c := range []struct {
		name, text, head string
		others           []string
		spam             bool
	}{
		{"the page's subject", para, "Sudah setahun berhenti judi slot, ini yang membantu saya", story, false},
		{"another page's", para, "Pelabuhan baru dibuka pekan depan", harbour, true},
		{"a spam line", "situs judi slot gacor maxwin hari ini bonus new member deposit pulsa tanpa potongan", "Sudah setahun berhenti judi slot", story, true},
		{"a brand code", para + " Daftar di kv79bet.", "Sudah setahun berhenti judi slot, ini yang membantu saya", story, true},
	} {
		s := m.ScoreText(c.text)
		if s == nil || s.Value < evidence.Unit {
			t.Fatalf("%s: ScoreText = %v, want spam", c.name, s)
		}
		got := m.OnSubject(c.text, s, c.head, slices.Values(c.others))
		if spam := got != nil && got.Value >= evidence.Unit; spam != c.spam {
			t.Errorf("%s: OnSubject = %v, want spam %v", c.name, got, c.spam)
		}
	}
}
