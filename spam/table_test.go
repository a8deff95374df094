package spam

import (
	"fmt"
	"slices"
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

// TestTableEntries: the rows of a table of text scoring as spam by a name
// alone are its entries when a third of the rows or fewer; not when most
// rows are codes, nor when a row carries spam's vocabulary.
func TestTableEntries(t *testing.T) {
	m := model(t)
	clean := []string{"Nordic Games Ltd | nordicgames.example | 31.12.2029", "Harbour Racing Ltd | harbourracing.example | 31.12.2029", "Tivoli Lotteries Ltd | tivolilotto.example | 31.12.2029"}
	for _, c := range []struct {
		name string
		rows []string
		want bool // the last row is an entry
	}{
		{"one code among clean rows", append(clean[:3:3], "Bet25 Holding Ltd | bet25.example | 31.12.2029"), true},
		{"codes throughout", []string{"Bet25 | bet25.example", "Kq88bet | kq88bet.example", "Zx79bet | zx79bet.example"}, false},
		{"spam's words", append(clean[:3:3], "Bet25 slot gacor maxwin daftar sekarang"), false},
		{"too few rows", []string{"Bet25 Holding Ltd | bet25.example", clean[0]}, false},
	} {
		scores := make([]*Score, len(c.rows))
		for i, r := range c.rows {
			scores[i] = m.ScoreText(r)
		}
		last := len(c.rows) - 1
		if c.name == "too few rows" {
			last = 0
		}
		if s := scores[last]; s == nil || s.Value < Unit {
			t.Fatalf("%s: row %q scores %v, want spam before the table is read", c.name, c.rows[last], s)
		}
		if got := m.TableEntries(scores)[last]; got != c.want {
			t.Errorf("%s: entry %v, want %v", c.name, got, c.want)
		}
	}
}

// TestAnalyze_Register: a register of blocked sites, a table with a header
// row whose entries are named by domains with spam's words, is no spam;
// without the header row, with the names linked, or with spam's words in
// a second column, it is.
func TestAnalyze_Register(t *testing.T) {
	m := model(t)
	const head = `<tr><th>No</th><th>Domain</th><th>Category</th><th>Blocked on</th></tr>`
	rows := func(link bool, second string) string {
		var b strings.Builder
		for i, d := range []string{"gacor-maxwin88.example", "slot-jp777.example", "togel-hk4d.example", "casino-vip303.example"} {
			if link {
				d = `<a href="https://` + d + `/">` + d + `</a>`
			}
			fmt.Fprintf(&b, `<tr><td>%d</td><td>%s</td><td>Gambling%s</td><td>%d March 2026</td></tr>`, i+1, d, second, i+2)
		}
		return b.String()
	}
	// light names each entry by a domain with a topic word and a code, no
	// row spam on its own: the table is, by their sum.
	const light = `<tr><td>casino-bono500.example</td><td>Casino</td><td>3 March</td><td>2026</td></tr>` +
		`<tr><td>apuestas-vip24.example</td><td>Betting</td><td>3 March</td><td>2026</td></tr>` +
		`<tr><td>slots-gratis777.example</td><td>Casino</td><td>4 March</td><td>2026</td></tr>` +
		`<tr><td>ruleta-live88.example</td><td>Casino</td><td>5 March</td><td>2026</td></tr>`
	const intro = `<p>The ministry cut access to the domains below this week; most posed as news sites and shops to draw visitors to gambling pages, the ministry said.</p>`
	for _, c := range []struct {
		name, table string
		spam        bool
	}{
		{"a register with its header row", head + rows(false, ""), false},
		{"a register in row groups, scoring as a whole", `<thead>` + head + `</thead><tbody>` + light + `</tbody>`, false},
		{"no header row", rows(false, ""), true},
		{"names linked", head + rows(true, ""), true},
		{"spam in a second column", head + rows(false, " slot gacor maxwin"), true},
	} {
		a, byID := analyzed(t, m, intro+`<table id="x">`+c.table+`</table>`, "news.example")
		spam := false
		for n := range byID["x"].Descendants() {
			if s := a.Score(n); s != nil && s.Value >= Unit {
				spam = true
			}
		}
		if spam != c.spam {
			t.Errorf("%s: spam %v, want %v", c.name, spam, c.spam)
		}
	}
}

// TestRegister: the text stage reads a run of rows as tablePass reads a
// register: a header row first, the spam in one column of names.
func TestRegister(t *testing.T) {
	m := model(t)
	reg := []string{"No | Domain | Category | Blocked on", "1 | gacor-maxwin88.example | Gambling | 2 March 2026",
		"2 | slot-jp777.example | Gambling | 3 March 2026", "3 | togel-hk4d.example | Gambling | 4 March 2026"}
	for _, c := range []struct {
		name  string
		rows  []string
		topic float64
		want  bool
	}{
		{"a register", reg, 1, true},
		{"off the topic", reg, 0, false},
		{"no header row", reg[1:], 1, false},
		{"spam in two columns", append(slices.Clone(reg), "4 | casino-vip303.example | slot gacor maxwin | 5 March 2026"), 1, false},
	} {
		scores := make([]*Score, len(c.rows))
		for i, r := range c.rows {
			scores[i] = m.ScoreText(r)
		}
		if got := m.TableRegister(c.rows, scores, c.topic); got != c.want {
			t.Errorf("%s: Register = %v, want %v", c.name, got, c.want)
		}
	}
}
