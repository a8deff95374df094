package clean

import (
	"fmt"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/metadata"
	"github.com/winnowhq/winnow/rules"
	"github.com/winnowhq/winnow/spam"
)

// Result is the outcome of cleaning one page.
type Result struct {
	// Source names the input as the user gave it (URL, file path or "-").
	Source string `json:"source"`
	// URL is the page URL when known (fetched URL, source.url, or <link rel=canonical>).
	URL string `json:"url,omitempty"`
	// Title is the page title with the site name split off, empty for
	// plain-text input.
	Title string `json:"title"`
	// Body is the clean text without the title: the blocks separated by
	// blank lines (the items of one list and the rows of one table on
	// consecutive lines), UTF-8, NFC.
	Body string `json:"text"`
	// PageType is what kind of page it is (package pagetype: article,
	// forum, product, collection, listing, documentation, service); empty
	// for plain-text input.
	PageType string `json:"page_type,omitempty"`
	// Metadata is what the page says about itself (authors, dates, site
	// name...) and what was measured on its text (language, content hash).
	// Its fields are flat in JSON, beside title and text.
	metadata.Metadata
	// Blocks is Body as structured blocks (headings, paragraphs, list items...).
	Blocks []block.Block `json:"-"`
	// Removed counts, per rule id, the blocks removed or changed.
	Removed map[string]int `json:"removed"`
	// Trace lists every removal or change, when Options.Trace is set.
	Trace []rules.Hit `json:"trace,omitempty"`
	// Verdict is the whole-page spam verdict (json: spam, spam_score): a
	// parasite landing page on a hacked site. The text is cleaned all the
	// same; callers decide whether to output it.
	spam.Verdict
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
