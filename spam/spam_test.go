package spam

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/winnowhq/winnow/internal/domtext"
)

func model(t *testing.T) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestScoreText(t *testing.T) {
	m := model(t)
	spam := []string{
		"Situs judi online slot gacor maxwin hari ini",
		"Nhà cái uy tín nhất 2025 - cá cược bóng đá, nổ hũ đổi thưởng",
		"สล็อตเว็บตรง บาคาร่า แทงบอลออนไลน์ เครดิตฟรี",
		"百家乐 娱乐城 注册送彩金",
		"토토사이트 카지노 먹튀검증",
		"jogo do tigrinho pagando muito",
		"real money slots with free spins",
		"tk88 bet",
		"Đăng ký zb88 bet và kv79 win nhận thưởng 100k",
		"𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 ＭＡＸＷＩＮ",
		"s\u200blot ga\u200ccor",
	}
	for _, s := range spam {
		if sc := m.ScoreText(s); sc == nil || sc.Value < Unit {
			t.Errorf("ScoreText(%q) = %v, want spam", s, sc)
		}
	}
	legit := []string{
		"The 2024 bet on growth paid off for the G20 economies.",
		"Regulators said the online casino market grew last year, and the gambling commission will publish new rules on responsible gambling.",
		"We stayed at a hotel next to the casino in Monte Carlo and walked along the harbour at night.",
		"Tonight's lottery results: the winning numbers were 4, 11, 23, 35 and 41, and the jackpot rolls over.",
		"Download echo360 and PCRE2; the html5 player needs 48ml of nothing.",
		"barrington1503 wrote: the ICU4X release fixed it",
		"The poker tournament's final table was decided after nine hours; the winner took home $1.2 million.",
		"SUN52",
	}
	for _, s := range legit {
		if sc := m.ScoreText(s); sc != nil && sc.Value >= Unit {
			t.Errorf("ScoreText(%q) = %v, want below %v", s, sc, Unit)
		}
	}
}

// TestScoreText_SpelledCodesAndLanguages: spam written in Filipino,
// Persian, Polish, Romanian, Greek, Khmer and Swahili, or naming its brand
// with a separator inside the code, is spam; news in those languages on
// betting law, prizes and deposits, and flight and model numbers spelled
// with a hyphen, are not.
func TestScoreText_SpelledCodesAndLanguages(t *testing.T) {
	m := model(t)
	for _, s := range []string{
		"Kumuha ng libreng 100 sa jk77.vip ngayong gabi",
		"جایزه اولین واریز در pb66 برای کاربران جدید",
		"Odbierz bonus w ZX44 już dziś",
		"zx44: cele mai mari cote la pariuri din România",
		"μπόνους καλωσορίσματος στο QW91 για νέα μέλη",
		"ល្បែងស្លត QW91 ដកប្រាក់រហ័ស",
		"Weka dau leo na QW91 upate zawadi",
		"Win_77 Bet", "KQ-66 live casino and poker tonight",
	} {
		if sc := m.ScoreText(s); sc == nil || sc.Value < Unit {
			t.Errorf("ScoreText(%q) = %v, want spam", s, sc)
		}
	}
	for _, s := range []string{
		"Parlamentul a votat legea privind pariurile sportive și jocurile de noroc.",
		"សិស្សពូកែចំនួន ១០ នាក់ ទទួលបានប្រាក់រង្វាន់ពីក្រសួងអប់រំ",
		"بانک مرکزی گفت اولین واریز یارانه نقدی فردا انجام می‌شود",
		"Ο δήμαρχος απηύθυνε χαιρετισμό καλωσορίσματος στους επισκέπτες.",
		"Investigators said MH-17 was hit over eastern Ukraine; COVID-19 rules were lifted.",
		"The SU-57 and the F-16 flew at the 3-day air show.",
	} {
		if sc := m.ScoreText(s); sc != nil && sc.Value >= Unit {
			t.Errorf("ScoreText(%q) = %v, want below %v", s, sc, Unit)
		}
	}
}

