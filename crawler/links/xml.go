package links

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/toutf8"
	"golang.org/x/net/html/charset"
)

// XMLLink is one URL listed by a sitemap or a feed.
type XMLLink struct {
	URL string
	// Sitemap marks a sitemap named by a sitemap index; the other links
	// are pages.
	Sitemap bool
}

// ErrNotFeed is returned by XML for XML that is neither a sitemap nor a
// feed.
var ErrNotFeed = errors.New("xml is not a sitemap or a feed")

// IsXML reports whether a response looks like XML rather than HTML.
func IsXML(contentType string, body []byte) bool {
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "xml") || strings.Contains(ct, "rss") || strings.Contains(ct, "atom") {
		return !strings.Contains(ct, "xhtml")
	}
	head := bytes.TrimLeft(body[:min(len(body), 512)], "\ufeff \t\r\n")
	return bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<urlset")) ||
		bytes.HasPrefix(head, []byte("<rss")) || bytes.HasPrefix(head, []byte("<feed"))
}

// xmlEncodingRx finds an XML declaration naming the document's encoding.
var xmlEncodingRx = regexp.MustCompile(`^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*\sencoding\s*=`)

// maxXMLDepth caps the nesting XML reads: sitemaps and feeds are
// a few levels deep, and the decoder keeps some 150 bytes for each
// open element, so 10 MiB of nested "<a>" took 500 MB.
const maxXMLDepth = 256

// XML reads a sitemap (urlset), a sitemap index, an RSS 2.0 or RDF
// feed, or an Atom feed, with a streaming decoder: sitemaps hold up to 50,000
// URLs and are never built into a tree. It stops after limit links. A body
// that is not UTF-8 and whose XML declaration names no encoding is read in
// the charset of contentType (the response's Content-Type: a feed served
// as ISO-8859-1) or of its bytes; otherwise the decoder would stop at the
// first byte that is not UTF-8.
func XML(body []byte, contentType string, limit int) (links []XMLLink, root string, err error) {
	if !utf8.Valid(body) && !xmlEncodingRx.Match(body[:min(len(body), 200)]) {
		body = toutf8.Decode(body, contentType)
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	var x xmlReader
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if x.root == "" {
				return nil, "", fmt.Errorf("parse xml: %w", err)
			}
			break // keep what a truncated or sloppy feed gave
		}
		if len(x.out) >= limit {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if stop, err := x.start(t); err != nil {
				return nil, x.root, err
			} else if stop {
				return x.out, x.root, nil
			}
		case xml.CharData:
			if x.inText {
				x.text.Write(t)
			}
		case xml.EndElement:
			x.end()
		}
	}
	if x.root == "" { // no element at all: empty, or text
		return nil, "", ErrNotFeed
	}
	return x.out, x.root, nil
}

// xmlReader is the state of one XML call between tokens.
type xmlReader struct {
	out    []XMLLink
	root   string   // the first element's name, lower-case
	path   []string // the open elements, lower-case
	text   strings.Builder
	inText bool // inside an element whose text is a link
}

// start reads an element's start tag. stop ends the reading: err is
// ErrNotFeed for a root that is no sitemap or feed; without an error, the
// nesting is too deep and what came before is kept, as for a truncated
// feed.
func (x *xmlReader) start(t xml.StartElement) (stop bool, err error) {
	name := strings.ToLower(t.Name.Local)
	if x.root == "" {
		x.root = name
		switch x.root {
		case "urlset", "sitemapindex", "rss", "rdf", "feed":
		default:
			return true, ErrNotFeed
		}
	}
	if len(x.path) == maxXMLDepth {
		return true, nil
	}
	x.path = append(x.path, name)
	switch parent := x.parent(); {
	case name == "loc" && (parent == "url" || parent == "sitemap"),
		name == "link" && parent == "item" && x.root != "feed":
		x.text.Reset()
		x.inText = true
	case name == "link" && parent == "entry":
		if href := atomHref(t.Attr); href != "" {
			x.out = append(x.out, XMLLink{URL: href})
		}
	}
	return false, nil
}

// end reads an element's end tag: the link in its text, if it holds one.
func (x *xmlReader) end() {
	if x.inText {
		x.inText = false
		if u := strings.TrimSpace(x.text.String()); u != "" {
			x.out = append(x.out, XMLLink{URL: u, Sitemap: x.parent() == "sitemap"})
		}
	}
	if len(x.path) > 0 {
		x.path = x.path[:len(x.path)-1]
	}
}

// parent is the name of the element enclosing the innermost open one, ""
// at the root.
func (x *xmlReader) parent() string {
	if len(x.path) < 2 {
		return ""
	}
	return x.path[len(x.path)-2]
}

// atomHref is the href of an Atom <link>, "" unless its rel is alternate
// (the default).
func atomHref(attrs []xml.Attr) string {
	rel, href := "alternate", ""
	for _, a := range attrs {
		switch a.Name.Local {
		case "rel":
			rel = a.Value
		case "href":
			href = a.Value
		}
	}
	if rel != "alternate" {
		return ""
	}
	return strings.TrimSpace(href)
}
