package spam

import (
	"fmt"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/spam/brand"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/terms"
	"math"
	"slices"
	"strings"
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
	Signal  Signal
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

// scorer adds up evidence: strong signals and vocabulary open the gate;
// weak signals count only once it is open.
type scorer struct {
	m  *Model
	ev []Evidence
}

func (sc *scorer) add(s Signal, w float64, detail string) {
	if w == 0 {
		return
	}
	sc.ev = append(sc.ev, Evidence{Signal: s, Weight: w, Detail: detail})
}

// weighted adds signal s at its lexicon weight times f.
func (sc *scorer) weighted(s Signal, f float64, detail string) {
	sc.add(s, sc.m.weights[s]*f, detail)
}

func (sc *scorer) result() *Score {
	if len(sc.ev) == 0 {
		return nil
	}
	open := 0.0
	for _, e := range sc.ev {
		if !e.Signal.Weak() && e.Weight > 0 {
			open += e.Weight // a negative signal lowers the score, not the gate
		}
	}
	gate := open >= sc.m.weights[lexicon.SigGate]
	sum := 0.0
	for i := range sc.ev {
		e := &sc.ev[i]
		e.Counted = gate || !e.Signal.Weak()
		if e.Counted {
			sum += e.Weight
		}
	}
	return &Score{Value: math.Round(sum*100) / 100, Evidence: sc.ev}
}

// density is the divisor that turns counts in a text of n words into a
// density: 1 up to a dozen words, then the square root of dozens up to four
// dozen, then linear: a line stuffed with terms scores high, a paragraph
// that names a casino twice scores low, and a long article container no
// higher than its paragraphs do.
func density(n int) float64 {
	if n > 48 {
		return float64(n) / 24
	}
	return math.Sqrt(max(1, float64(n)/12))
}

// textFacts is what one text (a block's, a link's) says on its own.
type textFacts struct {
	words  int
	hits   []terms.Count
	brands brand.Codes
}

func (m *Model) facts(text string) textFacts {
	ft := fold.Fold(text)
	return m.foldedFacts(ft, m.terms.Find(ft))
}

// foldedFacts is facts on folded text ft whose terms are hits.
func (m *Model) foldedFacts(ft string, hits []terms.Count) textFacts {
	f := textFacts{words: fold.CountWords(ft), hits: hits}
	if strings.ContainsAny(ft, "0123456789") {
		f.brands = m.brand.Codes(ft)
	} else {
		f.brands.Other = f.words // no digit, no code
	}
	return f
}

// add merges g into f (a block gathering its parts).
func (f *textFacts) add(g *textFacts) {
	f.words += g.words
	if len(g.hits) > 0 {
		if f.hits == nil {
			f.hits = slices.Clone(g.hits)
		} else {
			for _, h := range g.hits {
				f.hits = terms.Add(f.hits, h)
			}
		}
	}
	f.brands.Gambling += g.brands.Gambling
	f.brands.Plain += g.brands.Plain
	f.brands.Other += g.brands.Other
	f.brands.Found = appendCapped(f.brands.Found, g.brands.Found...)
}

// maxListed is how many terms or codes the evidence of a score lists.
const maxListed = 6

func appendCapped(to []string, more ...string) []string {
	for _, s := range more {
		if len(to) >= maxListed {
			break
		}
		to = append(to, s)
	}
	return to
}

// textScore scores the facts of a block of n words: vocabulary and brand
// codes as densities, a text made only of brand codes and stems.
func (sc *scorer) text(f *textFacts) {
	d := density(f.words)
	if v := sc.m.terms.Sum(f.hits); v != 0 {
		w := v / d
		if v < 0 {
			w = v
		}
		sc.add(lexicon.SigTerms, w, sc.m.terms.Names(f.hits, maxListed))
	}
	if f.brands.Gambling > 0 {
		sc.weighted(lexicon.SigBrandGambling, f.brands.Gambling/d, strings.Join(f.brands.Found, ", "))
		if f.brands.Other == 0 && f.words <= 24 {
			sc.weighted(lexicon.SigBrandOnly, 1, "")
		}
	}
	if f.brands.Plain > 0 {
		sc.weighted(lexicon.SigBrand, min(3, float64(f.brands.Plain))/d, strings.Join(f.brands.Found, ", "))
	}
}

// ScoreText scores a block of plain text on its own (plain-text input, a
// page title): vocabulary, brand codes, a text of codes alone.
func (m *Model) ScoreText(text string) *Score {
	var ft string
	var hits []terms.Count
	if textnorm.IsASCII(text) {
		// Fold is ToLower on ASCII, and SwapDigits changes nothing
		// without a digit: the lexicon reads the text lower-cased in a
		// buffer, and most texts (no term, no digit) end there, without
		// the two copies vocab makes.
		var buf [512]byte
		b := append(buf[:0], text...)
		digits := false
		for i, c := range b {
			switch {
			case 'A' <= c && c <= 'Z':
				b[i] = c + 'a' - 'A'
			case '0' <= c && c <= '9':
				digits = true
			}
		}
		if digits {
			ft = string(b)
			hits = m.terms.Find(ft)
		} else if hits = m.terms.FindBytes(b); len(hits) == 0 {
			return nil // no vocabulary and no code (codes hold digits): nothing counts
		} else {
			ft = string(b)
		}
	} else {
		ft = fold.Fold(text)
		hits = m.terms.Find(ft)
	}
	if len(hits) == 0 && !strings.ContainsAny(ft, "0123456789") {
		return nil // no vocabulary and no code (codes hold digits): nothing counts
	}
	f := m.foldedFacts(ft, hits)
	if len(f.hits) == 0 && f.brands.Gambling == 0 {
		return nil // weak signals alone never count
	}
	sc := scorer{m: m}
	sc.text(&f)
	return sc.result()
}

// titleSeps are the separators titles join their parts with.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " ｜ ", " « ", " » ", " · "}

// CleanTitle drops the parts of a page title (split at " | ", " - " and
// the like) that score as spam on their own: "kv79 bet | Port authority
// expands terminal" keeps the headline. A title whose every part is spam
// is left whole: that is the page verdict's business. It returns the title,
// what it dropped and its highest score (nil when nothing).
func (m *Model) CleanTitle(title string) (string, string, *Score) {
	sep := ""
	for _, s := range titleSeps {
		if strings.Contains(title, s) {
			sep = s
			break
		}
	}
	if sep == "" {
		return title, "", nil
	}
	parts := strings.Split(title, sep)
	var kept, gone []string
	var dropped *Score
	for _, p := range parts {
		if s := m.ScoreText(p); s != nil && s.Value >= Unit {
			if dropped == nil || s.Value > dropped.Value {
				dropped = s
			}
			gone = append(gone, p)
			continue
		}
		kept = append(kept, p)
	}
	if dropped == nil || len(kept) == 0 {
		return title, "", nil
	}
	return strings.Join(kept, sep), strings.Join(gone, sep), dropped
}
