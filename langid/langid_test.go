package langid

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestDetect(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"english", "The council voted on Monday night to build protected bike lanes along the avenue, ending a year of public meetings and heated arguments over parking.", "en"},
		{"german", "Der Stadtrat hat am Montagabend beschlossen, entlang der Hauptstraße geschützte Radwege zu bauen, nach einem Jahr voller Sitzungen und Streit um Parkplätze.", "de"},
		{"vietnamese", "Từ ngày 1/12, hành khách tại Hà Nội có thêm năm tuyến xe buýt điện nối trung tâm với các khu đô thị mới ở phía tây và phía nam thành phố.", "vi"},
		{"indonesian", "Pemerintah kota memutuskan untuk membangun jalur sepeda yang terlindungi di sepanjang jalan utama setelah setahun pertemuan publik dan perdebatan.", "id"},
		{"japanese, kanji and kana", "市議会は月曜日の夜、大通り沿いに保護された自転車レーンを建設することを決定し、駐車場をめぐる一年間の議論に終止符を打った。", "ja"},
		{"chinese", "市议会星期一晚上投票决定沿着大道修建受保护的自行车道，结束了一年多的公开会议和关于停车位的激烈争论。", "zh"},
		{"korean", "시의회는 월요일 밤 대로를 따라 보호된 자전거 도로를 건설하기로 결정하여 주차 문제를 둘러싼 일 년간의 논쟁을 끝냈다.", "ko"},
		{"russian", "Городской совет в понедельник вечером проголосовал за строительство защищённых велосипедных дорожек вдоль проспекта после года споров о парковке.", "ru"},
		{"too short", "Hello world", ""},
		// Lists carry the trigrams of names, not of a language: no answer.
		{"list of options", "Colour & Material:\nAvignon Velvet Cocoa\nAvignon Velvet French Blue\nAvignon Velvet Indigo\nCalaggio Linen Blend Dove\nNeroli Boucle Ivory\nOxford Performance Slate\nOxford Performance Flax", ""},
		{"names on one line", "Abkhazian Afar Afrikaans Akan Albanian Amharic Arabic Aragonese Armenian Assamese Avaric Avestan Aymara Azerbaijani Bambara Bashkir Basque Belarusian Bengali Breton Bulgarian Burmese Catalan Chamorro Chechen", ""},
		{"list then prose", "Home\nNews\nSport\nThe council voted on Monday night to build protected bike lanes along the avenue, ending a year of public meetings and heated arguments over parking.", "en"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect(tc.text); got != tc.want {
				t.Errorf("Detect(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestDetect_LongTextSampled(t *testing.T) {
	// A long text is read only in part, cut at a character boundary.
	text := strings.Repeat("Der Stadtrat hat beschlossen, geschützte Radwege zu bauen. ", 500)
	if got := Detect(text); got != "de" {
		t.Errorf("Detect(long German) = %q, want de", got)
	}
	if s := sample(strings.Repeat("ü", sampleBytes)); len(s) > sampleBytes || !strings.HasSuffix(s, "ü") {
		t.Errorf("sample cut inside a character: %d bytes, ends %q", len(s), s[len(s)-2:])
	}
}

func TestLanguages(t *testing.T) {
	langs := Languages()
	for _, want := range []string{"en", "de", "vi", "ja", "zh", "ko"} {
		if !slices.Contains(langs, want) {
			t.Errorf("Languages() lacks %q", want)
		}
	}
	if slices.Contains(langs, "xx") || slices.Contains(langs, "") {
		t.Errorf("Languages() holds a code Detect never answers: %v", langs)
	}
}

func TestParseTargetsAndWanted(t *testing.T) {
	got, err := ParseTargets(" EN, de ,ms")
	if err != nil || strings.Join(got, ",") != "en,de,ms" {
		t.Errorf("ParseTargets = %v, %v; want [en de ms]", got, err)
	}
	for _, bad := range []string{"english", "e1", "deu", "xx", "qq"} {
		if _, err := ParseTargets(bad); err == nil {
			t.Errorf("ParseTargets(%q) accepted", bad)
		}
	}
	for _, tc := range []struct {
		lang    string
		targets []string
		want    bool
	}{
		{"en", nil, true}, {"en", []string{"de"}, false}, {"de", []string{"en", "de"}, true}, {"", []string{"de"}, true},
	} {
		if got := Wanted(tc.lang, tc.targets); got != tc.want {
			t.Errorf("Wanted(%q, %v) = %v, want %v", tc.lang, tc.targets, got, tc.want)
		}
	}
}

// BenchmarkDetect is the cost of telling the language of one page's text.
func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("The council voted on Monday night to build protected bike lanes along the avenue, ending a year of public meetings. ", 20)
	b.ReportAllocs()
	for b.Loop() {
		Detect(text)
	}
}

func TestTrigramChar_ASCII(t *testing.T) {
	// The ASCII fast path answers as the Unicode tables do.
	for r := rune(0); r < 0x80; r++ {
		want := unicode.ToLower(r)
		if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
			want = ' '
		}
		if got := trigramChar(r); got != want {
			t.Errorf("trigramChar(%q) = %q, want %q", r, got, want)
		}
	}
}
