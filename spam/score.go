package spam

import (
	"slices"
	"strings"

	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/spam/brand"
	"github.com/winnowhq/winnow/spam/evidence"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/terms"
)

// Unit is the score at which a block or link counts as spam for the block
// around it and for the page verdict (evidence.Unit). Rules choose their
// own thresholds.
const Unit = evidence.Unit

// Score is the spam score of one block or link and the evidence it comes
// from (package evidence).
type Score = evidence.Score

// Evidence is one signal that fired, with its weight in the score.
type Evidence = evidence.Evidence

// scorer tallies the evidence of one block, link or page (evidence.Tally)
// and reads texts with the model's lexicon.
type scorer struct {
	evidence.Tally
	m *Model
}

// scorer returns an empty scorer over m's signal weights.
func (m *Model) scorer() scorer {
	return scorer{Tally: evidence.NewTally(&m.weights), m: m}
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
	f.brands.Found = evidence.AppendCapped(f.brands.Found, g.brands.Found...)
}

// textScore scores the facts of a block of n words: vocabulary and brand
// codes as densities, a text made only of brand codes and stems.
func (sc *scorer) text(f *textFacts) {
	d := evidence.Density(f.words)
	if v := sc.m.terms.Sum(f.hits); v != 0 {
		w := v / d
		if v < 0 {
			w = v
		}
		sc.Add(lexicon.SigTerms, w, sc.m.terms.Names(f.hits, evidence.MaxListed))
	}
	if f.brands.Gambling > 0 {
		sc.Weighted(lexicon.SigBrandGambling, f.brands.Gambling/d, strings.Join(f.brands.Found, ", "))
		if f.brands.Other == 0 && f.words <= 24 {
			sc.Weighted(lexicon.SigBrandOnly, 1, "")
		}
	}
	if f.brands.Plain > 0 {
		sc.Weighted(lexicon.SigBrand, min(3, float64(f.brands.Plain))/d, strings.Join(f.brands.Found, ", "))
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
	sc := m.scorer()
	sc.text(&f)
	return sc.Result()
}

// titleSeps are the separators titles join their parts with.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " ｜ ", " « ", " » ", " · "}

// CleanTitle drops the parts of a page title (split at " | ", " - " and
// the like) that score as spam on their own: "kv79 bet | Port authority
// expands terminal" keeps the headline. A title whose every part is spam
// is left whole: that is the page verdict's business. It returns the title,
// what it dropped and its highest score (nil when nothing).
func (m *Model) CleanTitle(title string) (string, string, *Score) {
	return m.cleanTitle(title, "")
}

// cleanTitle is CleanTitle keeping the part that is headline (folded
// words), when not empty.
func (m *Model) cleanTitle(title, headline string) (string, string, *Score) {
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
	own := foldedWords(headline)
	for _, p := range parts {
		if s := m.ScoreText(p); s != nil && s.Value >= Unit && (own == "" || foldedWords(p) != own) {
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
