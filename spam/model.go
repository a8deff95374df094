package spam

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/coregx/ahocorasick"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
)

// Model is a compiled lexicon: immutable, safe for concurrent use.
type Model struct {
	ac        *ahocorasick.Automaton
	acASCII   *ahocorasick.Automaton // the ASCII terms alone: a smaller table for ASCII text, most text
	asciiIDs  []int                  // term index of each acASCII pattern
	termRunes map[rune]bool          // the non-ASCII runes of the terms: text holding none matches ASCII terms only
	terms     []term                 // by pattern id
	weights   [lexicon.NumSignals]float64
	stems     map[string]float64
	tlds      map[string]bool
	shorten   map[string]bool // link shorteners' hosts
	register  *ahocorasick.Automaton
}

type term struct {
	text        string
	weight      float64
	left, right bool // a word boundary is required on that side
}

// Compile builds a Model from lexicons in order: a later one overrides an
// earlier one's term weights and signal weights, and adds stems, domains
// and register words.
func Compile(lexicons ...*Lexicon) (*Model, error) {
	m := &Model{tlds: map[string]bool{}, stems: map[string]float64{}, shorten: map[string]bool{}}
	byText := map[string]int{}
	var pats []string
	for _, lx := range lexicons {
		if lx == nil {
			continue
		}
		for s, w := range lx.Weights {
			m.weights[s] = w
		}
		for _, t := range lx.Terms {
			prefix := strings.HasSuffix(t.Text, "*")
			f := fold.SwapDigits(fold.Fold(strings.TrimSuffix(t.Text, "*")))
			if i, ok := byText[f]; ok {
				m.terms[i].weight = t.Weight
				m.terms[i].right = !prefix && m.terms[i].right
				continue
			}
			first, _ := utf8.DecodeRuneInString(f)
			last, _ := utf8.DecodeLastRuneInString(f)
			byText[f] = len(m.terms)
			m.terms = append(m.terms, term{text: f, weight: t.Weight, left: spaced(first), right: !prefix && spaced(last)})
			pats = append(pats, f)
		}
		for _, t := range lx.Stems {
			m.stems[t.Text] = t.Weight
		}
		for _, t := range lx.TLDs {
			m.tlds[strings.TrimPrefix(t, ".")] = true
		}
		for _, h := range lx.Shorteners {
			m.shorten[strings.TrimPrefix(h, "www.")] = true
		}
	}
	if len(pats) == 0 {
		pats = []string{"\x00"}
	}
	ac, err := ahocorasick.NewBuilder().SetMatchKind(ahocorasick.LeftmostLongest).AddStrings(pats).Build()
	if err != nil {
		return nil, fmt.Errorf("spam: lexicon: %w", err)
	}
	m.ac = ac
	var apats []string
	m.termRunes = map[rune]bool{}
	for i, t := range m.terms {
		if fold.IsASCII(t.text) {
			apats = append(apats, t.text)
			m.asciiIDs = append(m.asciiIDs, i)
			continue
		}
		for _, r := range t.text {
			if r >= utf8.RuneSelf {
				m.termRunes[r] = true
			}
		}
	}
	if len(apats) > 0 {
		if m.acASCII, err = ahocorasick.NewBuilder().SetMatchKind(ahocorasick.LeftmostLongest).AddStrings(apats).Build(); err != nil {
			return nil, fmt.Errorf("spam: lexicon: %w", err)
		}
	}
	var regs []string
	for _, lx := range lexicons {
		if lx != nil {
			regs = append(regs, lx.Register...)
		}
	}
	if len(regs) == 0 {
		regs = []string{"\x00"}
	}
	if m.register, err = ahocorasick.NewBuilder().SetMatchKind(ahocorasick.LeftmostLongest).AddStrings(regs).Build(); err != nil {
		return nil, fmt.Errorf("spam: lexicon: %w", err)
	}
	return m, nil
}

// spaced reports letters of scripts that separate words with spaces, where
// a term must match whole words; Chinese, Japanese and Thai terms match
// anywhere.
func spaced(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
	}
	return unicode.In(r, unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Arabic, unicode.Devanagari,
		unicode.Hebrew, unicode.Armenian, unicode.Georgian, unicode.Hangul)
}

// Weight returns the weight of a signal.
func (m *Model) Weight(s Signal) float64 { return m.weights[s] }

