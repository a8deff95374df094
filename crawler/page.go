package crawler

import "github.com/winnowhq/winnow/crawler/visit"

// Page is one fetched HTML page handed to an Extract function.
type Page = visit.Page

// Extract turns an article page into its title and clean text; see
// visit.Extract.
type Extract = visit.Extract

// SpamError is what an Extract function returns for a page that is spam
// from top to bottom; see visit.SpamError.
type SpamError = visit.SpamError
