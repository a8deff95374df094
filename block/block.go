// Package block is the text model winnow cleans: a page's text as blocks
// (paragraphs, headings, list items, quotes, captions, preformatted blocks,
// table rows, lines), rendered from HTML or split from plain text. The
// rule stage text reads and changes blocks; the output formats write them.
package block

// Kind is the structural role of a block.
type Kind string

// Block kinds.
const (
	KindParagraph Kind = "p"
	KindHeading   Kind = "h"
	KindListItem  Kind = "li"
	KindQuote     Kind = "quote"
	KindCaption   Kind = "caption"
	KindPre       Kind = "pre"
	KindRow       Kind = "row"  // a row of a data table; Text is its cells joined by " | "
	KindLine      Kind = "line" // a line of plain-text input
)

// Block is one unit of extracted text: a paragraph, heading, list item,
// table row or line.
type Block struct {
	Kind  Kind
	Level int // heading level 1-6, list depth
	Text  string
	// Break is true when a blank line separated this block from the previous one
	// in plain-text input.
	Break bool
	// Detail is the structure beyond the text that a Markdown rendering
	// keeps: nil for most blocks.
	Detail *Detail
}

// Detail is the structure of a block beyond its text. Rules read and change
// Text only; a renderer checks that Detail still fits it.
type Detail struct {
	// Number is an ordered list item's number (0 in a bullet list).
	Number int
	// Cells are a table row's cells, in order; a cell spanning n columns
	// is followed by n-1 empty ones.
	Cells []string
	// Header marks a table row of header cells.
	Header bool
	// Lang is the language of a preformatted block of code (class="language-go").
	Lang string
	// Links are the links in the text: the anchor text and its URL.
	Links []Link
	// Images are the images that stood before the text, or within it.
	Images []Link
	// Code are the inline code spans (<code>, <kbd>, <samp> outside <pre>)
	// in the text, in order.
	Code []string
}

// Link is a link or an image: its text (an image's alt text) and URL.
type Link struct{ Text, URL string }
