package rules

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/winnowhq/winnow/block"
)

// TestLexiconErrors pins the file:line:col messages of a bad lexicon in a
// rule file: every problem at once.
func TestLexiconErrors(t *testing.T) {
	src := `lexicon:
  weights: {hiden: 0.4, gate: lots}
  stems: [bet]
  terms:
    en:
      slot gacor: 1.5
      SLOT GACOR: 1
      casino: 9
  colours: {}
`
	_, err := Parse("my/lex.yaml", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`my/lex.yaml:2:13: unknown signal "hiden" in weights`,
		`my/lex.yaml:2:31: expected a weight between -5 and 5, got "lots"`,
		`my/lex.yaml:3:10: stems: expected a mapping, got a list`,
		`my/lex.yaml:7:7: term "SLOT GACOR" repeats "slot gacor" (line 6)`,
		`my/lex.yaml:8:15: expected a weight between -5 and 5, got "9"`,
		`my/lex.yaml:9:3: unknown key "colours" in lexicon`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
}

// TestLexiconExtends: a lexicon in a rule file extends the built-in one
// (a new term makes a line spam) and overrides it (weight 0 switches a
// built-in term off).
func TestLexiconExtends(t *testing.T) {
	base := builtin(t)
	fsys := fstest.MapFS{"lex.yaml": {Data: []byte("lexicon:\n  terms:\n    en:\n      zorblax jackpots: 1.5\n      slot gacor: 0\n      gacor: 0\n      maxwin: 0\n")}}
	extra, err := Load(fsys, "my")
	if err != nil {
		t.Fatal(err)
	}
	set, err := base.Merge(extra)
	if err != nil {
		t.Fatal(err)
	}
	r := set.Rule("spam.line")
	for _, c := range []struct {
		in   string
		set  *Set
		want string
	}{
		{"Play zorblax jackpots tonight\nReal news.", base, "Play zorblax jackpots tonight\nReal news."},
		{"Play zorblax jackpots tonight\nReal news.", set, "Real news."},
		{"slot gacor maxwin\nReal news.", base, "Real news."},
		{"slot gacor maxwin\nReal news.", set, "slot gacor maxwin\nReal news."},
	} {
		blocks := c.set.ApplyText(block.FromText(c.in), Page{}, nil)
		if got := joinBlocks(blocks); got != c.want {
			t.Errorf("%v: ApplyText(%q) = %q, want %q", r.ID, c.in, got, c.want)
		}
	}
}
