package clean_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/fixture/seeds"
)

// FuzzCleanHTML checks, for any input: no panic escapes, the output is valid
// UTF-8, every output word occurs in the input, and cleaning the output again
// changes nothing.
func FuzzCleanHTML(f *testing.F) {
	for _, s := range seeds.Files(f, "../fixtures/*/input.*") {
		f.Add(s.Data)
	}
	f.Add([]byte("<p>tk88 bet</p><p>💮 Real text here.</p>"))
	f.Add([]byte("<div style='display:none'>x</div><table><tr><td>cell</td></tr></table>"))
	c := builtinCleaner(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := c.Clean(context.Background(), clean.Input{Source: "fuzz", Body: strings.NewReader(string(data))})
		checkClean(t, c, data, true, res, err)
	})
}

// FuzzCleanText is FuzzCleanHTML for plain-text input.
func FuzzCleanText(f *testing.F) {
	for _, s := range seeds.Files(f, "../fixtures/*/input.txt") {
		if len(s.Data) < 2048 {
			f.Add(string(s.Data))
		}
	}
	f.Add("See more\n🉐 x\n{tk88 bet}|{tk88 bet}|")
	c := builtinCleaner(f)
	f.Fuzz(func(t *testing.T, data string) {
		res, err := c.Clean(context.Background(), clean.Input{Source: "fuzz", Kind: clean.InputText, Body: strings.NewReader(data)})
		checkClean(t, c, []byte(data), false, res, err)
	})
}

func checkClean(t *testing.T, c *clean.Cleaner, data []byte, html bool, res *clean.Result, err error) {
	t.Helper()
	if err != nil {
		if strings.Contains(err.Error(), "internal error") {
			t.Fatalf("panic inside the pipeline: %v", err)
		}
		return
	}
	if !utf8.ValidString(clean.PlainText(res)) {
		t.Fatalf("output is not valid UTF-8: %q", clean.PlainText(res))
	}
	checkWordsFromInput(t, data, html, clean.PlainText(res))
	body := res.Body
	if body == "" {
		return
	}
	// The rules are scoped by page type: the text is cleaned again as a
	// page of the same type.
	again, err := c.Clean(context.Background(), clean.Input{Source: "again", Kind: clean.InputText, PageType: res.PageType, Body: strings.NewReader(body)})
	if err != nil {
		t.Fatalf("cleaning the output again failed: %v", err)
	}
	// Plain text cannot say that lines are the items of one list: cleaned
	// as text, list items and table rows come back as paragraphs. Their
	// lines must not change.
	if got := again.Body; textLines(got) != textLines(body) {
		t.Fatalf("cleaning twice changes the text:\nonce:  %q\ntwice: %q", body, got)
	}
}

// textLines is s with its blank lines removed: the lines of text without
// the paragraph structure.
func textLines(s string) string { return strings.ReplaceAll(s, "\n\n", "\n") }
