// Package dom builds the HTML nodes the noise generators inject (package
// noise and its held-out B, package noise/heldoutb).
package dom

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// El returns a new element tag with attrs and kids (nil kids skipped).
func El(tag string, attrs []html.Attribute, kids ...*html.Node) *html.Node {
	n := &html.Node{Type: html.ElementNode, Data: tag, DataAtom: atom.Lookup([]byte(tag)), Attr: attrs}
	for _, k := range kids {
		if k != nil {
			n.AppendChild(k)
		}
	}
	return n
}

// Text returns a new text node.
func Text(s string) *html.Node { return &html.Node{Type: html.TextNode, Data: s} }

// InsertAfter inserts n after ref, under ref's parent.
func InsertAfter(ref, n *html.Node) {
	if ref.NextSibling != nil {
		ref.Parent.InsertBefore(n, ref.NextSibling)
	} else {
		ref.Parent.AppendChild(n)
	}
}
