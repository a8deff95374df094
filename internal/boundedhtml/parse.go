// Package boundedhtml parses a page's HTML within an element cap and a
// depth cap: the cap on elements is enforced while tokenising, before a
// node is built, and a page nested deeper than golang.org/x/net/html
// accepts is flattened and parsed again rather than failed.
package boundedhtml

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/winnowhq/winnow/internal/input"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// flattenMargin is how far under the depth caps a flattened page is cut, for
// the elements the parser adds once (html, body) that the tags as written
// lack, so that the text of the flattened levels is kept, not pruned.
const flattenMargin = 16

// flattenSpread is how many elements the parser may build for one tag as
// written: "<table><td>" becomes table, tbody, tr, td, so tables nested as
// written to the cut came out twice as deep, past the depth cap, and their
// text was pruned.
const flattenSpread = 2

// parserMaxDepth is the nesting at which golang.org/x/net/html gives up on
// a page ("open stack of elements exceeds 512 nodes").
const parserMaxDepth = 512

// Parse builds the DOM of data within the element cap, stopping as soon as
// ctx is done. The cap is enforced while tokenising, before a node is
// built: a page of a million tiny elements is refused after one cheap pass
// instead of after building its DOM (about 700 MB for 16 MiB of markup). A
// page nested deeper than the parser accepts is flattened (the tags past
// depth maxDepth dropped, their text kept) and parsed again, rather than
// failed.
func Parse(ctx context.Context, data []byte, maxNodes, maxDepth int) (*html.Node, error) {
	// A start tag takes at least three bytes ("<p>"): a smaller page cannot
	// hold more elements than the cap, and skips the pass (4% of the time of
	// an ordinary page).
	if len(data) >= 3*maxNodes && startTagBound(data) > maxNodes {
		if err := countElements(ctx, data, maxNodes); err != nil {
			return nil, err
		}
	}
	doc, err := html.Parse(&ctxReader{ctx: ctx, r: bytes.NewReader(data)})
	if err != nil && ctx.Err() == nil && strings.Contains(err.Error(), "open stack of elements") {
		doc, err = html.Parse(&ctxReader{ctx: ctx, r: bytes.NewReader(flatten(data, max(1, (min(maxDepth, parserMaxDepth)-flattenMargin)/flattenSpread)))})
	}
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return nil, cerr
		}
		return nil, err
	}
	return doc, nil
}

// startTagBound is an upper bound on the start tags in data: the tokenizer
// starts a tag only at a '<' followed by an ASCII letter. Counting those is
// a byte scan, far cheaper than tokenising; only a page whose bound is over
// the cap is tokenised to count its elements exactly.
func startTagBound(data []byte) int {
	n := 0
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 || i+j+1 >= len(data) {
			return n
		}
		i += j + 1
		if c := data[i] | 0x20; c >= 'a' && c <= 'z' {
			n++
		}
	}
}

// countElements tokenises data and fails with input.ErrTooLarge as soon as it
// holds more than max elements, not counting what prune removes anyway
// (scripts, styles, noscript). It is checked again, exactly, on the DOM.
func countElements(ctx context.Context, data []byte, max int) error {
	z := html.NewTokenizer(bytes.NewReader(data))
	n := 0
	for i := 0; ; i++ {
		switch z.Next() {
		case html.ErrorToken:
			return nil
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Script, atom.Style, atom.Noscript:
				continue
			}
			if n++; n > max {
				return fmt.Errorf("%w: over %d elements", input.ErrTooLarge, max)
			}
		}
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
}

// ctxReader ends a read with ctx's error once ctx is done, so that the
// parser, which reads its input in small chunks, stops there.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// flatten rewrites data without the start and end tags of elements nested
// deeper than depth; text, comments and shallower tags are kept as written.
// Depth is counted on the tags as written, which over-counts unclosed
// elements the parser would close: flattening only runs on a page the
// parser refused.
func flatten(data []byte, depth int) []byte {
	z := html.NewTokenizer(bytes.NewReader(data))
	var out bytes.Buffer
	out.Grow(len(data))
	type open struct {
		name    string
		dropped bool
	}
	var stack []open
	for {
		write := true
		switch z.Next() {
		case html.ErrorToken:
			return out.Bytes()
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if isVoid(a) {
				break
			}
			write = len(stack) < depth
			if !write && isRawText(a) {
				// Its content is raw text (a script's code): without the
				// tag it would read as the page's text, so it goes too.
				skipTo(z, string(name))
				continue
			}
			stack = append(stack, open{string(name), !write})
		case html.EndTagToken:
			name, _ := z.TagName()
			// Close up to the matching open element, as a parser would; an
			// end tag matching nothing is kept for the parser to ignore.
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name == string(name) {
					write = !stack[i].dropped
					stack = stack[:i]
					break
				}
			}
		}
		if write {
			out.Write(z.Raw())
		}
	}
}

// skipTo reads z up to and including the end tag named name.
func skipTo(z *html.Tokenizer, name string) {
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.EndTagToken:
			if n, _ := z.TagName(); string(n) == name {
				return
			}
		}
	}
}

// isRawText reports whether the tokenizer reads the content of a as raw
// text, not markup.
func isRawText(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Textarea, atom.Title, atom.Xmp, atom.Iframe,
		atom.Noembed, atom.Noframes, atom.Noscript, atom.Plaintext:
		return true
	}
	return false
}

func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}