// termCount is how often one lexicon term occurs in a text.
type termCount struct{ id, n int }

// vocab finds the lexicon terms in folded text ft, leftmost-longest, whole
// words where the term's script spaces words, and counts each.
func (m *Model) vocab(ft string) []termCount {
	if ft == "" {
		return nil
	}
	return m.vocabBytes([]byte(fold.SwapDigits(ft)))
}

// vocabBytes is vocab on folded, digit-swapped text.
func (m *Model) vocabBytes(h []byte) []termCount {
	var all []ahocorasick.Match
	if m.acASCII != nil && m.asciiTermsOnly(h) {
		// Text without a non-ASCII rune of any term (ASCII text, or text
		// whose only others are quotes, dashes and accents the terms do
		// not use) matches ASCII terms only: the smaller automaton finds
		// the same matches.
		all = m.acASCII.FindAllOverlapping(h)
		for i := range all {
			all[i].PatternID = m.asciiIDs[all[i].PatternID]
		}
	} else {
		all = m.ac.FindAllOverlapping(h)
	}
	if len(all) == 0 {
		return nil
	}
	ok := all[:0]
	for _, mt := range all {
		t := &m.terms[mt.PatternID]
		if t.weight != 0 && (!t.left || boundaryBefore(h, mt.Start)) && (!t.right || boundaryAfter(h, mt.End)) {
			ok = append(ok, mt)
		}
	}
	slices.SortFunc(ok, func(a, b ahocorasick.Match) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	var out []termCount
	end := 0
	for _, mt := range ok {
		if mt.Start < end {
			continue
		}
		end = mt.End
		out = addCount(out, termCount{mt.PatternID, 1})
	}
	return out
}

// asciiTermsOnly reports text that no non-ASCII term can match: none of
// its runes beyond ASCII is in a term.
func (m *Model) asciiTermsOnly(h []byte) bool {
	for i := 0; i < len(h); {
		if h[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(h[i:])
		if m.termRunes[r] {
			return false
		}
		i += size
	}
	return true
}

func addCount(to []termCount, c termCount) []termCount {
	for i := range to {
		if to[i].id == c.id {
			to[i].n += c.n
			return to
		}
	}
	return append(to, c)
}

// sum weighs term counts: each term at full weight once, and a third of it
// for each of up to three repeats (a list of "Slots" filters is not a line
// stuffed with ten gambling words).
func (m *Model) sum(hits []termCount) float64 {
	s, topic := 0.0, 0.0
	for _, h := range hits {
		w := m.terms[h.id].weight
		w += w * float64(min(h.n-1, 3)) / 3
		if m.terms[h.id].weight > 0 && m.terms[h.id].weight < topicWeight {
			topic += w
		} else {
			s += w
		}
	}
	return s + min(topic, maxTopic)
}

// Terms weighing less than topicWeight name the topic (casino, poker,
// betting, jackpot), which news, travel and results pages write about: all
// of them together add at most maxTopic to a text, so that a sentence on
// an industry's revenue is never spam by its topic words alone.
const (
	topicWeight = 0.5
	maxTopic    = 0.7
)

// names returns the terms of hits, for the trace.
func (m *Model) names(hits []termCount) string {
	var b strings.Builder
	for i, h := range hits {
		if i == maxListed {
			b.WriteString(", ...")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(m.terms[h.id].text)
	}
	return b.String()
}

func boundaryBefore(h []byte, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRune(h[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
}

func boundaryAfter(h []byte, i int) bool {
	if i >= len(h) {
		return true
	}
	r, _ := utf8.DecodeRune(h[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
}

// hasRegister reports register/login words in folded text.
func (m *Model) hasRegister(ft string) bool {
	if ft == "" {
		return false
	}
	h := []byte(ft)
	for _, mt := range m.register.FindAllOverlapping(h) {
		if !spacedAt(h, mt.Start) || boundaryBefore(h, mt.Start) && boundaryAfter(h, mt.End) {
			return true
		}
	}
	return false
}

func spacedAt(h []byte, i int) bool {
	r, _ := utf8.DecodeRune(h[i:])
	return spaced(r)
}

// Default returns the model of the built-in lexicon, compiled once.
var Default = sync.OnceValues(func() (*Model, error) {
	lx, err := Builtin()
	if err != nil {
		return nil, err
	}
	return Compile(lx)
})
