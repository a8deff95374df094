package crawler

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/toutf8"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is one fetched HTML page handed to an Extract function.
type Page struct {
	// URL is the canonical URL of the page (after rel=canonical).
	URL string
	// FetchURL is the URL actually fetched.
	FetchURL string
	// Status is the HTTP status code.
	Status int
	// Header is the response header.
	Header http.Header
	// ContentType is the media type with the charset the body is now in,
	// always "charset=utf-8" for HTML.
	ContentType string
	// Body is the page, decoded to UTF-8 from the charset declared in the
	// Content-Type header or, failing that, in a <meta> element.
	Body []byte
	// Depth is the number of links followed from a seed.
	Depth int
	// FetchedAt is when the response arrived.
	FetchedAt time.Time
}

// Extract turns an article page into its title and clean text. It is called
// from several goroutines at once. An error marks that page failed; the crawl
// goes on.
type Extract func(ctx context.Context, p *Page) (title, text string, err error)

// decodeHTML returns body as UTF-8. colly has already converted bodies whose
// Content-Type names a charset other than UTF-8 (converted is then true): such
// a body, when valid UTF-8, is kept; otherwise the header is not believed and
// the charset comes from the bytes, as internal/toutf8 finds it. The rest is
// decoded by toutf8 from the header, a byte order mark or a <meta> element; a
// header claiming UTF-8 over bytes that are not UTF-8 is overruled.
func decodeHTML(body []byte, contentType string, converted bool) []byte {
	if converted {
		if utf8.Valid(body) {
			return body
		}
		contentType = "text/html" // colly's conversion failed: look at <meta> and the bytes
	}
	return toutf8.Decode(body, contentType)
}

// pageInfo is what the crawler itself reads from an HTML page.
type pageInfo struct {
	links     []string // absolute, as written
	feeds     []string // <link rel=alternate> RSS and Atom feeds
	canonical string
	noindex   bool
	nofollow  bool
	article   bool // og:type article, schema.org Article, or exactly one <article>
}

// analyzeCheck is how many tokens analyze reads between two looks at its
// context.
const analyzeCheck = 4096

// analyze reads links and article markers from an HTML page with the
// tokenizer: far cheaper than building a DOM, which the extractor does
// anyway. It keeps the first maxLinks links, and stops early when ctx ends
// (the caller reports the page as timed out).
func analyze(ctx context.Context, body []byte, base *url.URL, maxLinks int) pageInfo {
	var pi pageInfo
	z := html.NewTokenizer(bytes.NewReader(body))
	articles, ldjson, inLD := 0, false, false
	resolve := func(ref string) string {
		ref = strings.TrimSpace(ref)
		if ref == "" || strings.HasPrefix(ref, "#") {
			return ""
		}
		r, err := base.Parse(ref)
		if err != nil || (r.Scheme != "http" && r.Scheme != "https") || r.Hostname() == "" { // "http:a" has none
			return ""
		}
		return r.String()
	}
	for n := 1; ; n++ {
		tt := z.Next()
		if n%analyzeCheck == 0 && ctx.Err() != nil {
			tt = html.ErrorToken
		}
		switch tt {
		case html.ErrorToken:
			pi.article = pi.article || articles == 1 || ldjson
			return pi
		case html.TextToken:
			if inLD && !ldjson && isArticleLD(z.Text()) {
				ldjson = true
			}
			continue
		case html.EndTagToken:
			inLD = false
			continue
		case html.StartTagToken, html.SelfClosingTagToken:
		default:
			continue
		}
		name, hasAttr := z.TagName()
		a := atom.Lookup(name)
		inLD = false
		var attrs map[string]string
		if hasAttr && (a == atom.A || a == atom.Area || a == atom.Link || a == atom.Meta || a == atom.Base || a == atom.Script) {
			attrs = map[string]string{}
			for {
				k, v, more := z.TagAttr()
				attrs[string(k)] = string(v)
				if !more {
					break
				}
			}
		}
		switch a {
		case atom.Article:
			articles++
		case atom.Base:
			if u, err := base.Parse(strings.TrimSpace(attrs["href"])); err == nil && attrs["href"] != "" {
				base = u
			}
		case atom.A, atom.Area:
			if len(pi.links) >= maxLinks {
				break
			}
			if l := resolve(attrs["href"]); l != "" {
				pi.links = append(pi.links, l)
			}
		case atom.Link:
			rel := " " + strings.ToLower(attrs["rel"]) + " "
			switch {
			case strings.Contains(rel, " canonical "):
				pi.canonical = resolve(attrs["href"])
			case strings.Contains(rel, " alternate "):
				t := strings.ToLower(attrs["type"])
				if strings.Contains(t, "rss") || strings.Contains(t, "atom") {
					if l := resolve(attrs["href"]); l != "" {
						pi.feeds = append(pi.feeds, l)
					}
				}
			}
		case atom.Meta:
			content := strings.ToLower(attrs["content"])
			switch strings.ToLower(attrs["name"]) {
			case "robots", "winnow":
				pi.noindex = pi.noindex || strings.Contains(content, "noindex") || strings.Contains(content, "none")
				pi.nofollow = pi.nofollow || strings.Contains(content, "nofollow") || strings.Contains(content, "none")
			}
			if strings.ToLower(attrs["property"]) == "og:type" && strings.HasPrefix(strings.TrimSpace(content), "article") {
				pi.article = true
			}
		case atom.Script:
			inLD = strings.EqualFold(strings.TrimSpace(attrs["type"]), "application/ld+json")
		}
	}
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
