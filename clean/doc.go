// Package clean turns a web page (HTML or plain text) into clean article
// text, every removal explained by a rule id or a stage.
//
// The pipeline, for one page:
//
//  1. read and parse: gunzip, size cap, binary refused, charset to UTF-8 (Decode), HTML to a DOM within the element and depth caps, text encoded as UTF-8 twice repaired;
//  2. what the page is: metadata (title, authors, dates...), page type (package pagetype), spam evidence per block and link and the page's verdict (package spam);
//  3. noise: the dom-stage rules (package rules) and page furniture by shape (package boilerplate) are removed;
//  4. content: candidates (readability's pick, <article>/<main>, schema.org bodies, scored containers, the whole body) are scored and one chosen (package content), then the article-stage rules run on it;
//  5. text: the content becomes blocks (package block), which the text-stage rules drop, strip or dedupe; the language is detected on the text (package langid).
//
// A Cleaner holds the rules and limits (Options; the zero value is the
// built-in rules with default limits) and is immutable and safe for
// concurrent use. Clean returns one Result: Title, Body (the clean text
// without the title), Blocks (Body with its structure), PageType, Metadata,
// the spam Verdict, Removed (counts per rule id) and, with Options.Trace,
// every removal in Trace, each with its rule id or stage. PlainText and
// Markdown render a Result. A page that cannot be cleaned is a *PageError
// wrapping ErrEmpty, ErrBinary, ErrTooLarge or ErrTimeout; with ErrEmpty from
// an HTML page the Result comes too, with the page's title and metadata and
// no text.
//
// The rule language is package rules; the command line is cmd/winnow.
package clean
