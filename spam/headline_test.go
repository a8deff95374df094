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

// TestAnalyze_HeadlineShares: the story shares the headline's words where
// the matcher read them inside a longer term of its own ("kecanduan judi
// online"), and a headline written with a title's separator keeps its
// pieces in the title.
func TestAnalyze_HeadlineShares(t *testing.T) {
	m := model(t)
	const story = `<p>Kecanduan judi online tidak hanya merugikan pemain, tetapi juga keluarganya yang kehilangan tabungan dan terjerat utang.</p>` +
		`<p>Keluarga yang membutuhkan pendampingan dapat menghubungi layanan konseling di puskesmas terdekat secara gratis.</p>`
	for _, c := range []struct{ title, h1 string }{
		{"Bantuan bagi keluarga korban judi online | Layanan", "Bantuan bagi keluarga korban judi online"},
		{"Korban judi online dibantu - keluarga tidak sendiri", "Korban judi online dibantu - keluarga tidak sendiri"},
	} {
		a, byID := analyzed(t, m, `<title>`+c.title+`</title><h1 id="h">`+c.h1+`</h1>`+story, "layanan.example.id")
		if s := a.Score(byID["h"]); s != nil && s.Value >= Unit {
			t.Errorf("%q: score %v, want below spam", c.h1, s)
		}
		if kept, _, _ := a.CleanTitle(c.title); kept != c.title {
			t.Errorf("%q: title %q, want it whole", c.h1, kept)
		}
	}
}

// TestAnalyze_Section: on a page about the topic, a section heading that
// scores as spam by its vocabulary alone names its section when the
// running prose under it shares its term; over prose on something else,
// or on a page about something else, it stays spam.
func TestAnalyze_Section(t *testing.T) {
	m := model(t)
	const topic = `<p>Regulators say problem gambling has grown with online casinos, and they want every operator to check what its players can afford to lose.</p>` +
		`<p>Charities that treat problem gambling say the adverts reach young people, who see betting and casino offers on every football shirt.</p>`
	const section = `<p>A no deposit bonus of ten pounds sounds like free money, but the most you can win from it is often capped at fifty pounds.</p>`
	const other = `<p>The council will vote next week on the plan to rebuild the bridge over the river, which has been closed to lorries since the spring.</p>`
	for _, c := range []struct {
		name, body string
		spam       bool
	}{
		{"its section's prose uses its term", topic + `<h2 id="h">No deposit bonus</h2>` + section, false},
		{"prose on something else", topic + `<h2 id="h">No deposit bonus</h2>` + other, true},
		{"a page about something else", other + other + `<h2 id="h">No deposit bonus</h2>` + section, true},
	} {
		a, byID := analyzed(t, m, `<title>Bonus offers</title><h1>What the offers are worth</h1>`+c.body, "consumer.example.org")
		s := a.Score(byID["h"])
		if got := s != nil && s.Value >= Unit; got != c.spam {
			t.Errorf("%s: score %v, spam %v, want %v", c.name, s, got, c.spam)
		}
	}
}

// TestAnalyze_StoryContainer: a short story whose paragraphs are each
// below the spam score but together above it, on a page about the topic,
// is running text read again on the topic: its <article> is not spam,
// nor the <main> made of it.
func TestAnalyze_StoryContainer(t *testing.T) {
	m := model(t)
	const title = `Polisi Tangkap Admin Situs Judi Online di Bekasi`
	page := `<title>` + title + ` | Berita</title><main id="m"><article id="a"><h1>` + title + `</h1>` +
		`<p>Polres Metro Bekasi menangkap lima admin situs judi online yang beroperasi dari sebuah ruko.</p>` +
		`<p>Para tersangka mempromosikan situs judi slot melalui media sosial dan menerima gaji Rp 5 juta per bulan.</p>` +
		`<p>Mereka dijerat pasal perjudian dan UU ITE dengan ancaman 10 tahun penjara.</p></article></main>`
	a, byID := analyzed(t, m, page, "berita.example.co.id")
	for _, id := range []string{"a", "m"} {
		if s := a.Score(byID[id]); s != nil && s.Value >= Unit {
			t.Errorf("%s: score %v, want below spam", id, s)
		}
	}
}
