package spam

import "testing"

// TestAnalyze_Headline: a headline that scores as spam by its vocabulary
// alone is the page's own when its <title> says the same and the story
// under it uses the words; a headline the title does not name, one over a
// story that never uses its words, or one with spam's calls is not.
func TestAnalyze_Headline(t *testing.T) {
	m := model(t)
	const head = `Polisi tutup ratusan situs judi online ilegal`
	const story = `<p>Kepolisian daerah menyatakan telah menutup akses ke ratusan laman judi online sepanjang bulan ini, sebagian besar berganti alamat setiap pekan.</p>` +
		`<p>Juru bicara kepolisian meminta warga melaporkan iklan yang muncul di media sosial melalui kanal pengaduan resmi kementerian.</p>`
	const other = `<p>Pemerintah kota meresmikan jembatan baru di atas sungai yang menghubungkan dua kecamatan di sisi timur kota pada Senin pagi.</p>` +
		`<p>Juru bicara pemerintah kota meminta warga melaporkan kerusakan jalan melalui kanal pengaduan resmi yang tersedia di kantor kelurahan.</p>`
	for _, c := range []struct {
		name, title, h1, body string
		spam                  bool
	}{
		{"title and story agree", head + " - Kabar Kota", head, story, false},
		{"title is the headline whole", head, head, story, false},
		{"title says something else", "Kabar Kota - Berita terkini", head, story, true},
		{"story never uses the words", head + " - Kabar Kota", head, other, true},
		{"headline with a call and a code", head + " daftar sekarang di tk88 - Kabar Kota", head + " daftar sekarang di tk88", story, true},
	} {
		a, byID := analyzed(t, m, `<title>`+c.title+`</title><h1 id="h">`+c.h1+`</h1>`+c.body, "kabarkota.example.id")
		s := a.Score(byID["h"])
		if got := s != nil && s.Value >= Unit; got != c.spam {
			t.Errorf("%s: score %v, spam %v, want %v", c.name, s, got, c.spam)
		}
		kept, _, _ := a.CleanTitle(c.title)
		if want := c.title; !c.spam && kept != want {
			t.Errorf("%s: title %q, want %q", c.name, kept, want)
		}
	}
}
