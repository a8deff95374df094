// Command winnow is the benchmark child for winnow's clean library with the
// built-in rule set. It returns Result.Body, the text without the title, as
// every system is scored without one.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/winnowhq/winnow/clean"

	"github.com/winnowhq/winnow/bench/internal/child"
)

func main() {
	c, err := clean.New(clean.Options{}) // the built-in rules
	if err != nil {
		fmt.Fprintf(os.Stderr, "winnow: %v\n", err)
		os.Exit(1)
	}
	os.Exit(child.Main("winnow", func(ctx context.Context, page []byte, pageURL string) (child.Output, error) {
		// The page is already UTF-8: the content type says so, so that a
		// stale <meta charset> cannot make winnow decode it twice.
		res, err := c.Clean(ctx, clean.Input{
			Source:      pageURL,
			URL:         pageURL,
			ContentType: "text/html; charset=utf-8",
			Kind:        clean.InputHTML,
			Data:        page,
		})
		if err != nil {
			return child.Output{}, err
		}
		return child.Output{Text: res.Body, Type: res.PageType}, nil
	}))
}
