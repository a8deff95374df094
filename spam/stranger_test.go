package spam

import (
	"strings"
	"testing"
)

// TestAnalyze_Stranger: a sentence glued to a paragraph, or a line set
// between paragraphs, in words or a script the rest of the page does not
// use, that carries a handle, phone number or code, is spam whatever its
// language; without the payload (a quoted foreign sentence) or in the
// page's own words (the council's handle) it is not.
func TestAnalyze_Stranger(t *testing.T) {
	m := model(t)
	story := townStory()
	const para = "The vote in the hall was seven to two, and the mayor said that the council would meet again in the spring to discuss the plan for the roads."
	for _, c := range []struct {
		name, block string
		spam        bool
	}{
		{"a glued sentence with a handle", `<p id="p">` + para + ` Kiire laen ilma kontrollita, kirjuta kohe @kiirlaen_abi.</p>`, true},
		{"a glued sentence with a code", `<p id="p">` + para + ` Vali meie poest soodsad tabletid XR500 koju tellides.</p>`, true},
		{"a quoted sentence, no payload", `<p id="p">` + para + ` Kiire laen ilma kontrollita, kirjuta kohe meile.</p>`, false},
		{"the page's own words", `<p id="p">` + para + ` The council said the plan is on @towncouncil for the town.</p>`, false},
		{"a line in another script", `<p id="p">Швидкий кредит без перевірки, дзвоніть зараз +380 44 123 4567</p>`, true},
		{"a line in another script, no payload", `<p id="p">Швидкий кредит без перевірки, дзвоніть нам зараз</p>`, false},
	} {
		a, byID := analyzed(t, m, `<article>`+story+c.block+story+`</article>`, "news.example.com")
		s := a.Score(byID["p"])
		if got := s != nil && s.Value >= Unit; got != c.spam {
			t.Errorf("%s: score %v, spam %v, want %v", c.name, s, got, c.spam)
		}
		if c.spam && strings.HasPrefix(c.block, `<p id="p">The vote`) && !a.Glued(byID["p"]) {
			t.Errorf("%s: the paragraph goes, not the sentence glued to it", c.name)
		}
	}
}

// townStory is a page of real prose about a town council, for the
// stranger tests to glue their pieces to.
func townStory() string {
	return strings.Repeat(`<p>The council met on Tuesday to discuss the budget for the schools and the roads of the town, and the members said that the plan would be approved by the end of the month after a vote in the hall.</p>`+
		`<p>The mayor said that the roads in the north of the town would be repaired first, and that the schools would get new roofs before the winter, as the council had promised in the spring.</p>`, 2)
}
