package spam

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/textscore"
	"golang.org/x/net/html"
)

// breakModel is the built-in model with the topic-break signal weighed
// (the built-in lexicon ships it at 0; see its comment).
func breakModel(t *testing.T) *Model {
	t.Helper()
	lx, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(lx, &Lexicon{Weights: map[Signal]float64{lexicon.SigTopicBreak: 0.25}})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestRunScore: a promotion glued into a paragraph of a page about
// something else is spam by its vocabulary and a promotion's evidence (a
// code, a figure, a bare code number, a call to action) in many
// languages; a sentence about the topic, with its figures, is not.
func TestRunScore(t *testing.T) {
	m := breakModel(t)
	for _, c := range []struct {
		run  string
		spam bool
	}{
		{"Bonus new member 100% di 888.", true},
		{"Juega ruleta y blackjack en BTI5288.", true},
		{"Đăng ký vua88play nhận thưởng 100k.", true},
		{"Jouez au casino en ligne sur 7711.", true},
		{"Играйте в казино онлайн на 5577.", true},
		{"Cadastre-se na PIX365 e ganhe 50 giros grátis.", true},
		{"真人百家乐 线上赌场 7722。", true},
		{"카지노사이트 추천 바카라 7799.", true},
		{"Download the zq88play app and bet on football.", true},
		// A number where the brand stands, inside a short line; a call
		// to sign up.
		{"Schnelle Auszahlung im 7391 Online Casino.", true},
		{"Jetzt bei 5517 anmelden und Willkommensbonus sichern.", true},
		{"Willkommensbonus sichern: jetzt anmelden.", true},
		// The topic, with figures and names, is not a promotion.
		{"The hotel has a casino with roulette and blackjack tables open until 4 a.m.", false},
		{"Casino stocks rose 5% on Tuesday, with Wynn up 7%.", false},
		{"The casino opened in 1998 and employs 2,400 people.", false},
		{"He placed a bet on the derby and lost $20.", false},
		// One term beside a code breaks the topic; a word of the topic
		// beside a product's code is not enough.
		{"Live roulette at QX731.", true},
		{"The casino hired engineers from QX731.", false},
		{"The state lottery jackpot reached $1.2 billion on Saturday.", false},
	} {
		s := m.RunScore(c.run, "", true, nil)
		got := s != nil && s.Value >= Unit && s.Strong()
		if got != c.spam {
			t.Errorf("runScore(%q) = %v: spam %v, want %v", c.run, s, got, c.spam)
		}
	}
}

// TestAnalyze_TopicPage: a story on the betting industry names its firms
// in its headline and lead; on a page whose other prose is about the
// topic, they stay. The same lead alone on a page about something else
// scores as spam.
func TestAnalyze_TopicPage(t *testing.T) {
	m := model(t)
	const h1 = `<h1 id="h">El regulador ordena bloquear las webs de 1xBet y Melbet por operar sin licencia en España</h1>`
	const lead = `<p id="p">El regulador del juego ha ordenado a las operadoras de telecomunicaciones que bloqueen el acceso a las páginas de 1xBet y Melbet, dos casas de apuestas que seguían aceptando jugadores sin licencia.</p>`
	for _, c := range []struct {
		name, rest string
		spam       bool
	}{
		{"story on the industry", `<p>Las apuestas deportivas y el casino en línea crecieron un 12% el último año, según las asociaciones del sector, que piden más medios contra la oferta ilegal.</p>
<p>Los expertos recuerdan que el juego responsable y la autoexclusión no existen en las webs sin licencia, y que la ludopatía afecta sobre todo a los jóvenes.</p>`, false},
		{"page about something else", `<p>El ayuntamiento aprobó el martes el presupuesto para las escuelas y las carreteras del próximo año, con el voto en contra de la oposición.</p>`, true},
	} {
		a, byID := analyzed(t, m, h1+lead+c.rest, "diario.example.es")
		for _, id := range []string{"p", "h"} {
			s := a.Score(byID[id])
			if got := s != nil && s.Value >= Unit; got != c.spam {
				t.Errorf("%s: %s score %v, spam %v, want %v", c.name, id, s, got, c.spam)
			}
		}
	}
}

// TestAnalyze_PromoLine: a short promotion line between the paragraphs of
// a story about something else is spam; the same words in a menu of a
// sports site (no promotion's evidence) are not.
func TestAnalyze_PromoLine(t *testing.T) {
	m := breakModel(t)
	story := `<p>The council met on Tuesday to discuss next year's budget for schools and roads, and approved it by seven votes to two.</p>`
	for _, c := range []struct {
		line string
		spam bool
	}{
		{`<p id="l"><strong>Win the jackpot tonight with SV52PLAY</strong></p>`, true},
		{`<p id="l">Sign up now for 100 free spins</p>`, true},
		{`<p id="l">Betting odds and expert picks</p>`, false},
		{`<p id="l">Casino night raises funds for the school</p>`, false},
	} {
		a, byID := analyzed(t, m, story+c.line+story, "news.example.com")
		n := byID["l"]
		s := a.Score(n)
		for c := n.FirstChild; c != nil && (s == nil || s.Value < Unit); c = c.NextSibling {
			s = a.Score(c)
		}
		if got := s != nil && s.Value >= Unit; got != c.spam {
			t.Errorf("%s: score %v, spam %v, want %v", c.line, s, got, c.spam)
		}
	}
}

// TestLegitMass: gambling's own help and regulation words say a page is
// about the topic; the police and court words of any story do not.
func TestLegitMass(t *testing.T) {
	m := model(t)
	for _, c := range []struct {
		text string
		some bool
	}{
		{"help for problem gambling and self-exclusion", true},
		{"el juego responsable y la ludopatía", true},
		{"police arrested two men after an investigation", false},
	} {
		ft := fold.Fold(c.text)
		if got := m.Terms().LegitMass(m.Terms().Find(ft)) > 0; got != c.some {
			t.Errorf("LegitMass(%q) > 0 = %v, want %v", c.text, got, c.some)
		}
	}
}

// TestSignalNames: every signal has a name the lexicon can weigh.
func TestSignalNames(t *testing.T) {
	for s := lexicon.Signal(0); s < lexicon.NumSignals; s++ {
		if n := s.String(); n == "unknown" || n == "" {
			t.Errorf("signal %d has no name", s)
		} else if back, ok := lexicon.SignalByName(n); !ok || back != s {
			t.Errorf("signal %q reads back as %v", n, back)
		}
	}
}

// TestOnTopic: in plain text, a headline naming two betting firms keeps
// its place on a story whose other prose is about the industry, and stays
// spam on one about something else.
func TestOnTopic(t *testing.T) {
	m := model(t)
	const head = "El regulador ordena bloquear las webs de 1xBet y Melbet por operar sin licencia en España"
	for _, c := range []struct {
		name string
		rest []string
		spam bool
	}{
		{"story on the industry", []string{
			"Las apuestas deportivas y el casino en línea crecieron un 12% el último año, según las asociaciones del sector.",
			"Los expertos recuerdan que el juego responsable y la autoexclusión no existen en las webs sin licencia, y que la ludopatía crece.",
		}, false},
		{"page about something else", []string{
			"El ayuntamiento aprobó el martes el presupuesto para las escuelas y las carreteras del próximo año.",
		}, true},
	} {
		texts := append([]string{head}, c.rest...)
		topic := m.ProseTopic("", func(yield func(string) bool) {
			for _, s := range texts {
				if !yield(s) {
					return
				}
			}
		})
		s := m.OnTopic(head, m.ScoreText(head), topic)
		if got := s != nil && s.Value >= Unit; got != c.spam {
			t.Errorf("%s: score %v (topic %.2f), spam %v, want %v", c.name, s, topic, got, c.spam)
		}
	}
}

// TestAnalyze_HeadlineTopic: a crime report whose headline names the
// topic with words spam also uses keeps a paragraph that quotes what the
// gang's sites offered; the same paragraph under a headline about
// something else, on a page whose other prose names no such topic, is
// spam. The headline is what tells them apart: the rest of the page is
// the same.
func TestAnalyze_HeadlineTopic(t *testing.T) {
	m := model(t)
	const para = `<p id="p">Kapolrestabes mengatakan para tersangka mengelola situs judi slot dan togel online yang menawarkan bonus deposit hingga 100 persen kepada member baru.</p>`
	const rest = `<p>Polisi menyita 14 telepon genggam, 6 laptop, dan buku rekening dari sebuah ruko di kawasan itu pada Selasa pagi.</p>`
	for _, c := range []struct {
		name, h1 string
		spam     bool
	}{
		{"headline on the topic", `<h1>Polisi Bongkar Judi Online Beromzet Rp 2 Miliar di Medan</h1>`, false},
		{"headline on something else", `<h1>Banjir Rendam Ratusan Rumah di Medan</h1>`, true},
	} {
		a, byID := analyzed(t, m, c.h1+para+rest, "warta.example.id")
		if s := a.Score(byID["p"]); (s != nil && s.Value >= Unit) != c.spam {
			t.Errorf("%s: score %v, want spam %v", c.name, s, c.spam)
		}
		headline := strings.TrimSuffix(strings.TrimPrefix(c.h1, "<h1>"), "</h1>")
		text := strings.TrimSuffix(strings.TrimPrefix(para, `<p id="p">`), "</p>")
		topic := m.ProseTopic(headline, func(yield func(string) bool) {})
		s := m.OnTopic(text, m.ScoreText(text), topic)
		if got := s != nil && s.Value >= Unit; got != c.spam {
			t.Errorf("%s, plain text: score %v (topic %.2f), spam %v, want %v", c.name, s, topic, got, c.spam)
		}
	}
}

// TestAnalyze_GluedRun: a sentence glued to a real paragraph, in a
// language the lexicon does not know, is read as a glued run by its code
// with a gambling stem alone; a topic word beside a code is spam when the
// page names the code nowhere else, and stays when it does (a product, a
// flight, a team the story is about). The sentence goes, the paragraph
// stays; a code of the same shape that names no gambling site ("Win11")
// stays.
func TestAnalyze_GluedRun(t *testing.T) {
	m := breakModel(t)
	const para = "The council met on Tuesday to discuss next year's budget for schools and roads, and approved it by seven votes to two."
	const ferry = "The new ferry line opens in March, the port authority said on Monday, with four boats a day."
	for _, c := range []struct {
		other, glued string
		spam         bool
	}{
		{para, "Panusta tänased mängud 88casino lehel.", true},
		{para, "Kom og spill hos Qz47bet i kveld, 200% ekstra.", true},
		{para, "Staff laptops still run the Win11 update.", false},
		{ferry, "Roleta brasileira na QX731.", true},
		{strings.Replace(ferry, "new", "QX731", 1), "Roleta brasileira na QX731.", false},
	} {
		doc, err := html.Parse(strings.NewReader(`<html><body><p>` + c.other + `</p><p id="p">` + para + " " + c.glued + `</p></body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		a := Analyze(m, doc, "news.example.com")
		for n := range doc.Descendants() {
			if domtext.Attr(n, "id") != "p" {
				continue
			}
			text := domtext.Gather(n, domtext.TextEdge)
			s := a.Score(n)
			spam := s != nil && s.Value >= Unit
			if spam != c.spam {
				t.Errorf("%q beside %q: score %v, spam %v, want %v", c.glued, c.other, s, spam, c.spam)
				continue
			}
			if !spam {
				continue
			}
			// The rules cut the run only when its evidence is the text's own.
			if from, to, _, ok := a.SpamRun(n, text, textscore.MinProseWords); !s.FromText() || !ok || strings.TrimSpace(text[from:to]) != c.glued {
				t.Errorf("%q: score %v, run %v %q, want the glued sentence, cut", c.glued, s, ok, text[from:to])
			}
		}
	}
}

// analyzed parses body as a page's body, analyzes it as a page of host,
// and returns the analysis and the page's elements by id.
func analyzed(t *testing.T, m *Model, body, host string) (*Analysis, map[string]*html.Node) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(`<html><body>` + body + `</body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*html.Node{}
	for n := range doc.Descendants() {
		if id := domtext.Attr(n, "id"); id != "" {
			byID[id] = n
		}
	}
	return Analyze(m, doc, host), byID
}

// TestAnalyze_ScriptBreak: a sentence glued into a paragraph in another
// script than the paragraph's, naming a gambling code, is spam even in a
// language the lexicon does not know; glued to a paragraph of its own
// script it is read as before.
func TestAnalyze_ScriptBreak(t *testing.T) {
	m := model(t)
	const run = "უფასო ტრიალები Gemwin69Club-ზე დღესვე."
	for _, c := range []struct {
		para string
		spam bool
	}{
		{"The council met on Tuesday to discuss next year's budget for schools and roads, and approved it by seven votes to two.", true},
		{"საკრებულომ სამშაბათს განიხილა მომავალი წლის ბიუჯეტი სკოლებისა და გზებისთვის და დაამტკიცა იგი შვიდი ხმით ორის წინააღმდეგ.", false},
	} {
		a, byID := analyzed(t, m, `<article><p>The ferry line opens in March, the port authority said on Monday, with four boats a day.</p><p id="p">`+c.para+" "+run+`</p></article>`, "news.example.com")
		s := a.Score(byID["p"])
		if spam := s != nil && s.Value >= Unit; spam != c.spam {
			t.Errorf("%q glued to %q: score %v, spam %v, want %v", run, c.para[:20], s, spam, c.spam)
		}
	}
}

// TestAnalyze_TopicSentence: on a page about the topic, a short paragraph
// written as a story's sentence (an end mark, no call to act) is read as
// its running prose is; a short line of terms, or a call, is not.
func TestAnalyze_TopicSentence(t *testing.T) {
	m := model(t)
	const story = `<p>Kementerian memutus akses ribuan tautan ke halaman judi online yang disisipkan ke situs instansi pemerintah dan kampus.</p>` +
		`<p>Pelaku meretas situs yang lemah lalu menanam halaman judi, kata direktur jenderal dalam konferensi pers di Jakarta.</p>` +
		`<p>Pemerintah juga meminta bank membekukan rekening yang dipakai untuk menampung setoran para pemain judi.</p>`
	for _, c := range []struct {
		name, line string
		spam       bool
	}{
		{"a story's closing sentence", `<p id="l">Warga diminta melaporkan situs judi online lewat kanal aduan.</p>`, false},
		{"a line of terms", `<p id="l">Situs judi online terpercaya hari ini</p>`, true},
		{"a call to act", `<p id="l">Daftar sekarang di situs judi online terpercaya hari ini!</p>`, true},
	} {
		a, byID := analyzed(t, m, story+c.line, "berita.example.id")
		s := a.Score(byID["l"])
		if got := s != nil && s.Value >= Unit; got != c.spam {
			t.Errorf("%s: score %v, spam %v, want %v", c.name, s, got, c.spam)
		}
	}
}

// TestOnTopic_Sentence: the text stage reads a short story's sentence on a
// page about the topic as Analyze does.
func TestOnTopic_Sentence(t *testing.T) {
	m := model(t)
	for _, c := range []struct {
		text string
		spam bool
	}{
		{"Warga diminta melaporkan situs judi online lewat kanal aduan.", false},
		{"Situs judi online terpercaya hari ini", true},
		{"Daftar sekarang di situs judi online terpercaya hari ini!", true},
	} {
		s := m.OnTopic(c.text, m.ScoreText(c.text), 1.5)
		if got := s != nil && s.Value >= Unit; got != c.spam {
			t.Errorf("OnTopic(%q) = %v, spam %v, want %v", c.text, s, got, c.spam)
		}
	}
}
