// Package stranger tells a piece of text that is a stranger to its page,
// whatever language either is written in: a sentence, line or anchor whose
// words the page uses nowhere else (another language than the page's), or
// written in another script, that carries what injected spam carries and
// prose seldom does (a payload: a code mixing letters and digits, a
// messenger handle, a phone number, a domain, a word mixing scripts). None
// of it reads a lexicon: it is how spam in a language no lexicon knows
// still shows.
package stranger

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Payload returns the first token of text shaped like what injected spam
// carries ("" when none): a handle (@name), a code mixing letters and
// digits (tk88, 2mg), a phone number (seven digits in a token, nine in
// groups), a domain or link (name.tld, t.me/x), a word mixing two scripts
// (a Latin word with Cyrillic look-alikes), a ticker ($NAME).
func Payload(text string) string {
	if !mayCarry(text) {
		return ""
	}
	return firstPayload(text)
}

// firstPayload is Payload without mayCarry's screen.
func firstPayload(text string) string {
	if p := phone(text); p != "" {
		return p
	}
	for f := range strings.FieldsSeq(text) {
		if !mayCarry(f) { // a plain word: the screen holds for one token as for a text
			continue
		}
		t := strings.TrimFunc(f, trimmed)
		if t == "" {
			continue
		}
		if payload(t) {
			return t
		}
		if c := latinCode(t); c != "" {
			return c
		}
	}
	return ""
}

// latinCode returns the run of ASCII letters and digits in a token of
// another script that mixes both ("ከ789club" -> "789club"), or "": a code
// written into text of a script with no spaces before it. Digits beside
// a letter of that script are a count (10대), not a code.
func latinCode(t string) string {
	start := -1
	for i := 0; i <= len(t); i++ {
		if i < len(t) && (t[i] >= 'a' && t[i] <= 'z' || t[i] >= 'A' && t[i] <= 'Z' || t[i] >= '0' && t[i] <= '9') {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && (start > 0 || i < len(t)) && payload(t[start:i]) {
			return t[start:i]
		}
		start = -1
	}
	return ""
}

// mayCarry reports text that may hold a payload, by what every payload
// holds (a digit, '@', '$', '+', ':', a dot before a lower-case letter, or
// letters of two scripts in one token): most paragraphs hold none, and
// this scan costs a fraction of reading their tokens.
func mayCarry(text string) bool {
	var first *unicode.RangeTable // the current token's first cased script
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= '0' && c <= '9', c == '@', c == '$', c == '+', c == ':':
				return true
			case c == '.' && i+1 < len(text) && text[i+1] >= 'a' && text[i+1] <= 'z':
				return true
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				if first == nil {
					first = unicode.Latin
				} else if first != unicode.Latin {
					return true
				}
			case c == ' ' || c >= '\t' && c <= '\r':
				first = nil
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unicode.IsDigit(r):
			return true
		case unicode.IsSpace(r):
			first = nil
		case unicode.IsLetter(r):
			if s := scriptOf(r); s != nil {
				if first == nil {
					first = s
				} else if s != first {
					return true
				}
			}
		}
	}
	return false
}

// trimmed is the punctuation around a token.
func trimmed(r rune) bool {
	return unicode.IsPunct(r) && r != '@' && r != '+' && r != '$' && r != '#' || unicode.IsSpace(r)
}

