package spam

import "testing"

// TestAnalyze_StrangerLink: a link to another site glued to a real
// paragraph whose text is a code, handle, dose or number the page names
// nowhere else is spam in whatever language; a product the page writes
// about, a site the page links to elsewhere, a link in a quotation, or one
// inside a sentence is not.
func TestAnalyze_StrangerLink(t *testing.T) {
	m := model(t)
	story := townStory()
	const para = "The vote in the hall was seven to two, and the mayor said that the council would meet again in the spring."
	for _, c := range []struct {
		name, block string
		spam        bool
	}{
		{"a handle", `<p>` + para + ` <a id="a" href="https://t.me/zorblend_cs">@zorblend_cs</a></p>`, true},
		{"a dose spelled in fields", `<p>` + para + ` - <a id="a" href="https://pills.example/">Zolpex 20 mg</a></p>`, true},
		{"a phone number", `<p><a id="a" href="http://198.51.100.7/x/">WA +54 709 994 416</a> ` + para + `</p>`, true},
		{"a product the page names", `<p>The council will store its records on Zorbex servers. ` + para + ` <a id="a" href="https://zorbex.example/">Zorbex S3</a></p>`, false},
		{"a site linked elsewhere", `<p>` + para + ` <a id="a" href="https://news.example.org/a">KX7</a></p><p>Read <a href="https://news.example.org/b">their story</a>.</p>`, false},
		{"in a quotation", `<blockquote><p>` + para + ` <a id="a" href="https://t.me/zorblend_cs">@zorblend_cs</a></p></blockquote>`, false},
		{"inside a sentence", `<p>The council said <a id="a" href="https://t.me/zorblend_cs">@zorblend_cs</a> posted the plan first, and the mayor agreed that the vote would follow.</p>`, false},
		{"a domain on a plain host", `<p>` + para + ` <a id="a" href="https://zagrosrobotics.example/">zagrosrobotics.example</a></p>`, false},
	} {
		a, byID := analyzed(t, m, `<article>`+story+c.block+story+`</article>`, "town.example.com")
		s := a.Score(byID["a"])
		if got := s != nil && s.Value >= Unit; got != c.spam {
			t.Errorf("%s: score %v, spam %v, want %v", c.name, s, got, c.spam)
		}
	}
}
