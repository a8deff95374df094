package spam

import (
	"strings"
	"sync"

	"github.com/winnowhq/winnow/spam/brand"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/terms"
)

// Model is a compiled lexicon: immutable, safe for concurrent use.
type Model struct {
	terms    *terms.Matcher  // the weighted terms
	register *terms.Register // register and login words
	weights  [lexicon.NumSignals]float64
	brand    *brand.Reader   // brand codes, hosts and paths, by the lexicon's stems and TLDs
	shorten  map[string]bool // link shorteners' hosts
}

// Compile builds a Model from lexicons in order: a later one overrides an
// earlier one's term weights and signal weights, and adds stems, domains
// and register words.
func Compile(lexicons ...*Lexicon) (*Model, error) {
	m := &Model{shorten: map[string]bool{}}
	stems, tlds := map[string]float64{}, map[string]bool{}
	var ts [][]lexicon.Term
	var regs []string
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
	}
	m.brand = brand.NewReader(stems, tlds)
	var err error
	if m.terms, err = terms.New(ts...); err != nil {
		return nil, err
	}
	if m.register, err = terms.NewRegister(regs); err != nil {
		return nil, err
	}
	return m, nil
}

// Weight returns the weight of a signal.
func (m *Model) Weight(s Signal) float64 { return m.weights[s] }

// Default returns the model of the built-in lexicon, compiled once.
var Default = sync.OnceValues(func() (*Model, error) {
	lx, err := Builtin()
	if err != nil {
		return nil, err
	}
	return Compile(lx)
})
