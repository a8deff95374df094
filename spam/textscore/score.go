package textscore

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

// Scorer tallies the evidence of one block, link or page (evidence.Tally)
// and reads texts with the model's lexicon.
type Scorer struct {
	evidence.Tally
	m *Model
}

// Scorer returns an empty Scorer over m's signal weights.
func (m *Model) Scorer() Scorer {
	return Scorer{Tally: evidence.NewTally(&m.weights), m: m}
}

// Facts is what one text (a block's, a link's) says on its own.
type Facts struct {
	Words  int           // its words (fold.CountWords)
	Hits   []terms.Count // the lexicon's terms in it
	Brands brand.Codes   // the brand codes in it
}

// Facts reads text's facts: folded, its terms and brand codes.
func (m *Model) Facts(text string) Facts {
	ft := fold.Fold(text)
	return m.FoldedFacts(ft, m.terms.Find(ft))
}

// FoldedFacts is Facts on folded text ft whose terms are hits.
func (m *Model) FoldedFacts(ft string, hits []terms.Count) Facts {
	f := Facts{Words: fold.CountWords(ft), Hits: hits}
	if strings.ContainsAny(ft, "0123456789") {
		f.Brands = m.brand.Codes(ft)
	} else {
		f.Brands.Other = f.Words // no digit, no code
	}
	return f
}

// Add merges g into f (a block gathering its parts).
func (f *Facts) Add(g *Facts) {
	f.Words += g.Words
	if len(g.Hits) > 0 {
		if f.Hits == nil {
			f.Hits = slices.Clone(g.Hits)
		} else {
			for _, h := range g.Hits {
				f.Hits = terms.Add(f.Hits, h)
			}
		}
	}
	f.Brands.Gambling += g.Brands.Gambling
	f.Brands.Plain += g.Brands.Plain
	f.Brands.Other += g.Brands.Other
	f.Brands.Found = evidence.AppendCapped(f.Brands.Found, g.Brands.Found...)
}

// Text adds the evidence of facts f, a block's: vocabulary and brand
// codes as densities, a text made only of brand codes and stems.
func (sc *Scorer) Text(f *Facts) {
	d := evidence.Density(f.Words)
	if v := sc.m.terms.Sum(f.Hits); v != 0 {
		w := v / d
		if v < 0 {
			w = v
		}
		sc.Add(lexicon.SigTerms, w, sc.m.terms.Names(f.Hits, evidence.MaxListed))
	}
	if f.Brands.Gambling > 0 {
		sc.Weighted(lexicon.SigBrandGambling, f.Brands.Gambling/d, strings.Join(f.Brands.Found, ", "))
		if f.Brands.Other == 0 && f.Words <= 24 {
			sc.Weighted(lexicon.SigBrandOnly, 1, "")
		}
	}
	if f.Brands.Plain > 0 {
		sc.Weighted(lexicon.SigBrand, min(3, float64(f.Brands.Plain))/d, strings.Join(f.Brands.Found, ", "))
	}
}

// ScoreText scores a block of plain text on its own (plain-text input, a
// page title): vocabulary, brand codes, a text of codes alone.
func (m *Model) ScoreText(text string) *evidence.Score {
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
	f := m.FoldedFacts(ft, hits)
	if len(f.Hits) == 0 && f.Brands.Gambling == 0 {
		return nil // weak signals alone never count
	}
	sc := m.Scorer()
	sc.Text(&f)
	return sc.Result()
}

// titleSeps are the separators titles join their parts with.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " ｜ ", " « ", " » ", " · "}

// CleanTitle drops the parts of a page title (split at " | ", " - " and
// the like) that score as spam on their own: "kv79 bet | Port authority
// expands terminal" keeps the headline. A title whose every part is spam
// is left whole: that is the page verdict's business. It returns the title,
// what it dropped and its highest score (nil when nothing).
func (m *Model) CleanTitle(title string) (string, string, *evidence.Score) {
	return m.CleanTitleKeeping(title, "")
}

// CleanTitleKeeping is CleanTitle keeping the parts that are headline
// (folded words), when not empty, or a piece of it: a headline written
// with a title's separator ("Lost my savings - day 12") is split with
// the title.
func (m *Model) CleanTitleKeeping(title, headline string) (string, string, *evidence.Score) {
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
	var dropped *evidence.Score
	own := fold.Phrase(headline)
	for _, p := range parts {
		if s := m.ScoreText(p); s != nil && s.Value >= evidence.Unit && (own == "" || !strings.Contains(" "+own+" ", " "+fold.Phrase(p)+" ")) {
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

// ForeignHost adds the evidence of a link's host on another site: the
// host itself (and the redirector it was read through), gambling words in
// its name or path, a brand code or an odd TLD.
func (sc *Scorer) ForeignHost(via string, hi brand.Host, pathW float64, pathWhat string) {
	if via != "" {
		sc.Weighted(lexicon.SigForeignHost, 1, hi.Name+" via "+via)
	} else {
		sc.Weighted(lexicon.SigForeignHost, 1, hi.Name)
	}
	if hi.Stem > 0 {
		sc.Weighted(lexicon.SigGamblingHost, hi.Stem, hi.StemText)
	}
	if hi.Brand {
		sc.Weighted(lexicon.SigBrandHost, 1, hi.Site)
	}
	if hi.OddTLD != "" {
		sc.Weighted(lexicon.SigOddTLD, 1, "."+hi.OddTLD)
	}
	if pathW > 0 {
		sc.Weighted(lexicon.SigGamblingPath, pathW, pathWhat)
	}
}
