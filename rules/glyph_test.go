package rules

import (
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/glyph"
)

// glyphRules returns the built-in glyph.* rules alone.
func glyphRules(t testing.TB) *Set {
	t.Helper()
	all := builtin(t)
	var rs []*Rule
	for _, r := range all.Rules() {
		if strings.HasPrefix(r.ID, "glyph.") {
			rs = append(rs, r)
		}
	}
	if len(rs) < 3 {
		t.Fatalf("%d glyph rules, want the leading, trailing and sentence-join rules", len(rs))
	}
	s, err := NewSet(rs...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// latinContext makes the page Latin-script, as most pages that quote a word
// of another script are.
const latinContext = "The report was published on Tuesday by the regional office, which said the figures would be revised in the spring after a second survey of the households concerned."

// scriptWords holds real words of the major scripts (with their vowel signs
// and other combining marks) and words made of the first letters of every
// other script in the Unicode tables.
func scriptWords() map[string]string {
	words := map[string]string{
		"Cyrillic": "Москва", "Greek": "Αθήνα", "Han": "日本", "Hangul": "서울", "Hiragana": "ひらがな",
		"Katakana": "カタカナ", "Thai": "ภาษาไทย", "Arabic": "القاهرة", "Hebrew": "ירושלים",
		"Devanagari": "नमस्ते", "Bengali": "বাংলা", "Tamil": "தமிழ்", "Georgian": "თბილისი",
		"Armenian": "Երևան", "Ethiopic": "አዲስ", "Khmer": "ភ្នំពេញ", "Lao": "ລາວ", "Myanmar": "မြန်မာ",
		"Sinhala": "සිංහල", "Tibetan": "བོད", "Gujarati": "ગુજરાતી", "Gurmukhi": "ਪੰਜਾਬੀ",
		"Telugu": "తెలుగు", "Kannada": "ಕನ್ನಡ", "Malayalam": "മലയാളം", "Latin": "Đà Nẵng",
	}
	for name, table := range unicode.Scripts {
		if _, ok := words[name]; ok {
			continue
		}
		var w []rune
		for _, r16 := range table.R16 {
			for r := rune(r16.Lo); r <= rune(r16.Hi) && len(w) < 4; r += rune(r16.Stride) {
				if unicode.IsLetter(r) {
					w = append(w, r)
				}
			}
		}
		for _, r32 := range table.R32 {
			for r := rune(r32.Lo); r <= rune(r32.Hi) && len(w) < 4; r += rune(r32.Stride) {
				if unicode.IsLetter(r) {
					w = append(w, r)
				}
			}
		}
		if len(w) > 0 {
			words[name] = string(w)
		}
	}
	// One-letter words: a single ideograph or syllable is a word too.
	words["Han, one letter"] = "猫"
	words["Hangul, one letter"] = "물"
	return words
}

// TestGlyphRulesKeepLettersOfEveryScript: a word of any script, wherever it
// stands in a block and whatever glyphs stand next to it, is never removed
// by the glyph rules; only the glyphs go.
func TestGlyphRulesKeepLettersOfEveryScript(t *testing.T) {
	s := glyphRules(t)
	words := scriptWords()
	names := make([]string, 0, len(words))
	for n := range words {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) < 100 {
		t.Fatalf("%d scripts, want every script of the Unicode tables", len(names))
	}
	for _, name := range names {
		w := words[name]
		cases := []struct{ in, want string }{
			{w + " is a word of that script.", w + " is a word of that script."},
			{"The city is called " + w + " in that language.", "The city is called " + w + " in that language."},
			{"The word is " + w, "The word is " + w},
			{w, w},
			{"💮 " + w + " is a word.", w + " is a word."},
			{"The word is " + w + " ⛄", "The word is " + w},
			{"It ended there. " + w + " is next.", "It ended there. " + w + " is next."},
			{w + " " + w, w + " " + w},
		}
		for _, c := range cases {
			for _, ctx := range []string{latinContext, strings.Repeat(w+" ", 30)} {
				blocks := []block.Block{{Kind: block.KindParagraph, Text: ctx}, {Kind: block.KindParagraph, Text: c.in}}
				out := s.ApplyText(blocks, Page{}, nil)
				got := ""
				if len(out) == 2 {
					got = out[1].Text
				}
				if got != c.want {
					t.Errorf("%s: %q on a page in %.12q… = %q, want %q", name, c.in, ctx, got, c.want)
				}
			}
		}
	}
}

// textRunes returns the letters, digits, letter numbers and combining marks
// of the blocks, in order: what glyph stripping must never change.
func textRunes(bs []block.Block) string {
	var b strings.Builder
	for _, bl := range bs {
		for _, r := range bl.Text {
			if glyph.IsText(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// FuzzGlyphRulesKeepLetters: whatever the text and the page, the glyph
// rules never remove a letter, digit or mark of any script.
func FuzzGlyphRulesKeepLetters(f *testing.F) {
	for _, w := range scriptWords() {
		f.Add("💮 "+w+" is here ⛄", latinContext)
		f.Add(w+" ✍ "+w, w+" "+w+" "+w)
	}
	f.Add("It was unscheduled.🙉 𒄖 Now consider ᛫ Later.", "")
	f.Add("ꦐ Deputy PM attends 𒀰", latinContext)
	s := glyphRules(f)
	f.Fuzz(func(t *testing.T, text, page string) {
		blocks := append([]block.Block{{Kind: block.KindParagraph, Text: page}}, block.FromText(text)...)
		in := textRunes(blocks)
		out := textRunes(s.ApplyText(blocks, Page{}, nil))
		if in != out {
			t.Fatalf("glyph rules changed the letters of %q (page %q):\n in %q\nout %q", text, page, in, out)
		}
	})
}
