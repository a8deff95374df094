package noise

import (
	"math/rand/v2"
	"unicode"

	"github.com/winnowhq/winnow/bench/noise/vocab"
)

// glyph returns one random, assigned, visible code point from a random
// block of blocks: a symbol, never a letter, number or mark of any script
// (a cleaner must never remove those; a combining mark would also merge
// into the next letter).
func glyph(r *rand.Rand, blocks []vocab.GlyphBlock) string {
	for {
		b := pick(r, blocks)
		c := b.Lo + rune(r.IntN(int(b.Hi-b.Lo+1)))
		if unicode.IsGraphic(c) && !unicode.IsSpace(c) && !unicode.IsLetter(c) && !unicode.IsNumber(c) && !unicode.IsMark(c) {
			return string(c)
		}
	}
}
