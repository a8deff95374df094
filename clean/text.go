package clean

import (
	"strconv"
	"strings"

	"github.com/winnowhq/winnow/block"
)

// PlainText renders a result as the text format of the command line: the
// title, a blank line, then Body.
func PlainText(r *Result) string {
	if r.Title == "" {
		return strings.TrimRight(r.Body, "\n")
	}
	return strings.TrimRight(r.Title+"\n\n"+r.Body, "\n")
}

// joinBlocks renders the blocks as plain text: blank lines between blocks,
// except that the items of one list and the rows of one table are on
// consecutive lines (a row's cells separated by " | ").
func joinBlocks(blocks []block.Block) string {
	n := 0
	for _, bl := range blocks {
		n += len(bl.Text) + 2
	}
	var b strings.Builder
	b.Grow(n) // one allocation, not one per doubling
	writeBlocks(&b, blocks)
	return b.String()
}

func writeBlocks(b *strings.Builder, blocks []block.Block) {
	for i, bl := range blocks {
		if i > 0 {
			b.WriteString(separator(blocks[i-1], bl))
		}
		b.WriteString(bl.Text)
	}
}

// separator is what stands between two blocks: a line break inside a list
// or a table, a blank line elsewhere.
func separator(prev, next block.Block) string {
	if prev.Kind == next.Kind && (next.Kind == block.KindListItem || next.Kind == block.KindRow) {
		return "\n"
	}
	return "\n\n"
}

// MarkdownOptions says what Markdown renders besides the text.
type MarkdownOptions struct {
	// Links renders links as [text](url).
	Links bool
	// Images renders images as ![alt](src).
	Images bool
}

// Markdown renders a result as Markdown: the title as a level-1 heading;
// headings; nested lists, ordered ones with their numbers; tables; quotes;
// code blocks with their language; and, as opts asks, links and images.
func Markdown(r *Result, opts MarkdownOptions) string {
	var b strings.Builder
	if r.Title != "" {
		b.WriteString("# ")
		b.WriteString(escapeMarkdown(r.Title))
		b.WriteString("\n\n")
	}
	blocks := r.Blocks
	for i := 0; i < len(blocks); i++ {
		bl := blocks[i]
		switch {
		case i > 0 && blocks[i-1].Kind == block.KindQuote && bl.Kind == block.KindQuote:
			// The paragraphs of one quote (blocks do not tell two adjacent
			// quotes from one of two paragraphs; the latter is the common case).
			b.WriteString("\n>\n")
		case i > 0:
			b.WriteString(separator(blocks[i-1], bl))
		}
		if opts.Images && bl.Detail != nil {
			for _, im := range bl.Detail.Images {
				b.WriteString("![")
				b.WriteString(escapeInline(im.Text))
				b.WriteString("](")
				b.WriteString(linkURL(im.URL))
				b.WriteString(")\n\n")
			}
		}
		switch bl.Kind {
		case block.KindHeading:
			level := max(bl.Level, 2)
			b.WriteString(strings.Repeat("#", min(level, 6)))
			b.WriteString(" ")
			b.WriteString(inline(bl, opts))
		case block.KindListItem:
			b.WriteString(strings.Repeat("    ", max(bl.Level-1, 0)))
			if bl.Detail != nil && bl.Detail.Number != 0 {
				b.WriteString(strconv.Itoa(bl.Detail.Number))
				b.WriteString(". ")
			} else {
				b.WriteString("- ")
			}
			b.WriteString(inline(bl, opts))
		case block.KindQuote:
			b.WriteString("> ")
			b.WriteString(inline(bl, opts))
		case block.KindPre:
			fence := "```"
			for strings.Contains(bl.Text, fence) {
				fence += "`"
			}
			b.WriteString(fence)
			if bl.Detail != nil {
				b.WriteString(bl.Detail.Lang)
			}
			b.WriteString("\n")
			b.WriteString(bl.Text)
			b.WriteString("\n")
			b.WriteString(fence)
		case block.KindCaption:
			b.WriteString("*")
			b.WriteString(inline(bl, opts))
			b.WriteString("*")
		case block.KindRow:
			j := i + 1
			for j < len(blocks) && blocks[j].Kind == block.KindRow {
				j++
			}
			writeTable(&b, blocks[i:j], opts)
			i = j - 1
		default:
			b.WriteString(escapeMarkdown(inline(bl, opts)))
		}
	}
	return b.String()
}

