package clean

// This is the only file that imports the readability library, so that it can
// be swapped for another extractor.

import (
	"io"
	"log/slog"
	"net/url"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// article is what the readability pass yields.
type article struct {
	Title string
	Lang  string
	Node  *html.Node // the article content; nil when none was found
}

// discardLogger is shared; slog loggers are safe for concurrent use.
var discardLogger = slog.New(slog.NewTextHandler(io.Discard, nil))

// extract runs the readability pass on doc, which it mutates. A new Parser per
// call: the library's Parser keeps per-document state.
func extract(doc *html.Node, pageURL *url.URL, maxNodes int) (article, error) {
	p := readability.NewParser()
	p.Logger = discardLogger
	p.MaxElemsToParse = maxNodes
	p.KeepClasses = true // article-stage rules match on class names
	a, err := p.ParseAndMutate(doc, pageURL)
	if err != nil {
		return article{}, err
	}
	return article{Title: a.Title(), Lang: a.Language(), Node: a.Node}, nil
}
