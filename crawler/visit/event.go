package visit

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/winnowhq/winnow/metadata"
)

// MaxSitemapLinks caps the URLs read from one sitemap or feed: the sitemap
// protocol's limit.
const MaxSitemapLinks = 50_000

// Sentinel errors of a visit; package crawler exports them.
var (
	// ErrUnwanted is what Extract wraps to turn a page down (its text is
	// in a language the job does not want): the page counts as skipped.
	ErrUnwanted = errors.New("page not wanted")
	// ErrPageTimeout marks a page whose work outlasted Options.PageTimeout.
	ErrPageTimeout = errors.New("page timeout")
	// ErrOutOfScope marks a URL the job's scope does not allow: a redirect
	// target, or a queued URL the job's scope no longer allows.
	ErrOutOfScope = errors.New("out of the job's scope")
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

// EventKind classifies a fetch outcome.
type EventKind int

// Event kinds.
const (
	// EventWritten: an article was new or changed and was written.
	EventWritten EventKind = iota
	// EventUnchanged: 304, or the same clean text as last time; nothing written.
	EventUnchanged
	// EventFollowed: a listing page, sitemap, feed or redirect, read for links.
	EventFollowed
	// EventSkipped: out of scope (after a redirect, or because the job's
	// scope changed since the URL was queued), disallowed by robots.txt,
	// not HTML.
	EventSkipped
	// EventRetry: a failure that will be retried.
	EventRetry
	// EventFailed: a failure given up on for this run.
	EventFailed
	// EventSpam: Extract judged the page spam from top to bottom
	// (SpamError); no article file, an index line with status "spam".
	EventSpam

	// NumEventKinds is how many kinds there are; not a kind.
	NumEventKinds
)

// String names the kind in logs and metric labels.
func (k EventKind) String() string {
	return [...]string{"written", "unchanged", "followed", "skipped", "retry", "failed", "spam"}[k]
}

// Event is the outcome of one fetch.
type Event struct {
	Kind     EventKind
	URL      string
	Status   int           // HTTP status, 0 when none arrived
	Bytes    int           // body bytes received
	Duration time.Duration // request time
	New      bool          // for EventWritten: new, not changed
	Cleaned  bool          // Extract ran and succeeded (written, or unchanged text)
	Err      error         // for EventSkipped, EventRetry, EventFailed
	// LinksCut counts the links of an HTML page past Options.MaxLinks,
	// left out.
	LinksCut int
	// Reason classifies Err for metrics: see crawler.FailureReason.
	Reason string
}