func TestAnalyze(t *testing.T) {
	m := model(t)
	page := `<html><head><title>Port traffic</title></head><body><article>
<p id="glued">The authority expects traffic to pass its 2019 peak by the end of 2027, the minister said. <a id="a1" href="https://www.hit69.me/">online poker</a></p>
<p id="cite">According to <a id="a2" href="https://www.reuters.com/world/">Reuters</a>, the port handled 1.2 million containers in the first half of the year.</p>
<p id="farm"><a href="https://zb88bet.com/">zb88 bet</a> | <a href="https://kv79.vip/">kv79 win</a> | <a href="https://ok365bet.xyz/">ok365bet</a></p>
<div style="display:none" id="hid">nhà cái uy tín kv79 bet</div>
<details id="faq"><summary>How long is the wait?</summary><p>About two weeks for most applications.</p></details>
<div class="accordion-item"><div id="ans" class="accordion-collapse collapse" style="display:none">Yes: the online casino operators must offer deposit limits and self-exclusion, the regulator said.</div></div>
<div role="tabpanel" id="tab2" hidden>Poker and online casino revenue rose 4 percent in the quarter.</div>
<p id="user">Posted by raziel101 on the echo360 forum.</p>
<p id="prod">Lectures are recorded with <a id="echo" href="https://echo360.com/">echo360</a> and the html5 player; see <a id="icu" href="https://github.com/unicode-org/icu4x">ICU4X</a>.</p>
<div id="px" style="height:1px;overflow:hidden">situs judi slot gacor</div>
<span id="col" style="color:#fff;background-color:#fff">casino online bonus new member</span>
<p id="bare">SUN52</p>
<p id="bare2">QK57 plus</p>
<div id="hcode" style="font-size:0">QK57 sports betting</div>
<p id="hfarm">Partners: <a href="https://lux8.xyz/">Lux Eight</a>, <a href="https://qq9win.top/">Quick Nine</a>, <a href="https://okvip7.club/">OK Seven</a></p>
<p id="ops">Licensed operators include <a href="https://www.bet365.com/">Bet365</a>, <a href="https://www.888.com/">888</a> and <a href="https://web3.example.io/">Web3</a>.</p>
<div id="hprod" style="display:none">The D750 has two SD card slots, a tilting 3.2-inch monitor and a 24-megapixel sensor that records full HD video at 60 frames per second.</div>
</article></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	a := Analyze(m, doc, "port.example.com")
	byID := map[string]*html.Node{}
	for n := range doc.Descendants() {
		if id := domtext.Attr(n, "id"); id != "" {
			byID[id] = n
		}
	}
	for id, spam := range map[string]bool{"a1": true, "a2": false, "glued": false, "cite": false, "farm": true, "hid": true, "faq": false, "user": false, "ans": false, "tab2": false, "prod": false, "echo": false, "icu": false, "px": true, "col": true, "bare": true, "bare2": true, "hcode": true, "hprod": false, "hfarm": true, "ops": false} {
		s := a.Score(byID[id])
		got := s != nil && s.Value >= Unit
		if got != spam {
			t.Errorf("%s: score %v, spam %v, want %v", id, s, got, spam)
		}
	}
	if v := a.Verdict("https://port.example.com/news"); v.Spam {
		t.Errorf("verdict %+v on a real page", v)
	}
}

func TestCleanTitle(t *testing.T) {
	m := model(t)
	for _, c := range []struct{ in, want string }{
		{"kv79 bet | Port authority expands terminal", "Port authority expands terminal"},
		{"Port authority expands terminal - Situs judi slot gacor", "Port authority expands terminal"},
		{"Macau casino revenue climbs 12% - Business News", "Macau casino revenue climbs 12% - Business News"},
		{"Slot gacor maxwin | situs judi online", "Slot gacor maxwin | situs judi online"},
		{"Poker: final table set | Sports", "Poker: final table set | Sports"},
	} {
		if got, _, _ := m.CleanTitle(c.in); got != c.want {
			t.Errorf("CleanTitle(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSheet(t *testing.T) {
	m := model(t)
	sh := ParseSheet(`body{margin:0} .nav a:hover{color:red} .x-promo, #sp {display: none !important} div.tiny{height:1px;overflow:hidden} .tab{display:none}`)
	page := `<html><body><p>Real paragraph about the harbour and its new quay, opened on Monday by the minister.</p>
<div id="a" class="x-promo">situs judi slot gacor</div><p id="b" class="tiny">nhà cái uy tín kv79 bet</p>
<div id="c" class="plain">Opening hours: 9 to 5.</div><div id="d" class="tab">Poker and online casino revenue rose 4 percent.</div></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	a := AnalyzeSheet(m, doc, "", sh)
	for n := range doc.Descendants() {
		id := domtext.Attr(n, "id")
		if id == "" {
			continue
		}
		s := a.Score(n)
		hidden := s != nil && strings.Contains(s.String(), "style sheet")
		if want := id == "a" || id == "b"; hidden != want {
			t.Errorf("%s: score %v: hidden by the sheet %v, want %v", id, s, hidden, want)
		}
	}
}

// TestBrandStems: a gambling stem makes a code a gambling code only as a
// word of its own or with two letters or more beside it.
func TestBrandStems(t *testing.T) {
	m := model(t)
	for _, c := range []struct {
		text     string
		gambling bool
	}{
		{"zb88bet", true}, {"kubet77", true}, {"789bet", true}, {"sv66win", true},
		{"v1beta1", false}, {"v2beta3", false}, {"h2c", false}, {"ipv4", false},
	} {
		if got := m.Brand().Codes(c.text).Gambling > 0; got != c.gambling {
			t.Errorf("brands(%q): gambling %v, want %v", c.text, got, c.gambling)
		}
	}
}

// TestAnalyze_CarriesSpam: a bare code (id "bare") or a number set apart
// (id "num") is spam only on a page that carries other spam: two spam
// units (a glued run counts as one), or one that names several brand
// codes. A year set apart never is.
func TestAnalyze_CarriesSpam(t *testing.T) {
	m := model(t)
	const story = `<p>The harbour authority said on Monday that the new quay would open to container ships in the spring, after two years of work on the breakwater.</p>`
	const glued = `<p id="glued">The minister visited the site on Tuesday and met the engineers who designed the new cranes for the terminal, which will lift twice the load of the old ones. Juega ruleta y blackjack en QX41BET.</p>`
	const link = `<p>Crews will dredge the channel through the winter, the authority said. <a href="https://rv63.xyz/">RV63</a></p>`
	const list = `<div>{jm24bet}|{kp58win}|{zd17 club}|{tu90bet}</div>`
	for _, c := range []struct {
		name, body string
		spam       bool
	}{
		{"no other spam", story, false},
		{"one spam link", story + link, false},
		{"a glued run and a spam link", story + glued + link, true},
		{"one block of codes", story + list, true},
	} {
		a, byID := analyzed(t, m, `<article>`+c.body+`<p id="bare">HV52</p><h3 id="num">73150</h3><p id="year">2019</p></article>`, "port.example.com")
		if n := byID["glued"]; n != nil && !a.Glued(n) {
			t.Errorf("%s: the glued run was not found: %v", c.name, a.Score(n))
		}
		for id, want := range map[string]bool{"bare": c.spam, "num": c.spam, "year": false} {
			s := a.Score(byID[id])
			if got := s != nil && s.Value >= Unit; got != want {
				t.Errorf("%s: %s scored %v, spam %v, want %v", c.name, id, s, got, want)
			}
		}
	}
}

// TestAnalyze_ShortGlued: a spam sentence glued to a short paragraph (a
// credit line) is found on a page that carries other spam; on a page
// without, the paragraph is too short to tell a glued run from its own.
func TestAnalyze_ShortGlued(t *testing.T) {
	m := model(t)
	const story = `<p>The harbour authority said on Monday that the new quay would open to container ships in the spring, after two years of work on the breakwater.</p>`
	const short = `<p id="short">This story first ran in the Harbour Gazette on Monday morning. Juega ruleta en QX41BET.</p>`
	const list = `<div>{jm24bet}|{kp58win}|{zd17 club}|{tu90bet}</div>`
	for _, c := range []struct {
		name, body string
		glued      bool
	}{
		{"no other spam", story + short, false},
		{"a block of codes", story + short + list, true},
	} {
		a, byID := analyzed(t, m, `<article>`+c.body+`</article>`, "port.example.com")
		if n := byID["short"]; a.Glued(n) != c.glued {
			t.Errorf("%s: glued %v (score %v), want %v", c.name, a.Glued(n), a.Score(n), c.glued)
		}
	}
}

// TestAnalyze_ConcealedCode: a short box the page conceals (far off-screen,
// text transparent or in the background's colour) that holds a code is
// spam, whatever language its words are in; a code in a box hidden the
// ways pages toggle, truncate or keep text for screen readers, in a
// concealed heading (a logo's text) or in a long concealed text is not.
func TestAnalyze_ConcealedCode(t *testing.T) {
	m := model(t)
	const words = `Qaxu velomi trendo as pilani ore QZ417 manuvi tolsa.`
	long := strings.Repeat(`The sofa's frame is kiln-dried hardwood and the cushions are wrapped in soft fabric. `, 5) + `Model SF204.`
	page := `<article><p>The harbour authority said on Monday that the new quay would open to container ships in the spring, after two years of work.</p>` +
		`<div id="off" style="position:absolute;left:-9999px">` + words + `</div>` +
		`<div id="clear" style="color:transparent">` + words + `</div>` +
		`<div id="white" style="color:#fff;background-color:#FFFFFF">` + words + `</div>` +
		`<div id="none" style="display:none">` + words + `</div>` +
		`<div id="clip" style="position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden">` + words + `</div>` +
		`<div id="fade" style="opacity:0">` + words + `</div>` +
		`<h1 id="logo" style="text-indent:-9999px">Acme PX200 Workstation</h1>` +
		`<div id="long" style="position:absolute;left:-9999px">` + long + `</div></article>`
	a, byID := analyzed(t, m, page, "port.example.com")
	for id, want := range map[string]bool{"off": true, "clear": true, "white": true, "none": false, "clip": false, "fade": false, "logo": false, "long": false} {
		s := a.Score(byID[id])
		if got := s != nil && s.Value >= Unit; got != want {
			t.Errorf("%s scored %v, spam %v, want %v", id, s, got, want)
		}
	}
}
