// Command trafilatura is the benchmark child for
// github.com/markusmobius/go-trafilatura; -fallback turns on its fallback
// extractors (readability and dom-distiller), as the benchmark's own runner does.
package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/winnowhq/winnow/bench/internal/child"
)

func main() {
	// The flag is taken before child.Main sees the arguments.
	fallback := false
	args := os.Args[:1]
	for _, a := range os.Args[1:] {
		if a == "-fallback" {
			fallback = true
			continue
		}
		args = append(args, a)
	}
	os.Args = args
	name := "trafilatura"
	if fallback {
		name = "trafilatura-fallback"
	}
	os.Exit(child.Main(name, child.TextOnly(func(ctx context.Context, page []byte, pageURL string) (string, error) {
		return extract(ctx, page, pageURL, fallback)
	})))
}

func extract(_ context.Context, page []byte, pageURL string, fallback bool) (string, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return "", fmt.Errorf("parse: %w", err)
	}
	opts := trafilatura.Options{EnableFallback: fallback}
	if u, err := url.ParseRequestURI(pageURL); err == nil {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return "", fmt.Errorf("trafilatura: %w", err)
	}
	return res.ContentText, nil
}
