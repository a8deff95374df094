package crawler

import (
	"context"
	"fmt"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/toutf8"
	"github.com/winnowhq/winnow/metadata"
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
	// Metadata is for Extract to fill when it reads the page's metadata
	// (authors, dates, language...): the crawler writes it into the page's
	// index line.
	Metadata metadata.Metadata
}

// Extract turns an article page into its title and clean text. It is called
// from several goroutines at once. An error marks that page failed; the crawl
// goes on. An error wrapping ErrUnwanted marks it skipped instead (a page in
// a language the job does not want), counted in Stats.Unwanted.
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

// SpamError is what an Extract function returns for a page that is spam
// from top to bottom (a parasite landing page on a hacked site): the
// crawler writes no article file for it, records it in the index with
// status "spam" and counts it (EventSpam).
type SpamError struct {
	Score float64
}

func (e *SpamError) Error() string { return fmt.Sprintf("spam page (score %.2f)", e.Score) }
