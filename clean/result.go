package clean

import (
	"fmt"

	"github.com/winnowhq/winnow/rules"
)

// Kind is the structural role of a block of clean text.
type Kind = rules.Kind

// Result is the outcome of cleaning one page.
type Result struct {
	// Source names the input as the user gave it (URL, file path or "-").
	Source string `json:"source"`
	// URL is the page URL when known (fetched URL, source.url, or <link rel=canonical>).
	URL string `json:"url,omitempty"`
	// Title is the page title, empty for plain-text input.
	Title string `json:"title"`
	// Text is the clean text: paragraphs separated by blank lines, UTF-8, NFC.
	Text string `json:"text"`
	// Lang is the page language when declared.
	Lang string `json:"lang,omitempty"`
	// PageType is what kind of page it is (package pagetype: article,
	// forum, product, collection, listing, documentation, service); empty
	// for plain-text input.
	PageType string `json:"page_type,omitempty"`
	// Blocks is the clean text as structured blocks (headings, paragraphs, list items...).
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
