package links

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

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

// maxXMLDepth caps the nesting XML reads: sitemaps and feeds are
// a few levels deep, and the decoder keeps some 150 bytes for each
// open element, so 10 MiB of nested "<a>" took 500 MB.
const maxXMLDepth = 256

// XML reads a sitemap (urlset), a sitemap index, an RSS 2.0 or RDF
// feed, or an Atom feed, with a streaming decoder: sitemaps hold up to 50,000
// URLs and are never built into a tree. It stops after limit links.
//
// XML is one streaming loop over the decoder's tokens (83 lines): split,
// its state (path, text, root) would have to travel between the parts.
func XML(body []byte, limit int) (links []XMLLink, root string, err error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	var (
		out    []XMLLink
		path   []string
		text   strings.Builder
		inText bool
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if root == "" {
				return nil, "", fmt.Errorf("parse xml: %w", err)
			}
			break // keep what a truncated or sloppy feed gave
		}
		if len(out) >= limit {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if root == "" {
				root = name
				switch root {
				case "urlset", "sitemapindex", "rss", "rdf", "feed":
				default:
					return nil, root, ErrNotFeed
				}
			}
			if len(path) == maxXMLDepth {
				return out, root, nil // keep what came before, as for a truncated feed
			}
			path = append(path, name)
			parent := ""
			if len(path) >= 2 {
				parent = path[len(path)-2]
			}
			switch {
			case name == "loc" && (parent == "url" || parent == "sitemap"),
				name == "link" && parent == "item" && root != "feed":
				text.Reset()
				inText = true
			case name == "link" && parent == "entry":
				rel, href := "alternate", ""
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "rel":
						rel = a.Value
					case "href":
						href = a.Value
					}
				}
				if href = strings.TrimSpace(href); rel == "alternate" && href != "" {
					out = append(out, XMLLink{URL: href})
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		case xml.EndElement:
			if inText {
				inText = false
				if u := strings.TrimSpace(text.String()); u != "" {
					out = append(out, XMLLink{URL: u, Sitemap: len(path) >= 2 && path[len(path)-2] == "sitemap"})
				}
			}
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		}
	}
	if root == "" { // no element at all: empty, or text
		return nil, "", ErrNotFeed
	}
	return out, root, nil
}
