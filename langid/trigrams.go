package langid

import (
	_ "embed"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// profiles.txt is whatlanggo's trigram profiles as data (see its header).
// They are scored here rather than by whatlanggo itself, with the same
// method and results, for a fifth of the CPU: whatlanggo makes a string per
// trigram of the text and looks every profile's 300 trigrams up in a map
// of them; here each trigram of the text is looked up once in an index of
// all profiles.
//
//go:embed profiles.txt
var profilesTxt string

// maxTrigramDistance is the weight of a profile's most frequent trigram;
// each next one weighs one less.
const maxTrigramDistance = 300

// trigram is three runes packed 21 bits each, the first in the high bits:
// ordered as the runes are, and a plain integer to sort and hash.
type trigram uint64

func pack(r1, r2, r3 rune) trigram {
	return trigram(r1)<<42 | trigram(r2)<<21 | trigram(r3)
}

type posting struct {
	lang   uint16
	weight uint16
}

// model scores the languages of one script.
type model struct {
	langs []string
	// index holds, for each trigram of a profile, where its postings are in
	// postings: one small map value and one shared array, kinder to the
	// cache than a slice per trigram.
	index    map[trigram]span
	postings []posting
}

// span is a run of model.postings.
type span struct{ start, n uint32 }

var models = sync.OnceValue(func() map[string]*model {
	out := map[string]*model{}
	lists := map[string]map[trigram][]posting{} // per script, while reading
	for line := range strings.Lines(profilesTxt) {
		line = strings.TrimRight(line, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		m := out[f[0]]
		if m == nil {
			m = &model{}
			out[f[0]] = m
			lists[f[0]] = map[trigram][]posting{}
		}
		lang := uint16(len(m.langs))
		m.langs = append(m.langs, f[1])
		for i, t := range strings.Split(f[2], "|") {
			r := []rune(t)
			if len(r) != 3 {
				continue
			}
			k := pack(r[0], r[1], r[2])
			lists[f[0]][k] = append(lists[f[0]][k], posting{lang, uint16(maxTrigramDistance - i)})
		}
	}
	for script, m := range out {
		m.index = make(map[trigram]span, len(lists[script]))
		for k, ps := range lists[script] {
			m.index[k] = span{uint32(len(m.postings)), uint32(len(ps))}
			m.postings = append(m.postings, ps...)
		}
	}
	return out
})

// score returns the best language of text among m's and whatlanggo's
// confidence in it: the margin over the second best, scaled.
func (m *model) score(text string) (string, float64) {
	// The text's trigrams, sorted so that equal ones are neighbours: a
	// sort of a slice of integers costs less than a map of counts.
	tris := make([]trigram, 0, len(text))
	r1, r2 := ' ', ' '
	first := true
	add := func(r3 rune) {
		if first {
			r2, first = r3, false
			return
		}
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			tris = append(tris, pack(r1, r2, r3))
		}
		r1, r2 = r2, r3
	}
	for _, r := range text {
		add(trigramChar(r))
	}
	add(' ')
	slices.Sort(tris)
	dist := make([]int, len(m.langs))
	hits := make([]int, len(m.langs))
	for i := 0; i < len(tris); {
		j := i + 1
		for j < len(tris) && tris[j] == tris[i] {
			j++
		}
		n := j - i
		sp := m.index[tris[i]]
		for _, p := range m.postings[sp.start : sp.start+sp.n] {
			dist[p.lang] += int(p.weight) * n
			hits[p.lang]++
		}
		i = j
	}
	order := make([]int, len(m.langs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return dist[order[i]] > dist[order[j]] })
	best := order[0]
	s1 := dist[best]
	switch {
	case s1 == 0:
		return "", 0
	case len(order) == 1:
		return m.langs[best], 1
	}
	s2 := dist[order[1]]
	if s2 == 0 {
		return m.langs[best], math.Min(float64(s1)/500, 1)
	}
	rate := float64(s1-s2) / float64(s2)
	confident := 12/float64(hits[best]) + 0.05
	if rate > confident {
		return m.langs[best], 1
	}
	return m.langs[best], math.Round(rate/confident*100) / 100
}

// trigramChar is a rune as the profiles see it: lower case, and space for
// punctuation, symbols, digits and spaces.
func trigramChar(r rune) rune {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z':
			return r
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		case (r < ' ' || r == 0x7f) && !unicode.IsSpace(r):
			return r // a control character, neither space nor symbol
		}
		return ' ' // ASCII space, digits, punctuation and symbols
	}
	if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
		return ' '
	}
	return unicode.ToLower(r)
}
