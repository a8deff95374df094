// Package links reads the URLs a crawler follows: the links, feeds and
// canonical URL of an HTML page and its article markers (HTML), and the
// URLs a sitemap or a feed lists (XML, told apart from HTML by IsXML).
package links

import (
	"bytes"
	"context"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is what a crawler reads from an HTML page beside its text.
type Page struct {
	Links     []string // <a> and <area> targets, absolute, as written
	Feeds     []string // <link rel=alternate> RSS and Atom feeds
	Canonical string   // <link rel=canonical>, absolute
	NoIndex   bool     // <meta name=robots> (or name=winnow) says noindex or none
	NoFollow  bool     // ... nofollow or none
	Article   bool     // og:type article, schema.org Article, or exactly one <article>
	// Cut counts the links past maxLinks, left out.
	Cut int
}

// checkEvery is how many tokens HTML reads between two looks at its
// context.
const checkEvery = 4096

// HTML reads links and article markers from an HTML page at base with the
// tokenizer: far cheaper than building a DOM, which the extractor does
// anyway. It keeps the first maxLinks links, and stops early when ctx ends
// (the caller reports the page as timed out).
func HTML(ctx context.Context, body []byte, base *url.URL, maxLinks int) Page {
	s := htmlScan{z: html.NewTokenizer(bytes.NewReader(body)), base: base, maxLinks: maxLinks}
	for n := 1; ; n++ {
		tt := s.z.Next()
		if n%checkEvery == 0 && ctx.Err() != nil {
			tt = html.ErrorToken
		}
		switch tt {
		case html.ErrorToken:
			s.p.Article = s.p.Article || s.articles == 1 || s.ldjson
			return s.p
		case html.TextToken:
			if s.inLD && !s.ldjson && isArticleLD(s.z.Text()) {
				s.ldjson = true
			}
		case html.EndTagToken:
			s.inLD = false
		case html.StartTagToken, html.SelfClosingTagToken:
			s.tag()
		}
	}
}

// htmlScan is the state of one HTML call.
type htmlScan struct {
	z        *html.Tokenizer
	base     *url.URL
	maxLinks int
	p        Page
	articles int  // <article> elements seen
	ldjson   bool // a JSON-LD block declares an article
	inLD     bool // inside a JSON-LD <script>
}

// tag reads the start tag the tokenizer is at.
func (s *htmlScan) tag() {
	name, hasAttr := s.z.TagName()
	a := atom.Lookup(name)
	s.inLD = false
	var attrs map[string]string
	if hasAttr && (a == atom.A || a == atom.Area || a == atom.Link || a == atom.Meta || a == atom.Base || a == atom.Script) {
		attrs = map[string]string{}
		for {
			k, v, more := s.z.TagAttr()
			attrs[string(k)] = string(v)
			if !more {
				break
			}
		}
	}
	switch a {
	case atom.Article:
		s.articles++
	case atom.Base:
		if u, err := s.base.Parse(strings.TrimSpace(attrs["href"])); err == nil && attrs["href"] != "" {
			s.base = u
		}
	case atom.A, atom.Area:
		if len(s.p.Links) >= s.maxLinks {
			if s.resolve(attrs["href"]) != "" {
				s.p.Cut++
			}
			break
		}
		if l := s.resolve(attrs["href"]); l != "" {
			s.p.Links = append(s.p.Links, l)
		}
	case atom.Link:
		s.link(attrs)
	case atom.Meta:
		s.meta(attrs)
	case atom.Script:
		s.inLD = strings.EqualFold(strings.TrimSpace(attrs["type"]), "application/ld+json")
	}
}

// link reads a <link>: the canonical URL, or a feed.
func (s *htmlScan) link(attrs map[string]string) {
	rel := " " + strings.ToLower(attrs["rel"]) + " "
	switch {
	case strings.Contains(rel, " canonical "):
		s.p.Canonical = s.resolve(attrs["href"])
	case strings.Contains(rel, " alternate "):
		t := strings.ToLower(attrs["type"])
		if strings.Contains(t, "rss") || strings.Contains(t, "atom") {
			if l := s.resolve(attrs["href"]); l != "" {
				s.p.Feeds = append(s.p.Feeds, l)
			}
		}
	}
}

// meta reads a <meta>: robots directives and og:type.
func (s *htmlScan) meta(attrs map[string]string) {
	content := strings.ToLower(attrs["content"])
	switch strings.ToLower(attrs["name"]) {
	case "robots", "winnow":
		s.p.NoIndex = s.p.NoIndex || strings.Contains(content, "noindex") || strings.Contains(content, "none")
		s.p.NoFollow = s.p.NoFollow || strings.Contains(content, "nofollow") || strings.Contains(content, "none")
	}
	if strings.ToLower(attrs["property"]) == "og:type" && strings.HasPrefix(strings.TrimSpace(content), "article") {
		s.p.Article = true
	}
}

// resolve makes ref absolute against the page's base; "" for a fragment, a
// scheme other than http(s), or no host.
func (s *htmlScan) resolve(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return ""
	}
	r, err := s.base.Parse(ref)
	if err != nil || (r.Scheme != "http" && r.Scheme != "https") || r.Hostname() == "" { // "http:a" has none
		return ""
	}
	return r.String()
}

// isArticleLD reports whether a JSON-LD block declares an article type.
func isArticleLD(b []byte) bool {
	s := string(b)
	for _, t := range []string{`Article"`, `BlogPosting"`, `Report"`} {
		if i := strings.Index(s, t); i > 0 && strings.Contains(s[max(0, i-40):i], "@type") {
			return true
		}
	}
	return false
}
