// Package terms finds the weighted terms of spam lexicons in folded text
// (package fold): leftmost-longest, as whole words in the scripts that
// space their words and anywhere in those that do not (Chinese, Japanese,
// Thai), each term counted. A Matcher keeps one automaton per script group,
// so that a text reads only the tables of the scripts it holds. Register
// finds the words of register and login buttons the same way.
package terms

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/litscan"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
)

// Matcher finds the terms of one or more lexicons: immutable, safe for
// concurrent use.
type Matcher struct {
	// The terms' automata, one per script group (ASCII terms first): a
	// text runs the ASCII one and those of the scripts it holds. Split,
	// each has a small alphabet, so a narrow table, and a text reads only
	// the tables of its scripts.
	groups    []termGroup
	termRunes map[rune]uint8 // the non-ASCII runes of the terms: the groups (bit i: groups[i]) whose terms hold it
	// lowRunes is termRunes for the runes below lowEnd, read without a map
	// look-up for every curly quote and accented letter of a page.
	lowRunes *[lowEnd]uint8
	terms    []term // by pattern id
}

type term struct {
	text        string
	weight      float64
	topic       float64 // what it adds to a page's topic (lexicon.Term.Topic, or its weight below topicWeight)
	left, right bool    // a word boundary is required on that side
}

// topicOf is what term t (weight w, lexicon topic weight topic) adds to
// a page's topic: its topic weight when the lexicon gives one, else its
// weight when that is a topic word's (positive, below topicWeight).
func topicOf(w, topic float64) float64 {
	if topic > 0 {
		return topic
	}
	if w > 0 && w < topicWeight {
		return w
	}
	return 0
}

// New compiles the terms of lexicons in order: a later term of the same
// folded text overrides an earlier one's weight (0 switches it off), and
// its trailing "*" (longer words match too) holds only if every one has it.
func New(lexicons ...[]lexicon.Term) *Matcher {
	m := &Matcher{}
	byText := map[string]int{}
	for _, ts := range lexicons {
		for _, t := range ts {
			prefix := strings.HasSuffix(t.Text, "*")
			f := fold.SwapDigits(fold.Fold(strings.TrimSuffix(t.Text, "*")))
			if i, ok := byText[f]; ok {
				m.terms[i].weight = t.Weight
				m.terms[i].topic = topicOf(t.Weight, t.Topic)
				m.terms[i].right = !prefix && m.terms[i].right
				continue
			}
			first, _ := utf8.DecodeRuneInString(f)
			last, _ := utf8.DecodeLastRuneInString(f)
			byText[f] = len(m.terms)
			m.terms = append(m.terms, term{text: f, weight: t.Weight, topic: topicOf(t.Weight, t.Topic), left: spaced(first), right: !prefix && spaced(last)})
		}
	}
	m.buildGroups()
	return m
}

// termGroup is the automaton of the terms of one script group.
type termGroup struct {
	ac  *litscan.Matcher
	ids []int // term index of each pattern
}

// groupOf returns the script group of a non-ASCII rune: 1 Latin letters
// with marks (vi, pt, tr, ...), 2 Han, kana and Hangul, 3 the scripts of
// South-East Asia, 4 Cyrillic and Greek, 5 every other; 0 is ASCII.
func groupOf(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		return 0
	case r < 0x0370 || r >= 0x1E00 && r < 0x1F00:
		return 1
	case r < 0x0530:
		return 4
	case r >= 0x0E00 && r < 0x0F00 || r >= 0x1000 && r < 0x10A0 || r >= 0x1780 && r < 0x1800:
		return 3
	case r >= 0x1100 && r < 0x1200 || r >= 0x2E80 && r < 0xA000 || r >= 0xAC00 && r < 0xD7B0 || r >= 0xF900 && r < 0xFB00 || r >= 0x20000:
		return 2
	}
	return 5
}

const numGroups = 6

