package clean

import (
	"strings"

	"github.com/winnowhq/winnow/rules"
)

// Text renders a result as plain text: the title, a blank line, then the
// blocks separated by blank lines.
func Text(r *Result) string {
	var b strings.Builder
	n := len(r.Title) + 2
	for _, bl := range r.Blocks {
		n += len(bl.Text) + 2
	}
	b.Grow(n) // one allocation, not one per doubling
	if r.Title != "" {
		b.WriteString(r.Title)
		b.WriteString("\n\n")
	}
	for i, bl := range r.Blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.Text)
	}
	return strings.TrimRight(b.String(), "\n")
}

// Body renders only the blocks, without the title.
func Body(r *Result) string {
	parts := make([]string, len(r.Blocks))
	for i, bl := range r.Blocks {
		parts[i] = bl.Text
	}
	return strings.Join(parts, "\n\n")
}

// MarkdownOptions says what Markdown renders besides the text.
type MarkdownOptions struct {
	// Links renders links as [text](url).
	Links bool
	// Images renders images as ![alt](src).
	Images bool
}

// Markdown renders a result as Markdown: the title as a level-1 heading,
// headings, list items, quotes and preformatted blocks kept.
func Markdown(r *Result, opts MarkdownOptions) string {
	var b strings.Builder
	if r.Title != "" {
		b.WriteString("# ")
		b.WriteString(r.Title)
		b.WriteString("\n\n")
	}
	prevList := false
	for i, bl := range r.Blocks {
		isList := bl.Kind == rules.KindListItem
		if i > 0 {
			if isList && prevList {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		prevList = isList
		switch bl.Kind {
		case rules.KindHeading:
			level := max(bl.Level, 2)
			b.WriteString(strings.Repeat("#", min(level, 6)))
			b.WriteString(" ")
			b.WriteString(bl.Text)
		case rules.KindListItem:
			b.WriteString(strings.Repeat("  ", max(bl.Level-1, 0)))
			b.WriteString("- ")
			b.WriteString(bl.Text)
		case rules.KindQuote:
			b.WriteString("> ")
			b.WriteString(bl.Text)
		case rules.KindPre:
			b.WriteString("```\n")
			b.WriteString(bl.Text)
			b.WriteString("\n```")
		case rules.KindCaption:
			b.WriteString("*")
			b.WriteString(bl.Text)
			b.WriteString("*")
		default:
			b.WriteString(escapeMarkdown(bl.Text))
		}
	}
	return b.String()
}

// escapeMarkdown keeps a paragraph from turning into a heading, list or quote.
func escapeMarkdown(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '-', '+', '*':
		return `\` + s
	}
	return s
}
