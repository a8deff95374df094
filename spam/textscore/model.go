package textscore

import (
	"strings"
	"sync"
	"unicode"

	"github.com/winnowhq/winnow/spam/brand"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/terms"
)

// Model is a compiled lexicon: immutable, safe for concurrent use.
type Model struct {
	terms    *terms.Matcher  // the weighted terms
	register *terms.Register // register and login words
	calls    *terms.Register // calls to action in running text, register words among them
	weights  [lexicon.NumSignals]float64
	brand    *brand.Reader   // brand codes, hosts and paths, by the lexicon's stems and TLDs
	shorten  map[string]bool // link shorteners' hosts
}

// Compile builds a Model from lexicons in order: a later one overrides an
// earlier one's term weights and signal weights, and adds stems, domains
// and register words.
func Compile(lexicons ...*lexicon.Lexicon) (*Model, error) {
	m := &Model{shorten: map[string]bool{}}
	stems, tlds := map[string]float64{}, map[string]bool{}
	var ts [][]lexicon.Term
	var regs, calls []string
	for _, lx := range lexicons {
		if lx == nil {
			continue
		}
		for s, w := range lx.Weights {
			m.weights[s] = w
		}
		ts = append(ts, lx.Terms)
		for _, t := range lx.Stems {
			stems[t.Text] = t.Weight
		}
		for _, t := range lx.TLDs {
			tlds[strings.TrimPrefix(t, ".")] = true
		}
		for _, h := range lx.Shorteners {
			m.shorten[strings.TrimPrefix(h, "www.")] = true
		}
		regs = append(regs, lx.Register...)
		calls = append(calls, lx.Calls...)
	}
	m.brand = brand.NewReader(stems, tlds, namedCodes(ts))
	m.terms = terms.New(ts...)
	m.register = terms.NewRegister(regs)
	m.calls = terms.NewRegister(foldAll(append(calls, regs...)))
	return m, nil
}

// foldAll folds words as the text they are found in is folded.
func foldAll(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if f := fold.Fold(strings.TrimSpace(w)); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// namedCodes returns the terms of the lexicons that are one brand-shaped
// token, letters and digits (bet365, 1xbet, w88).
func namedCodes(ts [][]lexicon.Term) map[string]bool {
	named := map[string]bool{}
	for _, l := range ts {
		for _, t := range l {
			if strings.ContainsAny(t.Text, "0123456789") && strings.IndexFunc(t.Text, unicode.IsLetter) >= 0 && !strings.ContainsAny(t.Text, " *") {
				named[t.Text] = true
			}
		}
	}
	return named
}

// Weight returns the weight of a signal.
func (m *Model) Weight(s lexicon.Signal) float64 { return m.weights[s] }

// Weights returns the weights of all signals, indexed by lexicon.Signal.
func (m *Model) Weights() *[lexicon.NumSignals]float64 { return &m.weights }

// Terms returns the matcher of the lexicon's weighted terms.
func (m *Model) Terms() *terms.Matcher { return m.terms }

// Register returns the lexicon's register and login words.
func (m *Model) Register() *terms.Register { return m.register }

// Brand returns the reader of brand codes, hosts and paths.
func (m *Model) Brand() *brand.Reader { return m.brand }

// Shortener reports a link shortener's site (its registrable domain).
func (m *Model) Shortener(site string) bool { return m.shorten[site] }

// Default returns the model of the built-in lexicon, compiled once.
var Default = sync.OnceValues(func() (*Model, error) {
	lx, err := lexicon.Builtin()
	if err != nil {
		return nil, err
	}
	return Compile(lx)
})
