// Package evidence is how spam evidence adds up to a score: the Score of a
// block or link with the Evidence that fired, the gate that lets weak
// signals count only beside strong ones (Tally), and the density that
// turns counts in a text into a share of its words.
package evidence

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/winnowhq/winnow/spam/lexicon"
)

// Unit is the score at which a block or link counts as spam for the block
// around it and for the page verdict. Rules choose their own thresholds.
const Unit = 1.0

// Score is the spam score of one block or link and the evidence it comes
// from.
type Score struct {
	Value    float64
	Evidence []Evidence
}

// Evidence is one signal that fired, with its weight in the score. Weak
// signals are listed with Counted false when the gate stayed closed.
type Evidence struct {
	Signal  lexicon.Signal
	Weight  float64
	Detail  string
	Counted bool
}

// String renders the score and its evidence for --explain:
// "2.35 = terms(slot gacor, maxwin) 2.00 + gambling-host(hit69.me) 0.80 ...".
func (s *Score) String() string {
	if s == nil {
		return "0"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%.2f =", s.Value)
	for i, e := range s.Evidence {
		if i > 0 {
			b.WriteString(" +")
		}
		b.WriteString(" ")
		b.WriteString(e.Signal.String())
		if e.Detail != "" {
			b.WriteString("(" + e.Detail + ")")
		}
		if e.Counted {
			fmt.Fprintf(&b, " %.2f", e.Weight)
		} else {
			fmt.Fprintf(&b, " [%.2f not counted: gate closed]", e.Weight)
		}
	}
	return b.String()
}

// FromText reports a score whose counted evidence is all the text's own
// (vocabulary, brand codes): no hidden box, no spam links, no repetition
// on the page. Only such a block can be a real paragraph with spam glued
// to it.
func (s *Score) FromText() bool {
	if s == nil {
		return false
	}
	for _, e := range s.Evidence {
		if !e.Counted {
			continue
		}
		switch e.Signal {
		case lexicon.SigTerms, lexicon.SigBrand, lexicon.SigBrandGambling, lexicon.SigBrandOnly, lexicon.SigLegit,
			lexicon.SigPromo, lexicon.SigCodeNumber, lexicon.SigCall, lexicon.SigTopicPage, lexicon.SigTopicBreak, lexicon.SigLoneCode, lexicon.SigScriptBreak, lexicon.SigStranger:
		default:
			return false
		}
	}
	return true
}

// Strong reports a glued run's score that is not a topic sentence: a
// brand code, a promotion figure, a code number or a call to action beside
// the vocabulary, or the vocabulary alone twice the spam score.
func (s *Score) Strong() bool {
	for _, e := range s.Evidence {
		if !e.Counted {
			continue
		}
		switch e.Signal {
		case lexicon.SigBrand, lexicon.SigBrandGambling, lexicon.SigPromo, lexicon.SigCodeNumber, lexicon.SigCall:
			return true
		}
	}
	return s.Value >= 2*Unit
}

// Tally adds up evidence: strong signals and vocabulary open the gate;
// weak signals count only once it is open.
type Tally struct {
	weights *[lexicon.NumSignals]float64
	ev      []Evidence
}

// NewTally returns an empty tally over a lexicon's signal weights.
func NewTally(weights *[lexicon.NumSignals]float64) Tally {
	return Tally{weights: weights}
}

// Add adds signal s at weight w; a zero weight adds nothing.
func (t *Tally) Add(s lexicon.Signal, w float64, detail string) {
	if w == 0 {
		return
	}
	t.ev = append(t.ev, Evidence{Signal: s, Weight: w, Detail: detail})
}

// Weighted adds signal s at its lexicon weight times f.
func (t *Tally) Weighted(s lexicon.Signal, f float64, detail string) {
	t.Add(s, t.weights[s]*f, detail)
}

// Evidence returns the evidence added so far.
func (t *Tally) Evidence() []Evidence { return t.ev }

// Result closes the tally: the score of the evidence that counts (nil
// when none was added), rounded to hundredths.
func (t *Tally) Result() *Score {
	if len(t.ev) == 0 {
		return nil
	}
	open := 0.0
	for _, e := range t.ev {
		if !e.Signal.Weak() && e.Weight > 0 {
			open += e.Weight // a negative signal lowers the score, not the gate
		}
	}
	gate := open >= t.weights[lexicon.SigGate]
	sum := 0.0
	for i := range t.ev {
		e := &t.ev[i]
		e.Counted = gate || !e.Signal.Weak()
		if e.Counted {
			sum += e.Weight
		}
	}
	return &Score{Value: math.Round(sum*100) / 100, Evidence: t.ev}
}

// Density is the divisor that turns counts in a text of n words into a
// density: 1 up to a dozen words, then the square root of dozens up to four
// dozen, then linear: a line stuffed with terms scores high, a paragraph
// that names a casino twice scores low, and a long article container no
// higher than its paragraphs do.
func Density(n int) float64 {
	if n > 48 {
		return float64(n) / 24
	}
	return math.Sqrt(max(1, float64(n)/12))
}

// MaxListed is how many terms or codes the evidence of a score lists.
const MaxListed = 6

// AppendCapped appends more to a list of evidence details, up to MaxListed.
func AppendCapped(to []string, more ...string) []string {
	for _, s := range more {
		if len(to) >= MaxListed {
			break
		}
		to = append(to, s)
	}
	return to
}

// Plural is the detail of evidence that counts n things: "1 time",
// "3 spam parts".
func Plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// MadeOfParts reports a block made of spam parts (units of them, of
// spamWords words, beside words of its own): what is left between them
// is a few words at most (separators, "|", "Link:"), or far less than
// the spam.
func MadeOfParts(units, spamWords, words int) bool {
	return units > 0 && (words <= 4 || spamWords >= 3*words) && (units >= 2 || words <= 2)
}
