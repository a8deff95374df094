package clean

import (
	"strings"

	"github.com/winnowhq/winnow/rules"
)

// PlainText renders a result as the text format of the command line: the
// title, a blank line, then Body.
func PlainText(r *Result) string {
	if r.Title == "" {
		return strings.TrimRight(r.Body, "\n")
	}
	return strings.TrimRight(r.Title+"\n\n"+r.Body, "\n")
}

// joinBlocks is the blocks' text separated by blank lines.
func joinBlocks(blocks []rules.Block) string {
	n := 0
	for _, bl := range blocks {
		n += len(bl.Text) + 2
	}
	var b strings.Builder
	b.Grow(n) // one allocation, not one per doubling
	for i, bl := range blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.Text)
	}
	return b.String()
}

// Markdown renders a result as Markdown: the title as a level-1 heading,
// headings, list items, quotes and preformatted blocks kept.
func Markdown(r *Result) string {
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
