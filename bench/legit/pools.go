package legit

import (
	"embed"
	"fmt"
	"math/rand/v2"
	"sync"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/internal/yamlpos"
	"go.yaml.in/yaml/v4"
)

// The words of each half are data, vocab/tuning.yaml and
// vocab/held-out.yaml, embedded; its page shapes are Go (shapes.go).
//
//go:embed vocab/tuning.yaml vocab/held-out.yaml
var vocabFiles embed.FS

type pools struct {
	langs    map[string]lang
	brands   []string // operators, lotteries, regulators, venues: %s in the sentences
	hosts    []string // the sites publishing the pages
	refHosts []string // sites the pages cite: regulators, helplines, registries
	teams    []string // for result and odds tables
	shapes   []shape
}

type lang struct {
	labels labels
	topics map[string]topic
}

// labels are the few interface words a shape prints in the page's
// language (bylines, dates, table headers, related links).
type labels struct {
	by, posted, related, home, date, result string
}

type topic struct {
	titles, heads, sentences []string
}

// shape is one page layout: it writes the page and returns its HTML and
// its legitimate blocks.
type shape struct {
	name   string
	render func(r *rand.Rand, p *parts) (string, []string)
}

// poolsByHalf reads both halves once.
var poolsByHalf = sync.OnceValues(func() ([2]pools, error) {
	var out [2]pools
	for h := range out {
		name := "vocab/" + half.Half(h).String() + ".yaml"
		data, err := vocabFiles.ReadFile(name)
		if err != nil {
			return out, err
		}
		if out[h], err = readPools("bench/legit/"+name, data); err != nil {
			return out, err
		}
		out[h].shapes = shapesOf(half.Half(h))
	}
	return out, nil
})

// poolsOf returns the pools of half h.
func poolsOf(h half.Half) (pools, error) {
	if h != half.Tuning && h != half.HeldOut {
		return pools{}, fmt.Errorf("legit: no half %s", h)
	}
	ps, err := poolsByHalf()
	return ps[h], err
}

// readPools reads a vocabulary file, named file in errors, strictly: an
// unknown, duplicate or missing key, a value of the wrong shape or an
// empty list is an error at its file:line.
func readPools(file string, data []byte) (pools, error) {
	r := yamlpos.NewReader(file)
	var p pools
	root, err := r.Root(data, "vocabulary file")
	if err != nil {
		return p, err
	}
	list := func(dst *[]string, what string) func(*yaml.Node) {
		return func(n *yaml.Node) { *dst = r.StringList(n, what) }
	}
	fields := yamlpos.Fields{
		"langs": func(n *yaml.Node) {
			p.langs = map[string]lang{}
			r.Pairs(n, "langs", func(name string, v *yaml.Node) { p.langs[name] = readLang(r, name, v) })
			if n.Kind == yaml.MappingNode && len(n.Content) == 0 {
				r.Errorf(n, "langs: no language")
			}
		},
		"brands":    list(&p.brands, "brands"),
		"hosts":     list(&p.hosts, "hosts"),
		"ref-hosts": list(&p.refHosts, "ref-hosts"),
		"teams":     list(&p.teams, "teams"),
	}
	r.Require(root, "vocabulary", r.Mapping(root, "vocabulary", fields), "langs", "brands", "hosts", "ref-hosts", "teams")
	return p, r.Err()
}

// readLang reads one language: its labels and its topics.
func readLang(r *yamlpos.Reader, name string, v *yaml.Node) lang {
	l := lang{topics: map[string]topic{}}
	what := "language " + name
	str := func(dst *string, key string) func(*yaml.Node) {
		return func(n *yaml.Node) { *dst = r.String(n, what+": "+key) }
	}
	r.Require(v, what, r.Mapping(v, what, yamlpos.Fields{
		"labels": func(n *yaml.Node) {
			lb := &l.labels
			r.Require(n, what+": labels", r.Mapping(n, what+": labels", yamlpos.Fields{
				"by": str(&lb.by, "by"), "posted": str(&lb.posted, "posted"), "related": str(&lb.related, "related"),
				"home": str(&lb.home, "home"), "date": str(&lb.date, "date"), "result": str(&lb.result, "result"),
			}), "by", "posted", "related", "home", "date", "result")
		},
		"topics": func(n *yaml.Node) {
			r.Pairs(n, what+": topics", func(tn string, tv *yaml.Node) {
				var t topic
				tw := what + ": topic " + tn
				r.Require(tv, tw, r.Mapping(tv, tw, yamlpos.Fields{
					"titles":    func(n *yaml.Node) { t.titles = r.StringList(n, "titles") },
					"heads":     func(n *yaml.Node) { t.heads = r.StringList(n, "heads") },
					"sentences": func(n *yaml.Node) { t.sentences = r.StringList(n, "sentences") },
				}), "titles", "heads", "sentences")
				l.topics[tn] = t
			})
		},
	}), "labels", "topics")
	return l
}