// buildGroups compiles the automaton of each script group: a term goes to
// the group of its first non-ASCII rune (ASCII terms to group 0), and each
// of its non-ASCII runes names that group in termRunes.
func (m *Matcher) buildGroups() {
	pats := make([][]string, numGroups)
	m.groups = make([]termGroup, numGroups)
	m.termRunes = map[rune]uint8{}
	m.lowRunes = new([lowEnd]uint8)
	for i, t := range m.terms {
		g := 0
		for _, r := range t.text {
			if r >= utf8.RuneSelf {
				g = groupOf(r)
				break
			}
		}
		for _, r := range t.text {
			if r >= utf8.RuneSelf {
				m.termRunes[r] |= 1 << g
				if r < lowEnd {
					m.lowRunes[r] |= 1 << g
				}
			}
		}
		pats[g] = append(pats[g], t.text)
		m.groups[g].ids = append(m.groups[g].ids, i)
	}
	for g, ps := range pats {
		if len(ps) == 0 {
			continue
		}
		m.groups[g].ac = litscan.NewCased(ps)
	}
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

// Count is how often one term (by id, its index in the Matcher) occurs in
// a text.
type Count struct{ ID, N int }

// Find finds the terms in folded text ft, leftmost-longest, whole words
// where the term's script spaces words, and counts each.
func (m *Matcher) Find(ft string) []Count {
	if ft == "" {
		return nil
	}
	return m.FindBytes([]byte(fold.SwapDigits(ft)))
}

// FindBytes is Find on folded text whose digits are swapped already
// (fold.SwapDigits; it changes nothing in a text without digits).
func (m *Matcher) FindBytes(h []byte) []Count {
	// Group 0 (ASCII terms) matches any text; another group only text that
	// holds one of its runes.
	var all []litscan.Match
	for g, mask := 0, m.groupsIn(h)|1; mask != 0; g, mask = g+1, mask>>1 {
		if mask&1 == 0 || m.groups[g].ac == nil {
			continue
		}
		n := len(all)
		if found := m.groups[g].ac.Matches(h); n == 0 {
			all = found
		} else {
			all = append(all, found...)
		}
		for i := n; i < len(all); i++ {
			all[i].ID = m.groups[g].ids[all[i].ID]
		}
	}
	if len(all) == 0 {
		return nil
	}
	ok := all[:0]
	for _, mt := range all {
		t := &m.terms[mt.ID]
		if t.weight != 0 && (!t.left || boundaryBefore(h, mt.Start)) && (!t.right || boundaryAfter(h, mt.End)) {
			ok = append(ok, mt)
		}
	}
	slices.SortFunc(ok, func(a, b litscan.Match) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	var out []Count
	end := 0
	for _, mt := range ok {
		if mt.Start < end {
			continue
		}
		end = mt.End
		out = Add(out, Count{mt.ID, 1})
	}
	return out
}

// lowEnd bounds Matcher.lowRunes: the runes of the alphabets, below CJK.
const lowEnd = 0x3000

// groupsIn returns the script groups (bit i: groups[i]) whose terms hold
// a non-ASCII rune of h.
func (m *Matcher) groupsIn(h []byte) uint8 {
	var mask uint8
	for i := 0; i < len(h); {
		if h[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(h[i:])
		if r < lowEnd {
			mask |= m.lowRunes[r]
		} else {
			mask |= m.termRunes[r]
		}
		i += size
	}
	return mask
}

// Add adds c to the counts to (a block gathering its parts' terms).
func Add(to []Count, c Count) []Count {
	for i := range to {
		if to[i].ID == c.ID {
			to[i].N += c.N
			return to
		}
	}
	return append(to, c)
}

// Sum weighs term counts: each term at full weight once, and a third of it
// for each of up to three repeats (a list of "Slots" filters is not a line
// stuffed with ten gambling words).
func (m *Matcher) Sum(hits []Count) float64 {
	s, topic := 0.0, 0.0
	for _, h := range hits {
		w := m.terms[h.ID].weight
		w += w * float64(min(h.N-1, 3)) / 3
		if m.terms[h.ID].weight > 0 && m.terms[h.ID].weight < topicWeight {
			topic += w
		} else {
			s += w
		}
	}
	return s + min(topic, maxTopic)
}

// Mass is the weight of the terms of positive weight in hits, every
// occurrence counted in full: how much gambling vocabulary a text holds,
// where Sum is how much it weighs as evidence.
func (m *Matcher) Mass(hits []Count) float64 {
	s := 0.0
	for _, h := range hits {
		if w := m.terms[h.ID].weight; w > 0 {
			s += w * float64(h.N)
		}
	}
	return s
}

// Share reports whether folded texts a and b share a term: a term
// found in either occurs within the other. Both ways, since the matcher
// reads each text's words once: b's "kecanduan judi online" is found as
// "kecanduan judi", and still holds a's "judi online".
func (m *Matcher) Share(a, b string) bool {
	for _, p := range [2][2]string{{a, b}, {b, a}} {
		for _, h := range m.Find(p[0]) {
			if strings.Contains(p[1], m.terms[h.ID].text) {
				return true
			}
		}
	}
	return false
}

// Text returns the folded text of the term id names (Count.ID).
func (m *Matcher) Text(id int) string { return m.terms[id].text }

// TopicMass is how much the terms in hits name the topic, every
// occurrence counted in full: the terms weighing less than topicWeight
// (casino, poker, betting, lottery) at their weight, and the everyday
// names of the activity that weigh more as spam (judi online, jogo do
// tigrinho) at the topic weight their lexicon gives them. A page about
// gambling uses them throughout.
func (m *Matcher) TopicMass(hits []Count) float64 {
	s := 0.0
	for _, h := range hits {
		s += m.terms[h.ID].topic * float64(h.N)
	}
	return s
}

// LegitMass is the weight of the terms in hits that weigh -topicWeight
// or less (the vocabulary of gambling's own help and regulation:
// responsible gambling, ludopatía, self-exclusion; not the police and
// court words of any news story), every occurrence counted in full, as a
// positive number: how much a text is about the topic from the side spam
// never writes from.
func (m *Matcher) LegitMass(hits []Count) float64 {
	s := 0.0
	for _, h := range hits {
		if w := m.terms[h.ID].weight; w <= -topicWeight {
			s -= w * float64(h.N)
		}
	}
	return s
}

// Terms weighing less than topicWeight name the topic (casino, poker,
// betting, jackpot), which news, travel and results pages write about: all
// of them together add at most maxTopic to a text, so that a sentence on
// an industry's revenue is never spam by its topic words alone.
const (
	topicWeight = 0.5
	maxTopic    = 0.7
)

// Names returns the terms of hits, the first max of them, for the trace.
func (m *Matcher) Names(hits []Count, max int) string {
	var b strings.Builder
	for i, h := range hits {
		if i == max {
			b.WriteString(", ...")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(m.terms[h.ID].text)
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

// Register finds the words of register, login and claim buttons.
type Register struct{ ac *litscan.Matcher }

// NewRegister compiles the register words of lexicons.
func NewRegister(words []string) *Register {
	return &Register{ac: litscan.NewCased(words)}
}

// In reports register words in folded text ft, whole words where their
// script spaces words.
func (r *Register) In(ft string) bool {
	if ft == "" {
		return false
	}
	h := []byte(ft)
	for _, mt := range r.ac.Matches(h) {
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
