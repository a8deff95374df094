package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// missKinds are where a missed title's label stands among what the page
// says of its title, in the order missKind tries them.
var missKinds = []string{"the whole <title> (site name kept)", "an <h1>", "og:title", "a run of <title> parts", "none of them (the annotator's own)"}

// missKind says where a missed title's label stands among the page's
// title sources: an index into missKinds. The <title> is split at spaced
// separators into parts; a run is any proper sequence of them.
func missKind(label string, sources []string) int {
	l := fold(label)
	var titles, h1s, ogs []string
	for _, s := range sources {
		v := s[strings.LastIndex(s[:len(s)-1], `"`)+1 : len(s)-1]
		switch {
		case strings.HasPrefix(s, "<title>"):
			titles = append(titles, v)
		case strings.HasPrefix(s, "<h1"):
			h1s = append(h1s, v)
		case strings.HasPrefix(s, "og:title"):
			ogs = append(ogs, v)
		}
	}
	has := func(vs []string) bool {
		for _, v := range vs {
			if fold(v) == l {
				return true
			}
		}
		return false
	}
	switch {
	case has(titles):
		return 0
	case has(h1s):
		return 1
	case has(ogs):
		return 2
	}
	for _, t := range titles {
		parts := strings.FieldsFunc(strings.NewReplacer(" | ", "\x00", " - ", "\x00", " – ", "\x00", " — ", "\x00", ": ", "\x00", " · ", "\x00", " • ", "\x00", " / ", "\x00").Replace(t), func(r rune) bool { return r == 0 })
		for i := range parts {
			for j := i + 1; j <= len(parts); j++ {
				if fold(strings.Join(parts[i:j], " ")) == l {
					return 3
				}
			}
		}
	}
	return 4
}

// titleSources lists what a page says of its title, one line each, for
// reading a title miss: its <title>, og:title, twitter:title, og:site_name
// and every <h1> with its class (a site's logo in an <h1>, a headline in a
// sidebar). Labels that a rule could read from structure show here; a
// label that none of these holds is the annotator's own.
func titleSources(page []byte) []string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil
	}
	var out []string
	var walk func(n *html.Node, inBody bool)
	walk = func(n *html.Node, inBody bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if !inBody {
					out = append(out, fmt.Sprintf("<title> %q", text(n)))
				}
				return
			case atom.Meta:
				switch k := attr(n, "property") + attr(n, "name"); k {
				case "og:title", "twitter:title", "og:site_name":
					out = append(out, fmt.Sprintf("%s %q", k, attr(n, "content")))
				}
				return
			case atom.H1:
				out = append(out, fmt.Sprintf("<h1 class=%q> %q", attr(n, "class"), text(n)))
				return
			case atom.Script, atom.Style, atom.Svg, atom.Template:
				return
			case atom.Body:
				inBody = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBody)
		}
	}
	walk(doc, false)
	return out
}

// attr is n's attribute key, trimmed.
func attr(n *html.Node, key string) string { return strings.TrimSpace(domtext.Attr(n, key)) }

// text is n's text, scripts and styles left out, spaces collapsed.
func text(n *html.Node) string {
	skip := func(c *html.Node) bool { return c.DataAtom == atom.Script || c.DataAtom == atom.Style }
	return strings.Join(strings.Fields(domtext.SpacedText(n, skip, 0)), " ")
}
