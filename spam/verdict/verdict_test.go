package verdict

import (
	"testing"

	"github.com/winnowhq/winnow/spam/evidence"
	"github.com/winnowhq/winnow/spam/lexicon"
)

// TestJudge: a page is spam when its score reaches the verdict weight and
// most of its text is spam, or its title is and register buttons point
// elsewhere; a spam title over a page of its own text is not, and
// register buttons are looked at only where the verdict could follow.
func TestJudge(t *testing.T) {
	var w [lexicon.NumSignals]float64
	w[lexicon.SigGate] = 0.5
	w[lexicon.SigVerdict] = 1.5
	w[lexicon.SigTitle] = 1
	w[lexicon.SigShare] = 1
	w[lexicon.SigRegister] = 0.8
	w[lexicon.SigPageURL] = 0.5
	spamTitle := &evidence.Score{Value: 1.4}
	regs := func(n, foreign int) func() (int, int) { return func() (int, int) { return n, foreign } }
	for _, c := range []struct {
		name  string
		p     Page
		spam  bool
		score float64
	}{
		{"clean page", Page{Words: 400, Registers: regs(2, 2)}, false, 0},
		{"spam from top to bottom", Page{Title: spamTitle, Words: 400, SpamWords: 380, Registers: regs(0, 0)}, true, 1.95},
		{"a story naming a betting firm in its headline", Page{Title: spamTitle, Words: 400, SpamWords: 20, Registers: regs(0, 0)}, false, 1.05},
		{"a spam title with register buttons elsewhere", Page{Title: spamTitle, Words: 400, SpamWords: 20, Registers: regs(2, 2)}, true, 1.85},
		{"title, h1 and JSON-LD name", Page{Title: spamTitle, H1: spamTitle, LD: spamTitle, Words: 100, SpamWords: 60, Registers: regs(0, 0)}, true, 2.6},
		{"half spam without a title, stems in the URL", Page{Words: 100, SpamWords: 60, Registers: regs(0, 0), URLStem: 1, URLWhat: "slot"}, false, 1.1},
	} {
		v := Judge(c.p, &w)
		if v.Spam != c.spam || v.Score != c.score {
			t.Errorf("%s: spam %v score %.2f (%s), want %v %.2f", c.name, v.Spam, v.Score, v.Evidence, c.spam, c.score)
		}
	}
	asked := false
	Judge(Page{Words: 400, SpamWords: 10, Registers: func() (int, int) { asked = true; return 1, 1 }}, &w)
	if asked {
		t.Error("register buttons looked at on a page the verdict cannot follow")
	}
}
