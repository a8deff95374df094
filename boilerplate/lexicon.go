package boilerplate

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

// lexiconText is the vocabulary of page furniture, kept as data.
//
//go:embed lexicon.txt
var lexiconText string

// lexicon maps a category to its phrases, lower case.
var lexicon = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for line := range strings.Lines(lexiconText) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cat, phrase, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		m[cat] = append(m[cat], strings.ToLower(strings.TrimSpace(phrase)))
	}
	return m
})

// trimMarks trims white space, punctuation and symbols from both ends.
func trimMarks(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) })
}

// matches reports whether text, a heading or label, is a phrase of the
// category, alone, followed by more words after a separator ("Read more:
// ...", "Xem thêm >>"), or a phrase of two words or more followed by one or
// two words ("More in this category").
func matches(text, category string) bool {
	t := strings.ToLower(trimMarks(text))
	if t == "" {
		return false
	}
	for _, p := range lexicon()[category] {
		if t == p {
			return true
		}
		if rest, ok := strings.CutPrefix(t, p); ok && strings.Contains(p, " ") && rest != "" && rest[0] == ' ' && len(strings.Fields(rest)) <= 2 {
			return true // "more in this category", "most read today"
		}
		if rest, ok := strings.CutPrefix(t, p); ok {
			// A separator must follow: "read more: …", not "related parties".
			if r := []rune(strings.TrimSpace(rest)); len(r) > 0 && (unicode.IsPunct(r[0]) || unicode.IsSymbol(r[0])) && rest != strings.TrimLeft(rest, " \t:：»›>|→-–—") {
				return true
			}
		}
	}
	return false
}

// hasWord reports whether text holds a phrase of the category, starting at
// a word boundary.
func hasWord(text, category string) bool {
	t := strings.ToLower(text)
	for _, p := range lexicon()[category] {
		for i := 0; ; {
			j := strings.Index(t[i:], p)
			if j < 0 {
				break
			}
			j += i
			if j == 0 || !isWordByte(t[j-1]) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

// isWordByte reports whether c is an ASCII letter or digit: a phrase that
// follows one is inside a word. Scripts written without spaces have no
// boundary to check.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
}
