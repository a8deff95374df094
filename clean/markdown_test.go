package clean_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/fixture"
	"github.com/winnowhq/winnow/internal/fixture/seeds"
)

// TestMarkdownGolden renders each testdata/markdown/<case>.html as Markdown
// with links and images, and as plain text, and compares them with
// <case>.md and <case>.txt (-update rewrites them).
func TestMarkdownGolden(t *testing.T) {
	inputs := seeds.Files(t, "testdata/markdown/*.html")
	if len(inputs) < 4 {
		t.Fatalf("found %d Markdown cases, want at least 4", len(inputs))
	}
	c := builtinCleaner(t)
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in.Path), ".html")
		t.Run(name, func(t *testing.T) {
			res, err := c.Clean(t.Context(), clean.Input{Source: in.Path, URL: "https://example.com/docs/page.html", Data: in.Data})
			if err != nil {
				t.Fatal(err)
			}
			for ext, got := range map[string]string{
				".md":  clean.Markdown(res, clean.MarkdownOptions{Links: true, Images: true}) + "\n",
				".txt": clean.PlainText(res) + "\n",
			} {
				path := strings.TrimSuffix(in.Path, ".html") + ext
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

// TestMarkdownRelativeLinksWithoutURL: a page cleaned without a URL keeps
// its relative links and images as they are. Readability resolved them
// against an empty base, which turns a document-relative "img/a.png" into
// the root-relative "/img/a.png", another file. With a URL they are made
// absolute.
func TestMarkdownRelativeLinksWithoutURL(t *testing.T) {
	page := `<html><body><article><h1>T</h1><p>A paragraph long enough to be the article body, with a <a href="rel/link.html">relative link</a> and more words to make it count as text.</p>
<p><img src="img/a.png" alt="An image"></p><p>Another paragraph with plenty of words so that the page has a body of some length.</p></article></body></html>`
	c := builtinCleaner(t)
	for _, tt := range []struct{ url, link, img string }{
		{"", "(rel/link.html)", "(img/a.png)"},
		{"https://example.com/docs/page.html", "(https://example.com/docs/rel/link.html)", "(https://example.com/docs/img/a.png)"},
	} {
		res, err := c.Clean(t.Context(), clean.Input{Source: "rel.html", URL: tt.url, Data: []byte(page)})
		if err != nil {
			t.Fatal(err)
		}
		md := clean.Markdown(res, clean.MarkdownOptions{Links: true, Images: true})
		if !strings.Contains(md, tt.link) || !strings.Contains(md, tt.img) {
			t.Errorf("URL %q: want %s and %s in\n%s", tt.url, tt.link, tt.img, md)
		}
	}
}
