// Package clean turns a web page (HTML or plain text) into clean article
// text, every removal explained by a rule id or a stage.
//
// The pipeline, for one page:
//
//  1. read: gunzip, size cap, binary refused, charset to UTF-8 (Decode, internal/input);
//  2. parse: HTML to a DOM within the element and depth caps; scripts, styles, comments dropped; text encoded as UTF-8 twice repaired;
//  3. dom rules: the rules of stage dom remove page furniture, spam and hidden text;
//  4. readability: the article is chosen, then the article-stage rules run on it;
//  5. blocks and text rules: the article becomes blocks, which the text-stage rules drop, strip or dedupe.
//
// A Cleaner holds the rules and limits (Options; the zero value is the
// built-in rules with default limits) and is immutable and safe for
// concurrent use. Clean returns one Result: Title, Body (the clean text
// without the title), Blocks (Body with its structure), Removed (counts per
// rule id) and, with Options.Trace, every removal in Trace. PlainText and
// Markdown render a Result. A page that cannot be cleaned is a *PageError
// wrapping ErrEmpty, ErrBinary, ErrTooLarge or ErrTimeout; with ErrEmpty from
// an HTML page the Result comes too, with the page's title and metadata and
// no text.
//
// The rule language is package rules; the command line is cmd/winnow.
package clean
