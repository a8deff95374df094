// Package rules loads, compiles and applies winnow's cleaning rules.
//
// A rule is data: an id, a scope, a match and an action, with examples that
// document and test it. Rule files are YAML; Load reads them strictly (an
// unknown or repeated key is an error), reports every problem of every file
// at once as file:line:col messages (an ErrorList), and compiles regexes and
// selectors once. A Set is immutable and
// safe for concurrent use. ApplyDOM runs the dom-stage rules on a parsed page;
// ApplyText runs the text-stage rules on blocks of extracted text. Every
// removal or change is recorded with its rule id in a Trace.
//
// # File format
//
//	rules:
//	  - id: spam.brand-line            # required; dotted lower-case words, unique
//	    description: What it removes.  # shown by `winnow rules list`
//	    scope:
//	      stage: text                  # required: dom, article or text
//	      hosts: ["*.example.com"]     # optional host globs (path.Match); empty: every host
//	      page_types: [article, forum] # optional page types (package pagetype: article, forum, product,
//	                                   # collection, listing, documentation, service); empty: every type
//	    match:                         # every key given must match
//	      ...
//	    action: drop                   # see Actions
//	    examples:                      # in/out pairs; `winnow rules lint` and go test run them
//	      - in: "tk88 bet\nHeadline"
//	        out: "Headline"
//
// The examples of a rule scoped to hosts run as on a page of its first host
// glob ("*.example.com" as www.example.com); a text example may name its
// page with leading lines "url: U" and "title: T".
//
// Unknown keys anywhere are errors, so a typo never silently disables a rule.
//
// A rule file may also hold a top-level `lexicon:` key, in the format of
// spam/lexicon/lexicon.yaml (weighted terms per language, signal weights, host
// stems, top-level domains, link shorteners, register words): it extends and overrides the
// built-in spam lexicon, term by term and weight by weight (a weight of 0
// switches a term off), for every spam-score rule. A term may also carry a
// topic weight, what it adds to a page's topic where a story names it (the
// everyday name of the activity that spam uses too); a term given again
// takes both anew.
//
//	lexicon:
//	  weights: {hidden: 0.6}
//	  terms:
//	    en: {real money slots: 1.2, casino*: 0}
//	    id: {judi online: {weight: 1.1, topic: 0.45}}
//
// The page type is detected once per page, before the dom stage, from its
// schema.org data, Open Graph type and structure (see package pagetype); a
// rule scoped by page_types runs only on pages of those types (plain-text
// input has no type, and every rule runs on it). Scope the rules that read
// structure as boilerplate (repeated labels, teaser cards, caption classes)
// away from the types whose content has that structure: the items of a
// listing, a collection's product tiles, a forum post's author line.
//
// # Match keys
//
// Both stages:
//
//	text: REGEX         the block's (or element's) text matches (Go RE2 syntax)
//	not-text: REGEX     the text does not match
//	min-matches: N      text must match at least N times
//	contains: [a, b]    prefilter: the text holds one of these literals
//	                    (case-insensitive) before the text regex is tried
//	min-words: N        at least N words
//	max-words: N        at most N words
//
// Stages dom and text:
//
//	spam-score: X       the block's or link's spam score (package spam) is at
//	                    least X. At stage dom every block, inline box and
//	                    link of the page is scored once, from the evidence
//	                    in spam/lexicon/lexicon.yaml; at stage text, the block's
//	                    text alone. --explain prints the evidence and score
//	                    of each removal. A per-site threshold: --disable the
//	                    built-in rule and add one with scope.hosts and its
//	                    own spam-score (or a keep rule for a block).
//	spare-clean: N      with action remove or drop: when the spam lies in a
//	                    run of whole sentences (at the block's start, end
//	                    or middle) and the rest of the block, N words or
//	                    more, shows no spam evidence of its own, only the
//	                    run goes: a real paragraph with a spam sentence
//	                    glued to it keeps its text. Blocks whose score
//	                    comes from hiding, spam links or repetition go
//	                    whole.
//
// Stages: dom runs on the whole page before the readability pass (to remove
// hidden spam and sidebars before they can win the content score); article
// runs on the article DOM readability chose, before it is rendered to text
// (furniture such as bylines, captions and share bars: removing it there
// cannot sway the choice); text runs on the rendered blocks.
//
// Stages dom and article (the element's text is its visible text):
//
//	selector: CSS       elements matching the selector (cascadia syntax)
//	class: [a, b]       the element's class or id attribute contains one of
//	                    these (ignoring case; faster than many [class*=x i]);
//	                    an id that spells the element's own text (a
//	                    heading's anchor, "recommended-providers") does not
//	                    count
//	not-tag: [a, b]     element names never matched
//	hidden: true        elements hidden by their own markup: the hidden
//	                    attribute, display:none, visibility:hidden, zero font
//	                    size, far off-screen position or text-indent
//	href: REGEX         the element or a link inside it has a matching href
//	href-host: REGEX    the same, matched against the link's host only
//	href-contains: [a]  prefilter: the href holds one of these literals
//	link-density: X     at least this share (0-1) of the text is inside links
//	min-links: N        at least N links inside
//	spare-prose: N      cut-after: the cut stops before the first later
//	                    sibling that is or holds a paragraph of N or more
//	                    words, at most a fifth of them in links: a marker in
//	                    the middle of an article loses its teaser links, the
//	                    article after them stays
//	max-cut: X          cut-after: only where the cut removes at most this
//	                    share (0-1) of the page's text (bytes, as it stands
//	                    when the rule runs): a sort label above a product
//	                    grid must not take the grid
//	teasers: N          the element lists teasers: N or more children of one
//	                    tag, each with a link, at most 60 words, and a quarter
//	                    or more of its text inside links
//
// Stage text (a block is a paragraph, heading, list item, quote, caption or,
// for plain-text input, a line):
//
//	kind: [p, h, li, quote, caption, pre, line, row]   block kinds (row: a data-table row)
//	position: first | last                         only the first or last block
//	after-words: N      only blocks preceded by at least N words of text
//	repeats: N          the block's text occurs at least N times in the page
//	same-as-title: true the block repeats the page title
//	max-cut: X          cut-after: only where the cut removes at most this
//	                    share (0-1) of the page's words; with repeats, only
//	                    at a label's first occurrence
//	repeated-cut: X     cut-after, with max-cut: on a page where the rule
//	                    matches three blocks or more (a marker under every
//	                    item), only the first match may cut, and only where
//	                    the cut removes at most this share of the words: in
//	                    a page's second half the items are its tail
//	                    (teasers, reviews), before it its content (a listing)
//	pattern: REGEX      strip: the text to cut out of the block
//	glyphs: leading | trailing | both
//	                    strip: decorative glyph runs (symbols, emoji parts,
//	                    private-use code points, letters of a script the page
//	                    is not written in) at the start or end of a block
//	similarity: X       dedupe: 1 (default) compares normalised text exactly;
//	                    below 1, a block is a repeat when that share of its
//	                    word 3-shingles occur in one earlier block
//	min-chars: N        dedupe: shorter blocks are never dropped as repeats
//	window: N           dedupe: compare with the previous N blocks and the
//	                    first three only (recipes and lyrics repeat far apart)
//	spare-labels: N     dedupe: keep every copy of a text shown N or more
//	                    times (a label each item of a list carries)
//	own-host: true      the block names the page's own host (a permalink)
//	also-next: N        drop: also drop the next block if it has at most N
//	                    words (a bare "Read also" line and its headline)
//
// # Actions
//
//	remove     dom: remove the element
//	cut-after  dom: remove the element and its later siblings;
//	           text: drop the block and every block after it
//	drop       text: drop the block
//	strip      text: cut pattern or glyphs out of the block (dropped if empty)
//	dedupe     text: drop blocks repeating an earlier one (keep the first)
//	keep       protect the element or block from every later rule
//
// # Code
//
// This package is the rule language: rule.go holds Rule (its Scope, its
// action, its examples) and Set; load.go reads rule files and checks them,
// keys.go reads the match keys of each kind of match, set.go builds a Set,
// apply.go decides which rules run on a page (stage and scope) and hands
// them to the engine, trace.go records what they did, example.go runs a
// rule's examples. The engine that applies compiled rules to a DOM and to
// blocks of text is package rules/internal/engine: one type per kind of
// match, with its matching beside it, and the actions. The block model is
// package block; the matching machinery is in leaf packages that know
// nothing of rules: internal/litscan (literal prefilters), internal/rxhint
// (byte tests told from a regex), internal/subject (selector prefilter),
// internal/shingle (near-repeats), internal/glyph (decorative glyphs) and
// internal/domtext (an element's visible text and visibility).
//
// # Order
//
// Within a stage, keep rules run first; then rules run in load order: files
// by name (the built-in files are numbered), rules in file order, built-in
// files before those given with --rules. The cleaner applies the text stage
// until nothing changes, so cleaning clean text changes nothing.
package rules
