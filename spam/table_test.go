package spam

import (
	"fmt"
	"strings"
	"testing"
)

// TestAnalyze_TableRows: a register's row naming its entry by a code with
// a gambling stem and the site it runs is no spam when it is one entry
// among clean ones; a table of such rows throughout, or a row with spam's
// vocabulary, hiding or an odd domain, is.
func TestAnalyze_TableRows(t *testing.T) {
	m := model(t)
	row := func(id, name, host string) string {
		return fmt.Sprintf(`<tr id="%s"><td>%s</td><td><a href="https://%s/">%s</a></td><td>31.12.2029</td></tr>`, id, name, host, host)
	}
	clean := row("a", "Nordic Games Ltd", "nordicgames.example") + row("b", "Harbour Racing Ltd", "harbourracing.example") +
		row("c", "Tivoli Lotteries Ltd", "tivolilotto.example") + row("d", "North Sea Sports Ltd", "northseasports.example")
	for _, c := range []struct {
		name, rows string
		spam       bool
	}{
		{"one entry named by a code", clean + row("x", "Bet25 Holding Ltd", "bet25.example"), false},
		{"every entry a code", row("x", "Bet25", "bet25.example") + row("y", "Kq88bet", "kq88bet.example") + row("z", "Win789", "win789.example"), true},
		{"an entry with spam's words", clean + row("x", "Bet25 slot gacor maxwin daftar", "bet25.example"), true},
		{"an entry on an odd domain", clean + row("x", "Bet25", "bet25.vip"), true},
		{"a row of brand links", clean + `<tr id="x"><td><a href="https://tk88bet.example/">tk88bet</a> <a href="https://hi88bet.example/">hi88bet</a></td><td>new</td></tr>`, true},
	} {
		a, byID := analyzed(t, m, `<p>The regulator lists the companies licensed to offer games in the country; the list is updated when a licence is granted, renewed or withdrawn.</p><table>`+c.rows+`</table>`, "regulator.example")
		spam := false
		for n := range byID["x"].Descendants() {
			if s := a.Score(n); s != nil && s.Value >= Unit {
				spam = true
			}
		}
		if s := a.Score(byID["x"]); s != nil && s.Value >= Unit {
			spam = true
		}
		if spam != c.spam {
			var got []string
			for n := range byID["x"].Descendants() {
				if s := a.Score(n); s != nil {
					got = append(got, s.String())
				}
			}
			t.Errorf("%s: spam %v, want %v (%s)", c.name, spam, c.spam, strings.Join(got, "; "))
		}
	}
}
