package spam

import (
	"strings"
	"testing"
)

// TestAnalyze_Quote: on a page whose story is about gambling, the ad the
// story quotes (set apart after a sentence ending with a colon, or in
// quotation marks as reported speech) is not spam; the same words set
// apart without an introduction, introduced by a label, carrying a spam
// link, or quoted on a page whose prose never names the topic or names it
// in passing, are.
func TestAnalyze_Quote(t *testing.T) {
	m := model(t)
	const story = `<p>A man who sent millions of text messages advertising an unlicensed gambling website was jailed for a year and a half, a court heard.</p><p>Many of those he texted had signed up to self-exclusion schemes to keep away from online casinos and betting.</p>`
	// brief names the topic, but less than a page the glued runs are not
	// read on (maxTopicMass).
	const brief = `<p>A man who sent millions of text messages advertising an unlicensed gambling website was jailed for a year and a half, a court heard.</p><p>Many of those he texted had signed up to self-exclusion schemes, the prosecution told the court.</p>`
	const other = `<p>A man who sent millions of text messages advertising a paint shop was jailed for a year and a half, the court in the city heard.</p>`
	const ad = `“WIN BIG at SPINKING777! Claim your 200% welcome bonus + 50 free spins now, no deposit needed!”`
	for _, c := range []struct {
		name, body string
		spam       bool
	}{
		{"blockquote after its introduction", story + `<p>One of the messages, read out in court, said:</p><blockquote id="x"><p>` + ad + `</p></blockquote>`, false},
		{"quoted paragraph after its introduction", story + `<p>One of the messages, read out in court, said:</p><p id="x">` + ad + `</p>`, false},
		{"reported speech in a paragraph", story + `<p id="x">Prosecutors said the defendant was paid weekly by the site. One message said, ` + ad + ` The messages went to numbers at random every day.</p>`, false},
		{"blockquote with no introduction", story + `<p>The messages were sent at night from a rented flat in the city.</p><blockquote id="x"><p>` + ad + `</p></blockquote>`, true},
		{"blockquote after a label", story + `<p>user123 said:</p><blockquote id="x"><p>` + ad + `</p></blockquote>`, true},
		{"a spam link in the quotation", story + `<p>One of the messages, read out in court, said:</p><blockquote id="x"><p>` + ad + ` <a href="https://spinking777.example/daftar">spinking777 daftar</a></p></blockquote>`, true},
		{"quoted on a page that names the topic in passing", `<p>The council voted on Tuesday to build three new bus lanes along the river road, a safe bet after a year of delays and objections.</p>` + `<p>Work will start in spring and take eight months, the transport department said in a statement:</p><blockquote id="x"><p>` + ad + `</p></blockquote>`, true},
		{"quoted on a page off the topic", other + `<p>One of the messages, read out in court, said:</p><blockquote id="x"><p>` + ad + `</p></blockquote>`, true},
		{"a quoted line a promotion line would take", brief + `<p>One of the messages, read out in court, said:</p><p id="x">“Play roulette and poker tonight at SPINKING777!”</p>`, false},
		{"reported speech a glued run would take", brief + `<p id="x">Investigators said she was paid a share of what her followers lost on the sites she promoted in her stories. In one video she says: “Sign up now at SPINKING777, deposit $30 and get a 200% bonus!” The video was seen a million times.</p>`, false},
		{"a quotation not reported", story + `<p id="x">Prosecutors said the defendant was paid weekly by the site and sent messages at random. ` + ad + `</p>`, true},
	} {
		a, byID := analyzed(t, m, c.body, "courier.example")
		spam := false
		var got []string
		for n := range byID["x"].Descendants() {
			if s := a.Score(n); s != nil {
				spam = spam || s.Value >= Unit
				got = append(got, s.String())
			}
		}
		if s := a.Score(byID["x"]); s != nil {
			spam = spam || s.Value >= Unit
			got = append(got, s.String())
		}
		if spam != c.spam {
			t.Errorf("%s: spam %v, want %v (%s)", c.name, spam, c.spam, strings.Join(got, "; "))
		}
	}
}

// TestQuoted: the text stage reads a block as Analyze does: a quotation
// set apart after its introduction, or reported speech, is not spam on a
// page about the topic.
func TestQuoted(t *testing.T) {
	m := model(t)
	const ad = `“WIN BIG at SPINKING777! Claim your 200% welcome bonus + 50 free spins now, no deposit needed!”`
	for _, c := range []struct {
		name, text, intro string
		quote             bool
		topic             float64
		spam              bool
	}{
		{"set apart after its introduction", ad, "One of the messages, read out in court, said:", false, 1, false},
		{"a blockquote after its introduction", strings.Trim(ad, "“”"), "One of the messages, read out in court, said:", true, 1, false},
		{"after a label", ad, "Quote:", false, 1, true},
		{"after a sentence", ad, "The messages were sent at night.", false, 1, true},
		{"off the topic", ad, "One of the messages, read out in court, said:", false, 0, true},
		{"the topic in passing", ad, "One of the messages, read out in court, said:", false, 0.2, true},
		{"reported speech", "Prosecutors said the defendant was paid weekly by the site. One message said, " + ad + " The messages went to numbers at random.", "", false, 1, false},
	} {
		s := m.Quoted(c.text, c.intro, c.quote, m.ScoreText(c.text), c.topic)
		if got := s != nil && s.Value >= Unit; got != c.spam {
			t.Errorf("%s: spam %v, want %v", c.name, got, c.spam)
		}
	}
}

// TestReportedSpeech: the spam of a paragraph lies in the quotations it
// reports, or it does not: a spam sentence of its own beside a reported
// quotation, or a quotation no clause reports, is not reported speech.
func TestReportedSpeech(t *testing.T) {
	m := model(t)
	const lead = "Investigators said she was paid a share of what her followers lost on the sites she promoted in her stories. "
	for _, c := range []struct {
		text string
		want bool
	}{
		{lead + "In one video she says: “Sign up now at SPINKING777, deposit $30 and get a 200% bonus!” The video was seen a million times.", true},
		{lead + "In one video she says: “I love this,” and laughs. Sign up now at SPINKING777, deposit $30 and get a 200% bonus!", false},
		{lead + "“Sign up now at SPINKING777, deposit $30 and get a 200% bonus!” The video was seen a million times.", false},
		{"She says: “Sign up now at SPINKING777, deposit $30 and get a 200% bonus!”", false},
	} {
		if got := m.ReportedSpeech(c.text); got != c.want {
			t.Errorf("reportedSpeech(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
