package rxhint

import "regexp/syntax"

// need is what Required, RequiredRunes and Literals share: each asks what
// every match of a regex must hold, and they differ only in what a leaf
// gives and how the parts of a concatenation or an alternation combine.
// A capture, a plus and a repeat of at least one need what their body
// needs; anything else (empty matches, anchors, any character, star,
// quest, a repeat that may be absent) is a leaf.
type need[T any] struct {
	// leaf is what a node other than those above needs; false when a
	// match of it may hold nothing of the kind.
	leaf func(re *syntax.Regexp) (T, bool)
	// better reports whether c, needed by one part of a concatenation, is
	// a better need than best, needed by another (every part is needed).
	better func(c, best T) bool
	// union adds c, needed by one branch of an alternation, to acc; false
	// when the union grows past what is worth keeping.
	union func(acc, c T) (T, bool)
}

// parse is of for the regular expression src (Perl syntax, simplified);
// false when src does not parse.
func (n need[T]) parse(src string) (T, bool) {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		var zero T
		return zero, false
	}
	return n.of(re.Simplify())
}

func (n need[T]) of(re *syntax.Regexp) (T, bool) {
	var zero T
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return n.of(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return zero, false
		}
		return n.of(re.Sub[0])
	case syntax.OpConcat:
		best, found := zero, false
		for _, sub := range re.Sub {
			if c, ok := n.of(sub); ok && (!found || n.better(c, best)) {
				best, found = c, true
			}
		}
		return best, found
	case syntax.OpAlternate:
		acc := zero
		for _, sub := range re.Sub {
			c, ok := n.of(sub)
			if !ok {
				return zero, false
			}
			if acc, ok = n.union(acc, c); !ok {
				return zero, false
			}
		}
		return acc, true
	}
	return n.leaf(re)
}
