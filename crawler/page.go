package crawler

import (
	"context"
	"fmt"
	"net/http"
	"time"

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

// SpamError is what an Extract function returns for a page that is spam
// from top to bottom (a parasite landing page on a hacked site): the
// crawler writes no article file for it, records it in the index with
// status "spam" and counts it (EventSpam).
type SpamError struct {
	Score float64
}

func (e *SpamError) Error() string { return fmt.Sprintf("spam page (score %.2f)", e.Score) }
