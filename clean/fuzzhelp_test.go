package clean_test

import (
	"html"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/score"
	"github.com/winnowhq/winnow/internal/textnorm"
)

// checkWordsFromInput fails t when a word of out does not occur in the input.
// The input is decoded as Clean decodes it, character references resolved
// and NFC applied, once; a word not found whole must at least be a join of
// pieces in order (markup, dropped zero-width characters or a stripped glyph
// between them), which the subsequence check allows.
func checkWordsFromInput(t *testing.T, input []byte, html bool, out string) {
	t.Helper()
	decoded, err := clean.Decode(strings.NewReader(string(input)), "", 0)
	if err != nil {
		t.Fatalf("Clean succeeded but Decode failed: %v", err)
	}
	src := string(decoded)
	if html {
		src = unescape(src)
	}
	src = strings.ToLower(textnorm.NFC(src))
	have := map[string]bool{}
	for _, w := range score.Tokens(src) {
		have[w] = true
	}
	for _, w := range score.Tokens(strings.ToLower(out)) {
		if have[w] || strings.Contains(src, w) || subsequence(src, w) {
			continue
		}
		t.Fatalf("output word %q does not occur in the input", w)
	}
}

func unescape(s string) string { return html.UnescapeString(s) }

func subsequence(s, w string) bool {
	i := 0
	for _, r := range w {
		j := strings.IndexRune(s[i:], r)
		if j < 0 {
			return false
		}
		i += j + len(string(r))
	}
	return true
}
