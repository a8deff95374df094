package noise

import (
	"math/rand/v2"
	"unicode"
)

// glyphBlock is a range of code points decorative glyphs are drawn from.
type glyphBlock struct {
	name   string
	lo, hi rune
}

// glyph returns one random, assigned, visible code point from a random
// block of blocks: a symbol, never a letter, number or mark of any script
// (a cleaner must never remove those; a combining mark would also merge
// into the next letter).
func glyph(r *rand.Rand, blocks []glyphBlock) string {
	for {
		b := pick(r, blocks)
		c := b.lo + rune(r.IntN(int(b.hi-b.lo+1)))
		if unicode.IsGraphic(c) && !unicode.IsSpace(c) && !unicode.IsLetter(c) && !unicode.IsNumber(c) && !unicode.IsMark(c) {
			return string(c)
		}
	}
}
