package clean

import (
	"fmt"

	"github.com/winnowhq/winnow/rules"
)

// Result is the outcome of cleaning one page.
type Result struct {
	// Source names the input as the user gave it (URL, file path or "-").
	Source string `json:"source"`
	// URL is the page URL when known (fetched URL, source.url, or <link rel=canonical>).
	URL string `json:"url,omitempty"`
	// Title is the page title, empty for plain-text input.
	Title string `json:"title"`
	// Body is the clean text without the title: the blocks separated by
	// blank lines, UTF-8, NFC.
	Body string `json:"text"`
	// Lang is the page language when declared.
	Lang string `json:"lang,omitempty"`
	// Blocks is Body as structured blocks (headings, paragraphs, list items...).
	Blocks []rules.Block `json:"-"`
	// Removed counts, per rule id, the blocks removed or changed.
	Removed map[string]int `json:"removed"`
	// Trace lists every removal or change, when Options.Trace is set.
	Trace []rules.Hit `json:"trace,omitempty"`
}

// PageError is the error returned when one page cannot be cleaned. It names the
// source and the operation that failed.
type PageError struct {
	Source string
	Op     string // "read", "decode", "parse", "clean"
	Err    error
}

func (e *PageError) Error() string { return fmt.Sprintf("%s: %s: %v", e.Source, e.Op, e.Err) }

// Unwrap returns the underlying error.
func (e *PageError) Unwrap() error { return e.Err }
