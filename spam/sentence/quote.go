package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// closing maps the quotation marks that open a quotation to the one that
// closes it: straight and curly double quotes, low-9 (de, cs, pl, ro),
// guillemets both ways (fr, ru, pt; da, de), corner brackets (zh, ja).
// Single quotes are left out: the apostrophe is the same character.
var closing = map[rune]rune{
	'"': '"', '“': '”', '”': '”', '„': '“', '«': '»', '»': '«', '「': '」', '『': '』',
}

// Quote is one quotation in a text: the byte range [From, To) from its
// opening mark to past its closing mark.
type Quote struct{ From, To int }

// Quotes returns the quotations of text: each opening mark paired with
// the next closing mark of its kind; a mark left open ends nothing.
func Quotes(text string) []Quote {
	var out []Quote
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		c, ok := closing[r]
		if !ok {
			i += n
			continue
		}
		j := strings.IndexRune(text[i+n:], c)
		if j < 0 {
			i += n
			continue
		}
		end := i + n + j + utf8.RuneLen(c)
		out = append(out, Quote{i, end})
		i = end
	}
	return out
}

// Reported reports a quotation q of text written as reported speech: a
// clause of the text's own introduces it (a colon or a comma right before
// its opening mark, after a word: `the message read: "…"`, `berbunyi,
// "…"`) or follows it (a comma at its end, inside or just outside the
// closing mark, then a word: `"…," police said`).
func Reported(text string, q Quote) bool {
	before := strings.TrimRightFunc(text[:q.From], unicode.IsSpace)
	if r, n := utf8.DecodeLastRuneInString(before); r == ':' || r == ',' || r == '：' || r == '，' {
		if w, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(before[:len(before)-n], unicode.IsSpace)); unicode.IsLetter(w) || unicode.IsDigit(w) {
			return true
		}
	}
	_, cn := utf8.DecodeLastRuneInString(text[:q.To])
	inner := strings.TrimRightFunc(text[q.From:q.To-cn], unicode.IsSpace)
	after := text[q.To:]
	comma := strings.HasSuffix(inner, ",") || strings.HasSuffix(inner, "，")
	if !comma {
		if rest, ok := strings.CutPrefix(after, ","); ok {
			after, comma = rest, true
		}
	}
	if !comma {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(after, unicode.IsSpace))
	return unicode.IsLetter(r)
}

// Unquoted returns text with its quotations taken out, each replaced by
// a space.
func Unquoted(text string, qs []Quote) string {
	var b strings.Builder
	last := 0
	for _, q := range qs {
		b.WriteString(text[last:q.From])
		b.WriteByte(' ')
		last = q.To
	}
	b.WriteString(text[last:])
	return b.String()
}

// Whole reports text that is one quotation from end to end (spaces
// aside): a quoted message set apart as a paragraph of its own.
func Whole(text string) bool {
	text = strings.TrimSpace(text)
	qs := Quotes(text)
	return len(qs) == 1 && qs[0].From == 0 && qs[0].To == len(text)
}
