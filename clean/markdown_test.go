package clean_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/fixture"
)

// TestMarkdownGolden renders each testdata/markdown/<case>.html as Markdown
// with links and images, and as plain text, and compares them with
// <case>.md and <case>.txt (-update rewrites them).
func TestMarkdownGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/markdown/*.html")
	if err != nil || len(inputs) < 4 {
		t.Fatalf("found %d Markdown cases (%v), want at least 4", len(inputs), err)
	}
	c := builtinCleaner(t)
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".html")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			res, err := c.Clean(t.Context(), clean.Input{Source: in, URL: "https://example.com/docs/page.html", Data: data})
			if err != nil {
				t.Fatal(err)
			}
			for ext, got := range map[string]string{
				".md":  clean.Markdown(res, clean.MarkdownOptions{Links: true, Images: true}) + "\n",
				".txt": clean.PlainText(res) + "\n",
			} {
				path := strings.TrimSuffix(in, ".html") + ext
				if *update {
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if d := fixture.Diff(path, "got", string(want), got); d != "" {
					t.Errorf("%s differs (go test ./clean -run MarkdownGolden -update to accept):\n%s", path, d)
				}
			}
		})
	}
}

// TestMarkdownWithoutLinks checks that links and images stay out unless asked.
func TestMarkdownWithoutLinks(t *testing.T) {
	c := builtinCleaner(t)
	data, err := os.ReadFile("testdata/markdown/code-quote-links.html")
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Clean(t.Context(), clean.Input{Source: "t", Data: data})
	if err != nil {
		t.Fatal(err)
	}
	md := clean.Markdown(res, clean.MarkdownOptions{})
	if strings.Contains(md, "](") {
		t.Errorf("Markdown without Links or Images has a link or image:\n%s", md)
	}
	if !strings.Contains(md, "```go\n") {
		t.Errorf("code block lost its language:\n%s", md)
	}
}
