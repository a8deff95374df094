// Package verdict judges a whole page as spam: a parasite landing page,
// spam from top to bottom, on a site that was hacked, told from a
// legitimate page about gambling and from a real article with spam
// injected into it. It reads what package spam measured of the page
// (Page) and weighs it with the lexicon's signal weights.
package verdict

import (
	"fmt"
	"strings"

	"github.com/winnowhq/winnow/spam/evidence"
	"github.com/winnowhq/winnow/spam/lexicon"
)

// Verdict is the whole-page spam verdict. Its json tags are the fields
// winnow's jsonl output and crawl index carry.
type Verdict struct {
	Spam  bool    `json:"spam,omitempty"`
	Score float64 `json:"spam_score,omitempty"`
	// Evidence explains the score (for --explain); not in json.
	Evidence *evidence.Score `json:"-"`
}

// Page is what the verdict reads of a page.
type Page struct {
	// Title, H1 and LD are the scores of the page's title, its first
	// <h1> and its JSON-LD names (nil when nothing counted).
	Title, H1, LD *evidence.Score
	// Words are the page's words, SpamWords those in spam blocks and
	// links.
	Words, SpamWords int
	// Registers returns how many register and login controls the page
	// has and how many of them point to another site. It is asked only
	// where the verdict could follow: on most pages they are never looked
	// at.
	Registers func() (n, foreign int)
	// URLStem weighs the gambling stems in the page's own query string
	// (0 when none), URLWhat names them.
	URLStem float64
	URLWhat string
}

// Judge judges page p: its title, H1 or JSON-LD name scored as spam; the
// share of its text in spam blocks and links; register and login buttons
// pointing elsewhere; gambling stems in its own query string. A page is
// spam when the score reaches the verdict weight and most of its text is
// spam, or its title is and it has register buttons.
func Judge(p Page, weights *[lexicon.NumSignals]float64) Verdict {
	t := evidence.NewTally(weights)
	named := 0
	var what []string
	for _, x := range []struct {
		name string
		s    *evidence.Score
	}{{"title", p.Title}, {"h1", p.H1}, {"json-ld", p.LD}} {
		if x.s != nil && x.s.Value >= evidence.Unit {
			named++
			what = append(what, fmt.Sprintf("%s %.2f", x.name, x.s.Value))
		}
	}
	if named > 0 {
		t.Weighted(lexicon.SigTitle, 1+0.5*float64(named-1), strings.Join(what, ", "))
	}
	share := 0.0
	if p.Words > 0 {
		share = float64(p.SpamWords) / float64(p.Words)
	}
	if share > 0 {
		t.Weighted(lexicon.SigShare, share, fmt.Sprintf("%d of %d words", p.SpamWords, p.Words))
	}
	registers := false
	if named > 0 || share >= 0.5 {
		if n, foreign := p.Registers(); n > 0 {
			registers = true
			t.Weighted(lexicon.SigRegister, min(2, float64(max(foreign, n/2)))/2, evidence.Plural(n, "register button"))
		}
	}
	if p.URLStem > 0 {
		t.Weighted(lexicon.SigPageURL, p.URLStem, p.URLWhat)
	}
	s := t.Result()
	if s == nil {
		return Verdict{}
	}
	v := Verdict{Score: s.Value, Evidence: s}
	// The title alone never condemns a page whose text is mostly its own:
	// a news story about a betting firm names it in its headline. Beside
	// it, register buttons to another host do, as parasite pages have.
	v.Spam = s.Value >= weights[lexicon.SigVerdict] && (share >= 0.5 || named > 0 && registers)
	return v
}