func payload(t string) bool {
	switch t[0] {
	case '@', '$':
		return len(t) > 2 && startsLetter(t[1:]) // not a price: $10
	case '+':
		return digits(t) >= 7
	}
	if digits(t) >= 7 && !date(t) {
		return true
	}
	if strings.Contains(t, "://") || domain(t) {
		return true
	}
	letters, nums := 0, 0
	var first *unicode.RangeTable
	mixed := false
	for _, r := range t {
		switch {
		case unicode.IsDigit(r):
			nums++
		case unicode.IsLetter(r):
			s := scriptOf(r)
			if s == nil {
				return false // Han, Hangul, Indic...: digits with a counter or a unit (10대, 2천여)
			}
			letters++
			if first == nil {
				first = s
			} else if s != first {
				mixed = true
			}
		}
	}
	return letters > 0 && nums > 0 || mixed
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

func digits(t string) int {
	n := 0
	for _, r := range t {
		if r >= '0' && r <= '9' {
			n++
		} else if !strings.ContainsRune("+-() .", r) {
			return 0
		}
	}
	return n
}

// minPhoneDigits is how many digits a phone number written in groups
// ("+44 7700 900123") has.
const minPhoneDigits = 9

// phone returns the first run of digit groups of text (digits, spaces,
// "-", "(", ")") that starts with "+" or "(" and holds minPhoneDigits
// digits or more: grouped figures without them are counts ("2019 100
// 000").
func phone(text string) string {
	start, n := -1, 0
	for i, r := range text {
		if start >= 0 && (r >= '0' && r <= '9' || strings.ContainsRune("-() ", r)) || start < 0 && (r == '+' || r == '(') {
			if start < 0 {
				start = i
			}
			if r >= '0' && r <= '9' {
				n++
			}
			continue
		}
		if n >= minPhoneDigits {
			return strings.TrimSpace(text[start:i])
		}
		start, n = -1, 0
	}
	if n >= minPhoneDigits { // a run that ends the text
		return strings.TrimSpace(text[start:])
	}
	return ""
}

// date reports a date written 2025-07-09 or 09-07-2025.
func date(t string) bool {
	return len(t) == 10 && (t[4] == '-' && t[7] == '-' || t[2] == '-' && t[5] == '-')
}

// domain reports name.tld: letters on both sides of a dot, the last label
// two to ten ASCII letters (not an abbreviation's "e.g").
func domain(t string) bool {
	t, _, _ = strings.Cut(t, "/")
	i := strings.LastIndexByte(t, '.')
	if i <= 0 || len(t)-i-1 < 2 || len(t)-i-1 > 10 {
		return false
	}
	for _, r := range t[i+1:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	head := t[:i]
	if j := strings.LastIndexByte(head, '.'); j >= 0 {
		head = head[j+1:]
	}
	return len(head) >= 2
}

// cased are the scripts a look-alike spelling mixes.
var cased = []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Armenian}

func scriptOf(r rune) *unicode.RangeTable {
	for _, s := range cased {
		if unicode.Is(s, r) {
			return s
		}
	}
	return nil
}

// Vocab counts the words of a page's text (lower-cased letter runs of two
// letters or more), to tell the words a piece shares with the rest of it.
type Vocab map[string]int

// NewVocab counts the words of text.
func NewVocab(text string) Vocab { return newVocab(strings.ToLower(text)) }

// newVocab is NewVocab of text already lower-cased (strings.ToLower is
// idempotent: lower-casing it again would change nothing).
func newVocab(lower string) Vocab {
	v := make(Vocab, len(lower)/16)
	for w := range lowerWords(lower) {
		v[w]++
	}
	return v
}

// words yields the lower-cased letter runs of s of two letters or more
// (digits end a word: a code is a payload, not a word).
func words(s string) func(func(string) bool) { return lowerWords(strings.ToLower(s)) }

// lowerWords is words of s already lower-cased. ASCII is read a byte at a
// time: it is most of most pages' text, and the vocabulary of a page is
// counted over all of it.
func lowerWords(s string) func(func(string) bool) {
	return func(yield func(string) bool) {
		start, runes := -1, 0 // the current word's first byte (-1 between words) and its letters
		for i := 0; i < len(s); {
			c, size, letter := s[i], 1, false
			if c < utf8.RuneSelf {
				letter = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
			} else {
				var r rune
				r, size = utf8.DecodeRuneInString(s[i:])
				letter = unicode.IsLetter(r) || unicode.IsMark(r)
			}
			if letter {
				if start < 0 {
					start, runes = i, 0
				}
				runes++
				i += size
				continue
			}
			if start >= 0 && runes >= 2 && !yield(s[start:i]) {
				return
			}
			start = -1
			i += size
		}
		if start >= 0 && runes >= 2 {
			yield(s[start:])
		}
	}
}

// Plain returns text without its payload tokens (Payload), whose letters
// are a code's or a host's, not words of a language.
func Plain(text string) string {
	var b strings.Builder
	for f := range strings.FieldsSeq(text) {
		if t := strings.TrimFunc(f, trimmed); t != "" && payload(t) {
			continue
		}
		b.WriteString(f)
		b.WriteByte(' ')
	}
	return b.String()
}

// Prose reports a piece whose words (Plain's, in a cased script) are not
// mostly capitalised: a sentence, not a list of names or a title.
func Prose(piece string) bool {
	n, capital := 0, 0
	for _, f := range strings.FieldsFunc(Plain(piece), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }) {
		r, _ := utf8.DecodeRuneInString(f)
		if scriptOf(r) == nil {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			capital++
		}
	}
	return 2*capital <= n
}

// Known returns how many of piece's words (as NewVocab counts them) the
// page (v, which counted piece too) uses outside it, and how many words
// piece has.
//
// The words are counted by sorting them, in a buffer on the stack for a
// sentence's worth, not in a map per call: the sums do not depend on the
// order the distinct words come in.
func (v Vocab) Known(piece string) (known, total int) {
	var buf [64]string
	ws := buf[:0]
	for w := range words(piece) {
		ws = append(ws, w)
	}
	slices.Sort(ws)
	for i := 0; i < len(ws); {
		j := i + 1
		for j < len(ws) && ws[j] == ws[i] {
			j++
		}
		k := j - i // how often piece uses ws[i]
		total += k
		if v[ws[i]] > k {
			known += k
		}
		i = j
	}
	return known, total
}

// MinWords is how many words a piece needs for Strange to judge it by
// the words it shares with its page.
const MinWords = 3

// maxKnownShare is the share of a stranger's words the rest of its page
// may use: a sentence in the page's language shares its function words
// with every other paragraph, one in another language hardly any.
const maxKnownShare = 0.2

// Strange reports a piece of MinWords words or more (its payload aside)
// whose words the page uses nowhere else, but a fifth at most.
func (v Vocab) Strange(piece string) bool {
	known, total := v.Known(Plain(piece))
	return total >= MinWords && float64(known) <= maxKnownShare*float64(total)
}

// minFamiliarShare is the share of its words a real paragraph shares with
// the rest of its page.
const minFamiliarShare = 0.25

// Familiar reports a piece of MinWords words or more that shares a
// quarter of its words or more with the rest of the page: prose in the
// page's language (its function words recur, its names need not).
func (v Vocab) Familiar(piece string) bool {
	known, total := v.Known(piece)
	return total >= MinWords && float64(known) >= minFamiliarShare*float64(total)
}
