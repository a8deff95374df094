// Command readability is the benchmark child for the readability library on
// its own: codeberg.org/readeck/go-readability/v2, text rendered by its
// Article.RenderText (the inner text of Article.Node).
package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/winnowhq/winnow/bench/internal/child"
)

func main() { os.Exit(child.Main("readability", child.TextOnly(extract))) }

func extract(_ context.Context, page []byte, pageURL string) (string, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return "", fmt.Errorf("parse: %w", err)
	}
	u, _ := url.Parse(pageURL) // a nil URL is allowed: links stay relative
	p := readability.NewParser()
	art, err := p.ParseAndMutate(doc, u)
	if err != nil {
		return "", fmt.Errorf("readability: %w", err)
	}
	if art.Node == nil {
		return "", nil
	}
	var b strings.Builder
	if err := art.RenderText(&b); err != nil {
		return "", fmt.Errorf("render text: %w", err)
	}
	return b.String(), nil
}
