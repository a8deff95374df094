package rules

import (
	"strings"

	"github.com/winnowhq/winnow/internal/textnorm"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// RunExample applies r alone to ex.In and returns the result, one block per
// line, for comparison with ex.Out. Text examples read one block per line;
// DOM examples are HTML fragments whose remaining text is rendered one block
// per line.
func (r *Rule) RunExample(ex Example) string {
	set := &Set{rules: []*Rule{r}, byID: map[string]*Rule{r.ID: r}}
	if r.Stage == StageText {
		blocks := TextBlocks(ex.In)
		return joinBlocks(set.ApplyText(blocks, Page{Title: exampleTitle(ex.In)}, nil))
	}
	doc, err := html.Parse(strings.NewReader("<!DOCTYPE html><html><body>" + ex.In + "</body></html>"))
	if err != nil {
		return "error: " + err.Error()
	}
	set.ApplyDOM(doc, r.Stage, "", nil)
	return strings.Join(domBlocks(doc), "\n")
}

// exampleTitle lets same-as-title examples name a title: a first line
// "title: X" sets it (and is itself a block of the example).
func exampleTitle(in string) string {
	first, _, _ := strings.Cut(in, "\n")
	if t, ok := strings.CutPrefix(first, "title: "); ok {
		return t
	}
	return ""
}

// TextBlocks splits plain text into blocks: every non-empty line is a block,
// and Break marks a blank line before it.
func TextBlocks(text string) []Block {
	var out []Block
	brk := false
	for line := range strings.Lines(text) {
		t := textnorm.Clean(line)
		if t == "" {
			brk = true
			continue
		}
		out = append(out, Block{Kind: KindLine, Text: t, Break: brk && len(out) > 0})
		brk = false
	}
	return out
}

func joinBlocks(bs []Block) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = b.Text
	}
	return strings.Join(parts, "\n")
}

// domBlocks renders the text of n, one entry per block element.
func domBlocks(n *html.Node) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if t := textnorm.Collapse(cur.String()); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
				return
			}
		}
		block := n.Type == html.ElementNode && isBlock(n.DataAtom)
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return out
}
