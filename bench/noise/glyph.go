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

// glyphBlocks spans symbol blocks and scripts foreign to the pages: the seeds
// show 🉐 𒀰 ꦐ ⛄ ꧃ 🌄 and 💮.
var glyphBlocks = []glyphBlock{
	{"emoticons", 0x1F600, 0x1F64F},
	{"misc symbols and pictographs", 0x1F300, 0x1F5FF},
	{"transport and map", 0x1F680, 0x1F6FF},
	{"supplemental symbols and pictographs", 0x1F900, 0x1F9FF},
	{"dingbats", 0x2700, 0x27BF},
	{"misc symbols", 0x2600, 0x26FF},
	{"cuneiform", 0x12000, 0x12399},
	{"javanese", 0xA980, 0xA9DF},
	{"cjk symbols and punctuation", 0x3001, 0x303F},
	{"enclosed cjk letters and months", 0x3200, 0x32FF},
	{"enclosed ideographic supplement", 0x1F200, 0x1F2FF},
	{"geometric shapes", 0x25A0, 0x25FF},
	{"arrows", 0x2190, 0x21FF},
	{"egyptian hieroglyphs", 0x13000, 0x1342F},
	{"linear b syllabary", 0x10000, 0x1007F},
	{"balinese", 0x1B05, 0x1B4B},
	{"mahjong and domino tiles", 0x1F000, 0x1F093},
	{"playing cards", 0x1F0A1, 0x1F0F5},
	{"runic", 0x16A0, 0x16F0},
	{"tifinagh", 0x2D30, 0x2D67},
	{"yi syllables", 0xA000, 0xA48C},
	{"misc technical", 0x2300, 0x23FF},
	{"ornamental dingbats", 0x1F650, 0x1F67F},
	{"chess symbols", 0x1FA00, 0x1FA53},
}

// glyph returns one random, assigned, visible code point from a random
// block, never a combining mark (which would merge into the next letter).
func glyph(r *rand.Rand) string {
	for {
		b := pick(r, glyphBlocks)
		c := b.lo + rune(r.IntN(int(b.hi-b.lo+1)))
		if unicode.IsGraphic(c) && !unicode.IsSpace(c) && !unicode.In(c, unicode.Mn, unicode.Mc, unicode.Me) {
			return string(c)
		}
	}
}
