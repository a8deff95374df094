// Package lexicon reads spam lexicons: weighted gambling, betting, casino
// and adult-spam terms per language, the weights of the other evidence
// (Signal), the stems that make a host or brand code look like a gambling
// site, unusual top-level domains and register words. The built-in one is
// lexicon.yaml, embedded.
package lexicon

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/winnowhq/winnow/internal/yamlpos"
	"github.com/winnowhq/winnow/spam/fold"

	"go.yaml.in/yaml/v4"
)

// Lexicon is one lexicon file's content: weighted terms per language, the
// weights of the other evidence, the stems that make a host look like a
// gambling site, top-level domains that spam favours and the words of
// register and login buttons. A later lexicon overrides an earlier one term
// by term and weight by weight (a weight of 0 switches a term off).
type Lexicon struct {
	Terms      []Term
	Weights    map[Signal]float64
	Stems      []Term   // weighted stems of hosts, paths and brand codes: bet, casino, judi, ...
	TLDs       []string // unusual top-level domains, without the dot
	Shorteners []string // hosts of link shorteners: a link there hides where it goes
	Register   []string // register / login / claim words on buttons
	Calls      []string // calls to action in running text (play now, juega, regístrate); register words are calls too
}

// Term is one weighted word or phrase of the lexicon. A term ending in "*"
// also matches longer words ("casino*": casinos).
//
// Topic is what the term adds to a page's topic when its running prose
// names it (0: its weight when that is a topic word's, below 0.5, and
// nothing otherwise): the everyday name of the activity (judi online,
// jogo do tigrinho, online sabong) weighs as spam does where spam is all
// a line says, and as the topic's words do where a story names it.
type Term struct {
	Text   string
	Lang   string
	Weight float64
	Topic  float64
}

// ErrorFunc reports a problem at a YAML node.
type ErrorFunc func(n *yaml.Node, format string, args ...any)

// Parse reads the value of a `lexicon:` key. Every problem is
// reported through errorf, with the node it concerns; unknown keys are
// errors, so a typo never silently drops a part of the lexicon.
//
//	lexicon:
//	  weights: {gambling-host: 0.8, hidden: 0.4}
//	  stems: {bet: 1, casino: 1, win: 0.4}
//	  tlds: [xyz, top, vip]
//	  shorteners: [bit.ly, s.id]
//	  register: [daftar, register, đăng ký]
//	  calls: [play now, juega, regístrate]
//	  terms:
//	    en: {online casino: 1.0, casino*: 0.3}
//	    id: {judi online: {weight: 1.1, topic: 0.45}}
func Parse(n *yaml.Node, errorf ErrorFunc) *Lexicon {
	lx := &Lexicon{Weights: map[Signal]float64{}}
	if n.Kind != yaml.MappingNode {
		errorf(n, "lexicon: expected a mapping, got %s", yamlpos.KindName(n))
		return lx
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "weights":
			eachPair(v, "weights", errorf, func(k, v *yaml.Node) {
				s, ok := SignalByName(k.Value)
				if !ok {
					errorf(k, "unknown signal %q in weights (want one of %s)", k.Value, strings.Join(signalNames[:], ", "))
					return
				}
				if w, ok := number(v, errorf); ok {
					lx.Weights[s] = w
				}
			})
		case "stems":
			eachPair(v, "stems", errorf, func(k, v *yaml.Node) {
				if w, ok := number(v, errorf); ok {
					lx.Stems = append(lx.Stems, Term{Text: fold.Fold(strings.TrimSpace(k.Value)), Weight: w})
				}
			})
		case "tlds":
			lx.TLDs = append(lx.TLDs, stringList(v, "tlds", errorf)...)
		case "shorteners":
			lx.Shorteners = append(lx.Shorteners, stringList(v, "shorteners", errorf)...)
		case "register":
			lx.Register = append(lx.Register, stringList(v, "register", errorf)...)
		case "calls":
			lx.Calls = append(lx.Calls, stringList(v, "calls", errorf)...)
		case "terms":
			type seenTerm struct {
				k        *yaml.Node
				lang     string
				w, topic float64
			}
			seen := map[string]seenTerm{}
			eachPair(v, "terms", errorf, func(lang, terms *yaml.Node) {
				eachPair(terms, "terms."+lang.Value, errorf, func(k, v *yaml.Node) {
					t := strings.TrimSpace(k.Value)
					if t == "" || t == "*" {
						errorf(k, "empty term")
						return
					}
					w, topic, ok := termWeights(v, errorf)
					if !ok {
						return
					}
					// A term may be listed under two languages (online
					// casino: en, de), with one weight.
					f := fold.SwapDigits(fold.Fold(strings.TrimSuffix(t, "*")))
					if prev, dup := seen[f]; dup && (prev.lang == lang.Value || prev.w != w || prev.topic != topic) {
						errorf(k, "term %q repeats %q (line %d) with weight %v: give it one weight", k.Value, prev.k.Value, prev.k.Line, prev.w)
						return
					}
					seen[f] = seenTerm{k, lang.Value, w, topic}
					lx.Terms = append(lx.Terms, Term{Text: t, Lang: lang.Value, Weight: w, Topic: topic})
				})
			})
		default:
			errorf(k, "unknown key %q in lexicon (want: weights, stems, tlds, shorteners, register, calls, terms)", k.Value)
		}
	}
	return lx
}

