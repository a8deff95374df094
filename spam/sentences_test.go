package spam

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
)

// TestSpamRun: a real paragraph keeps its sentences when the spam lies in
// a run of sentences glued to its start, end or middle; a block whose
// spam is spread, whose rest is short, or without sentence marks goes
// whole.
func TestSpamRun(t *testing.T) {
	m := model(t)
	const real1 = "The city council met on Tuesday to discuss next year's budget for schools and roads."
	const real2 = "A final vote is expected before the end of the month, the mayor's office said."
	const spam1 = "Kunjungi situs judi bola resmi terpercaya, daftar sekarang bonus new member 100%."
	const spam2 = "百家乐 娱乐城 注册送彩金，在线赌场。"
	for _, c := range []struct {
		name, text, cut string // cut "" means the block goes whole
	}{
		{"glued at the end", real1 + " " + real2 + " " + spam1, spam1},
		{"glued at the start", spam1 + " " + real1 + " " + real2, spam1},
		{"in the middle", real1 + " " + spam1 + " " + real2, spam1},
		{"chinese run at the end", real1 + " " + real2 + " " + spam2, spam2},
		{"rest too short", "Welcome to our page. " + spam1, ""},
		{"spread through", spam1 + " " + real1 + " " + spam1, ""},
		{"one sentence", real1[:len(real1)-1] + " and " + spam1, ""},
		{"no marks", "situs judi bola terpercaya daftar sekarang bonus new member 100% slot gacor maxwin hari ini", ""},
	} {
		from, to, s, ok := m.SpamRun(c.text, 12)
		if c.cut == "" {
			if ok {
				t.Errorf("%s: cut %q, want the block whole", c.name, c.text[from:to])
			}
			continue
		}
		if !ok {
			t.Errorf("%s: no run found in %q", c.name, c.text)
			continue
		}
		if got := c.text[from:to]; got != c.cut && got != " "+c.cut && got != c.cut+" " {
			t.Errorf("%s: cut %q, want %q", c.name, got, c.cut)
		}
		if s == nil || s.Value < Unit {
			t.Errorf("%s: run score %v, want at least %v", c.name, s, Unit)
		}
	}
}

// TestVerdict_Headline: a news story naming a betting firm in its title
// and headline is not a spam page; the same headline over register
// buttons to another host is.
func TestVerdict_Headline(t *testing.T) {
	m := model(t)
	story := `<p>1xBet and 22Bet, the betting firms, posted record annual profits on Tuesday, helped by strong demand across Europe and Latin America, its accounts show.</p>
<p>Revenue rose 18% in the year to March. Campaigners criticised the payout to the chief executive, one of the largest in British corporate history.</p>
<p>The company said it had invested in safer gambling tools, including deposit limits and time-outs, and supported a statutory levy.</p>`
	for _, c := range []struct {
		name, extra string
		spam        bool
	}{
		{"news story", "", false},
		{"with register buttons", `<a href="https://m.1xbet-login.example/register">Daftar</a> <a href="https://m.1xbet-login.example/login">Login</a>`, true},
	} {
		page := `<html><head><title>1xBet and 22Bet profits soar</title></head><body><h1>1xBet and 22Bet profits soar</h1>` + c.extra + story + `</body></html>`
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		if v := Analyze(m, doc, "news.example.com").Verdict("https://news.example.com/business/1"); v.Spam != c.spam {
			t.Errorf("%s: verdict %+v (%v), want spam %v", c.name, v, v.Evidence, c.spam)
		}
	}
}

// TestAnalyze_GluedSentence: a spam sentence glued into a real paragraph
// of a page about something else marks the paragraph (its run is cut, it
// stays); the same sentence on a page about gambling is its topic.
func TestAnalyze_GluedSentence(t *testing.T) {
	m := model(t)
	const para = `<p id="p">The council met on Tuesday to discuss next year's budget for schools and roads. Sign up at QX88WIN for a 200% welcome bonus.</p>`
	for _, c := range []struct {
		name, rest string
		glued      bool
	}{
		{"unrelated page", `<p>Roadworks on the ring road will finish in May, the council said, two months later than planned.</p>`, true},
		{"page about casinos", `<p>The casino's poker room and its slot machines drew record crowds, and betting on the derby doubled; the lottery and bingo halls were full.</p>`, false},
	} {
		doc, err := html.Parse(strings.NewReader(`<html><body>` + para + c.rest + `</body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		a := Analyze(m, doc, "news.example.com")
		var p *html.Node
		for n := range doc.Descendants() {
			if domtext.Attr(n, "id") == "p" {
				p = n
			}
		}
		if got := a.Glued(p); got != c.glued {
			t.Errorf("%s: glued %v, want %v (score %v)", c.name, got, c.glued, a.Score(p))
		}
		if !c.glued {
			continue
		}
		text := domtext.Gather(p, domtext.TextEdge)
		from, to, _, ok := a.SpamRun(p, text, 12)
		if !ok || !strings.Contains(text[from:to], "QX88WIN") || strings.Contains(text[from:to], "council") {
			t.Errorf("%s: run %q (ok %v), want the glued sentence", c.name, text[from:to], ok)
		}
	}
}

// FuzzSpamRun: any text gives a run inside it, on rune boundaries, or none.
func FuzzSpamRun(f *testing.F) {
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("The council met on Tuesday to discuss next year's budget for schools and roads. Situs judi slot gacor terpercaya.")
	f.Add("東京は晴れ。百家乐 娱乐城 注册送彩金。")
	f.Fuzz(func(t *testing.T, text string) {
		from, to, s, ok := m.SpamRun(text, 4)
		if !ok {
			return
		}
		if from < 0 || to > len(text) || from >= to || s == nil {
			t.Fatalf("SpamRun(%q) = %d, %d, %v", text, from, to, s)
		}
		if !utf8.ValidString(text[:from]) && utf8.ValidString(text) {
			t.Errorf("SpamRun(%q): from %d splits a rune", text, from)
		}
	})
}