// writeTable renders consecutive rows as a Markdown table. Markdown needs a
// header: the first row is it (an empty one when the table has one row).
func writeTable(b *strings.Builder, rows []block.Block, opts MarkdownOptions) {
	cells := make([][]string, len(rows))
	cols := 1
	for i, r := range rows {
		cells[i] = rowCells(r, opts)
		cols = max(cols, len(cells[i]))
	}
	if len(rows) == 1 {
		cells = append([][]string{nil}, cells...)
	}
	for i, row := range cells {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("|")
		for c := range cols {
			b.WriteString(" ")
			if c < len(row) {
				b.WriteString(row[c])
			}
			b.WriteString(" |")
		}
		if i == 0 {
			b.WriteString("\n|")
			for range cols {
				b.WriteString(" --- |")
			}
		}
	}
}

// rowCells are the cells of a row, escaped; the text alone, as one cell,
// when a rule changed the row's text since its cells were read.
func rowCells(r block.Block, opts MarkdownOptions) []string {
	var cells []string
	if r.Detail != nil {
		var nonEmpty []string
		for _, c := range r.Detail.Cells {
			if c != "" {
				nonEmpty = append(nonEmpty, c)
			}
		}
		if strings.Join(nonEmpty, " | ") == r.Text {
			cells = r.Detail.Cells
		}
	}
	if cells == nil {
		cells = []string{r.Text}
	}
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.ReplaceAll(linkify(escapeInline(c), r.Detail, opts), "|", `\|`)
	}
	return out
}

// inline is a block's text with its inline code and, as opts asks, links.
func inline(bl block.Block, opts MarkdownOptions) string {
	return codify(linkify(escapeInline(bl.Text), bl.Detail, opts), bl.Detail)
}

// codify puts the first occurrence of each inline code span, in order, in
// backticks (its text unescaped: nothing is markup inside code).
func codify(s string, d *block.Detail) string {
	if d == nil {
		return s
	}
	from := 0
	for _, c := range d.Code {
		t := escapeInline(c)
		i := strings.Index(s[from:], t)
		if i < 0 {
			continue
		}
		i += from
		fence := "`"
		for strings.Contains(c, fence) {
			fence += "`"
		}
		pad := ""
		if strings.HasPrefix(c, "`") || strings.HasSuffix(c, "`") {
			pad = " "
		}
		md := fence + pad + c + pad + fence
		s = s[:i] + md + s[i+len(t):]
		from = i + len(md)
	}
	return s
}

// linkify turns the first occurrence of each link's text into a link.
func linkify(s string, d *block.Detail, opts MarkdownOptions) string {
	if !opts.Links || d == nil {
		return s
	}
	from := 0
	for _, l := range d.Links {
		t := escapeInline(l.Text)
		i := strings.Index(s[from:], t)
		if i < 0 {
			continue
		}
		i += from
		md := "[" + t + "](" + linkURL(l.URL) + ")"
		s = s[:i] + md + s[i+len(t):]
		from = i + len(md)
	}
	return s
}

// linkURL keeps a URL from ending the link early.
func linkURL(u string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29").Replace(u)
}

// escapeInline keeps text from turning into emphasis, links or code.
func escapeInline(s string) string {
	if !strings.ContainsAny(s, "*_[]`<\\") {
		return s
	}
	return inlineEscaper.Replace(s)
}

var inlineEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "`", "\\`", "<", `\<`)

// escapeMarkdown keeps a paragraph from turning into a heading, list or quote.
func escapeMarkdown(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '-', '+', '*', '|':
		return `\` + s
	}
	if i := strings.IndexAny(s, ".)"); i > 0 && i <= 9 && strings.Trim(s[:i], "0123456789") == "" && (len(s) == i+1 || s[i+1] == ' ') {
		return s[:i] + `\` + s[i:]
	}
	return s
}
