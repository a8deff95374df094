package main

import (
	"regexp"
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
)

var (
	mdHeading = regexp.MustCompile(`^#{1,6}\s+(.*)$`)
	mdItem    = regexp.MustCompile(`^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$`)
	mdRow     = regexp.MustCompile(`^\s*\|(.*)\|\s*$`)
	mdRule    = regexp.MustCompile(`^[\s|:-]+$`)
	mdImage   = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink    = regexp.MustCompile(`\]\([^)]*\)`)
)

// markdownItems reads the headings, list items and table rows of a
// Markdown text, each as the folded key of its text (links and images
// reduced to their text, emphasis and pipes gone).
func markdownItems(md string) items {
	var it items
	inCode := false
	for line := range strings.Lines(md) {
		line = strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			inCode = !inCode
			continue
		}
		if inCode {
			continue
		}
		line = mdLink.ReplaceAllString(mdImage.ReplaceAllString(line, ""), "]")
		switch {
		case mdHeading.MatchString(line):
			add(&it.headings, mdHeading.FindStringSubmatch(line)[1])
		case mdRow.MatchString(line):
			if !mdRule.MatchString(line) {
				add(&it.rows, mdRow.FindStringSubmatch(line)[1])
			}
		case mdItem.MatchString(line):
			add(&it.items, mdItem.FindStringSubmatch(line)[1])
		}
	}
	return it
}

func add(list *[]string, text string) {
	if k := fold(text); k != "" {
		*list = append(*list, k)
	}
}

// nodeItems reads the same from an HTML tree: h1-h6, li (without its
// nested lists) and tr.
func nodeItems(root *html.Node) items {
	var it items
	if root == nil {
		return it
	}
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		// go-trafilatura builds its tree with element names and no atoms.
		switch n.Data {
		case "h1", "h2", "h3", "h4", "h5", "h6", "head":
			add(&it.headings, ownText(n, false))
		case "li", "item":
			add(&it.items, ownText(n, true))
		case "tr", "row":
			add(&it.rows, ownText(n, false))
		}
	}
	return it
}

func ownText(n *html.Node, skipLists bool) string {
	return domtext.Gather(n, func(c *html.Node) domtext.Edge {
		if skipLists && (c.Data == "ul" || c.Data == "ol" || c.Data == "list") {
			return domtext.Skip
		}
		return domtext.Spaced
	})
}
