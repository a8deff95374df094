package robots

import (
	"slices"
	"strings"
)

// index holds a group's rules compiled once per host, so that a path is
// matched against the few rules that can match it, not against every rule:
// trying each of 25,000 wildcard rules in turn cost ~7 ms per URL, in the
// dispatcher every host waits on.
//
// A rule can match a path only if every literal piece of its pattern (the
// runs between stars) occurs in the path. Each rule is filed under one
// three-byte gram of its longest piece, the gram whose bucket is the
// smallest when the rule is filed, so that rules sharing a common start
// ("/catalog/") spread over their distinctive parts. A path looks up each
// of its own grams once; the rules in those buckets, and the few whose
// pieces are all shorter than a gram ("/", "/*?"), are the candidates, and
// Match decides among them as Allowed did among all.
type index struct {
	rules   []Rule
	buckets map[uint32][]int32 // gram -> rules filed under it
	short   []int32            // rules with no piece of gramLen bytes
}

// gramLen is the length of the grams rules are filed under. Three bytes
// tell most pieces apart ("?fi", "em-", ".pd") while a short piece
// (".js") still has one.
const gramLen = 4

// maxGramChoices bounds the grams of a long piece weighed when filing its
// rule, so that compiling stays linear in the size of robots.txt.
const maxGramChoices = 16

func gramAt(s string, i int) uint32 {
	return uint32(s[i])<<24 | uint32(s[i+1])<<16 | uint32(s[i+2])<<8 | uint32(s[i+3])
}

// newIndex compiles rules; duplicates (the same pattern and verdict) are
// kept once.
func newIndex(rules []Rule) *index {
	x := &index{buckets: make(map[uint32][]int32, len(rules))}
	seen := make(map[Rule]bool, len(rules))
	for _, r := range rules {
		if seen[r] {
			continue
		}
		seen[r] = true
		id := int32(len(x.rules))
		x.rules = append(x.rules, r)
		key := longestPiece(r.Pattern)
		if len(key) < gramLen {
			x.short = append(x.short, id)
			continue
		}
		best, bestN := gramAt(key, 0), -1
		for i := 0; i+gramLen <= len(key) && i < maxGramChoices; i++ {
			g := gramAt(key, i)
			if n := len(x.buckets[g]); bestN < 0 || n < bestN {
				best, bestN = g, n
				if n == 0 {
					break // a gram of its own: none smaller
				}
			}
		}
		x.buckets[best] = append(x.buckets[best], id)
	}
	return x
}

// longestPiece is the longest literal run of a normalised pattern: "*"
// separates runs, and a final "$" is not part of one.
func longestPiece(pattern string) string {
	pattern = strings.TrimSuffix(pattern, "$")
	longest := ""
	for piece := range strings.SplitSeq(pattern, "*") {
		if len(piece) > len(longest) {
			longest = piece
		}
	}
	return longest
}

// grams are the distinct grams of p, sorted.
func grams(p string) []uint32 {
	if len(p) < gramLen {
		return nil
	}
	gs := make([]uint32, 0, len(p)-gramLen+1)
	for i := 0; i+gramLen <= len(p); i++ {
		gs = append(gs, gramAt(p, i))
	}
	slices.Sort(gs)
	return slices.Compact(gs)
}

// candidates is the number of rules a normalised path is matched against.
func (x *index) candidates(p string) int {
	n := len(x.short)
	for _, g := range grams(p) {
		n += len(x.buckets[g])
	}
	return n
}

// allowed decides for a normalised path as RFC 9309 says: the longest
// matching pattern wins, Allow wins a tie, and no match allows.
func (x *index) allowed(p string) bool {
	best, allow := -1, true
	try := func(ids []int32) {
		for _, id := range ids {
			rule := &x.rules[id]
			n := len(rule.Pattern)
			if n < best || n == best && allow {
				continue // cannot win: shorter, or a tie that Allow already holds
			}
			if Match(rule.Pattern, p) {
				best, allow = n, rule.Allow
			}
		}
	}
	try(x.short)
	if len(x.buckets) > 0 {
		for _, g := range grams(p) {
			try(x.buckets[g])
		}
	}
	return allow
}
