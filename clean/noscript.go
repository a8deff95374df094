package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minNoscriptText is the text, in bytes, a noscript must hold before it can
// count as the page's content rather than a notice ("Please enable
// JavaScript") or a tracking pixel.
const minNoscriptText = 500

// expandNoscript returns the content of a noscript element parsed as HTML
// when it is the page's content: what a reader without JavaScript sees,
// and winnow reads pages without JavaScript. Forum engines (Discourse, for
// one) serve a thread's posts only there, the visible page being an empty
// application shell. It is the content when its text is at least
// minNoscriptText and more than all the page's visible text outside
// noscripts (so that a page which shows its content anyway is not read
// twice). Otherwise it returns nil, and the noscript is dropped.
//
// The parser reads noscript as raw text, as a browser with scripting on does.
func expandNoscript(ns *html.Node, visible int) []*html.Node {
	raw := ns.FirstChild
	if raw == nil || raw.Type != html.TextNode || raw.NextSibling != nil || len(raw.Data) < minNoscriptText {
		return nil
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	if ns.Parent != nil && ns.Parent.Type == html.ElementNode && ns.Parent.DataAtom != atom.Head {
		ctx = &html.Node{Type: html.ElementNode, Data: ns.Parent.Data, DataAtom: ns.Parent.DataAtom}
	}
	nodes, err := html.ParseFragment(strings.NewReader(raw.Data), ctx)
	if err != nil {
		return nil
	}
	text := 0
	for _, n := range nodes {
		text += textBytes(n)
	}
	if text < minNoscriptText || text <= visible {
		return nil
	}
	return nodes
}

// textBytes is the length of the text under n, scripts and styles excluded.
func textBytes(n *html.Node) int {
	if n.Type == html.TextNode {
		return len(strings.TrimSpace(n.Data))
	}
	if invisible(n) {
		return 0
	}
	t := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t += textBytes(c)
	}
	return t
}