func eachPair(n *yaml.Node, what string, errorf ErrorFunc, fn func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		errorf(n, "%s: expected a mapping, got %s", what, yamlpos.KindName(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i], n.Content[i+1])
	}
}

func stringList(n *yaml.Node, what string, errorf ErrorFunc) []string {
	if n.Kind != yaml.SequenceNode {
		errorf(n, "%s: expected a list, got %s", what, yamlpos.KindName(n))
		return nil
	}
	var out []string
	for _, it := range n.Content {
		if it.Kind != yaml.ScalarNode || strings.TrimSpace(it.Value) == "" {
			errorf(it, "%s: expected a non-empty string", what)
			continue
		}
		out = append(out, fold.Fold(strings.TrimSpace(it.Value)))
	}
	return out
}

// termWeights reads a term's value: its weight, or a mapping of its
// weight and its topic weight ({weight: 1.1, topic: 0.45}). A topic weight
// lies between 0 and 0.5, a topic word's.
func termWeights(n *yaml.Node, errorf ErrorFunc) (w, topic float64, ok bool) {
	if n.Kind != yaml.MappingNode {
		w, ok = number(n, errorf)
		return w, 0, ok
	}
	var seen [2]bool
	ok = true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "weight":
			w, seen[0] = number(v, errorf)
			ok = ok && seen[0]
		case "topic":
			topic, seen[1] = number(v, errorf)
			if seen[1] && (topic <= 0 || topic >= 0.5) {
				errorf(v, "expected a topic weight above 0 and below 0.5, got %q", v.Value)
				seen[1] = false
			}
			ok = ok && seen[1]
		default:
			errorf(k, "unknown key %q in a term's weights (want: weight, topic)", k.Value)
			ok = false
		}
	}
	if !seen[0] && ok {
		errorf(n, "a term's mapping needs its weight")
		ok = false
	}
	return w, topic, ok
}

func number(n *yaml.Node, errorf ErrorFunc) (float64, bool) {
	if n.Kind != yaml.ScalarNode {
		errorf(n, "expected a number, got %s", yamlpos.KindName(n))
		return 0, false
	}
	w, err := strconv.ParseFloat(n.Value, 64)
	if err != nil || w < -5 || w > 5 {
		errorf(n, "expected a weight between -5 and 5, got %q", n.Value)
		return 0, false
	}
	return w, true
}

//go:embed lexicon.yaml
var builtinLexicon []byte

// BuiltinFile is the name the built-in lexicon's positions are given in.
const BuiltinFile = "spam/lexicon/lexicon.yaml"

// Builtin returns the lexicon embedded in winnow (spam/lexicon/lexicon.yaml).
var Builtin = sync.OnceValues(func() (*Lexicon, error) {
	return ParseFile(BuiltinFile, builtinLexicon)
})

// ParseFile reads a lexicon file: a YAML mapping with a `lexicon:` key (the
// format rule files use too). Errors read "file:line:col: message", one per
// line, all of them.
func ParseFile(name string, data []byte) (*Lexicon, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	var errs []string
	errorf := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("%s:%d:%d: %s", name, n.Line, n.Column, fmt.Sprintf(format, args...)))
	}
	lx := &Lexicon{Weights: map[Signal]float64{}}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: expected a mapping with key \"lexicon\"", name)
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Value == "lexicon" {
			lx = Parse(root.Content[i+1], errorf)
		} else {
			errorf(k, "unknown key %q (want: lexicon)", k.Value)
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return lx, nil
}
