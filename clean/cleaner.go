package clean

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/winnowhq/winnow/boilerplate"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/rules"
	"github.com/winnowhq/winnow/spam"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// InputKind says how to read an input.
type InputKind int

const (
	// InputAuto sniffs HTML versus plain text.
	InputAuto InputKind = iota
	// InputHTML treats the input as HTML.
	InputHTML
	// InputText treats the input as plain text: paragraphs and lines.
	InputText
)

// Default limits, used where Options leaves a field zero.
const (
	DefaultMaxDepth    = 256
	DefaultMaxNodes    = 200_000
	DefaultPageTimeout = 10 * time.Second
)

// Options are the limits and switches of a Cleaner. The zero value is safe:
// every limit takes its documented default.
type Options struct {
	// MaxBytes caps the bytes read from one input, after decompression. Default 16 MiB.
	MaxBytes int64
	// MaxDepth caps the DOM depth; deeper subtrees are dropped. Default 256.
	MaxDepth int
	// MaxNodes caps the number of DOM elements of one page. Default 200,000.
	MaxNodes int
	// PageTimeout caps the time spent on one page. Default 10s.
	PageTimeout time.Duration
	// Trace records every removal or change in Result.Trace.
	Trace bool
}

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.MaxNodes <= 0 {
		o.MaxNodes = DefaultMaxNodes
	}
	if o.PageTimeout <= 0 {
		o.PageTimeout = DefaultPageTimeout
	}
	return o
}

// Input is one page to clean.
type Input struct {
	// Source names the input in errors and results (URL, path, "-").
	Source string
	// URL is the page URL, used for host-scoped rules; may be empty.
	URL string
	// ContentType is the HTTP Content-Type, when known; its charset is honoured.
	ContentType string
	// Kind forces HTML or text; InputAuto sniffs.
	Kind InputKind
	// Body is the raw page: possibly gzip-compressed, in any charset.
	Body io.Reader
	// Data is the raw page when the caller already holds it in memory: it is
	// used instead of Body, read but never modified, and not copied when it
	// is plain UTF-8.
	Data []byte
}

// Errors a caller may branch on; they arrive wrapped in a *PageError.
var (
	ErrEmpty    = errors.New("empty page: no text found")
	ErrBinary   = errors.New("binary data, not HTML or text")
	ErrTooLarge = errors.New("input over the size limit")
	ErrTimeout  = errors.New("page took longer than the time limit")
)

// Cleaner cleans pages with a fixed rule set. It is immutable and safe for
// concurrent use by many goroutines.
type Cleaner struct {
	rules *rules.Set
	opts  Options
}

// New returns a Cleaner applying rs with opts. A nil rs applies no rules.
func New(rs *rules.Set, opts Options) *Cleaner {
	return &Cleaner{rules: rs, opts: opts.withDefaults()}
}

// Clean cleans one input. A failure is a *PageError naming the source and the
// step that failed. Clean never panics: a panic inside the pipeline becomes an
// error for this page only. It returns when ctx is done or the page time limit
// passes, even if the extractor is still busy.
func (c *Cleaner) Clean(ctx context.Context, in Input) (*Result, error) {
	ctx, cancel := context.WithTimeout(ctx, c.opts.PageTimeout)
	defer cancel()
	if len(in.Data) > 0 && len(in.Data) <= inlineBytes {
		return c.cleanHere(ctx, in)
	}
	type outcome struct {
		res *Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- outcome{err: &PageError{Source: in.Source, Op: "clean",
					Err: fmt.Errorf("internal error: %v\n%s", p, debug.Stack())}}
			}
		}()
		res, err := c.clean(ctx, in)
		done <- outcome{res, err}
	}()
	select {
	case o := <-done:
		return o.res, o.err
	case <-ctx.Done():
		err := ctx.Err()
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("%w (%s)", ErrTimeout, c.opts.PageTimeout)
		}
		return nil, &PageError{Source: in.Source, Op: "clean", Err: err}
	}
}

// inlineBytes is the size up to which a page in memory is cleaned on the
// caller's goroutine. Handing a page to a goroutine of its own, so that Clean
// can return at the time limit while the extractor is still busy, costs a
// goroutine start and two wake-ups: a tenth of the work on a small page. A
// page this small cannot keep the extractor busy for long (the limit is still
// checked between stages).
const inlineBytes = 64 << 10

// cleanHere is clean on the calling goroutine, a panic becoming an error.
func (c *Cleaner) cleanHere(ctx context.Context, in Input) (res *Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, &PageError{Source: in.Source, Op: "clean",
				Err: fmt.Errorf("internal error: %v\n%s", p, debug.Stack())}
		}
	}()
	res, err = c.clean(ctx, in)
	if err != nil && errors.Is(err, context.DeadlineExceeded) {
		err = &PageError{Source: in.Source, Op: "clean", Err: fmt.Errorf("%w (%s)", ErrTimeout, c.opts.PageTimeout)}
	}
	return res, err
}

func (c *Cleaner) clean(ctx context.Context, in Input) (*Result, error) {
	fail := func(op string, err error) (*Result, error) {
		return nil, &PageError{Source: in.Source, Op: op, Err: err}
	}
	var data []byte
	var err error
	switch {
	case in.Data != nil:
		data, err = DecodeBytes(in.Data, in.ContentType, c.opts.MaxBytes)
	case in.Body != nil:
		data, err = Decode(in.Body, in.ContentType, c.opts.MaxBytes)
	default:
		return fail("read", errors.New("no body"))
	}
	if err != nil {
		return fail("read", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return fail("read", ErrEmpty)
	}
	res := &Result{Source: in.Source, URL: in.URL}
	tr := &rules.Trace{Detailed: c.opts.Trace}
	kind := in.Kind
	if kind == InputAuto {
		kind = InputText
		if looksLikeHTML(data) || strings.Contains(in.ContentType, "html") {
			kind = InputHTML
		}
	}
	var blocks []rules.Block
	if kind == InputText {
		blocks = rules.TextBlocks(string(data))
	} else {
		blocks, err = c.html(ctx, data, res, tr)
		if err != nil {
			return fail("parse", err)
		}
	}
	if len(blocks) == 0 && !res.Spam {
		return fail("clean", ErrEmpty)
	}
	if err := ctx.Err(); err != nil {
		return fail("clean", err)
	}
	blocks = c.rules.ApplyText(blocks, rules.Page{Host: hostOf(res.URL), Title: res.Title}, tr)
	for i := range blocks {
		if blocks[i].Kind != rules.KindPre {
			blocks[i].Text = textnorm.NFC(blocks[i].Text)
		}
	}
	res.Title = textnorm.Clean(res.Title)
	res.Blocks = blocks
	res.Text = Text(res)
	res.Removed = tr.Counts
	if res.Removed == nil {
		res.Removed = map[string]int{}
	}
	res.Trace = tr.Hits
	return res, nil
}

// html runs the HTML part of the pipeline: parse, limits, DOM rules,
// readability, blocks.
func (c *Cleaner) html(ctx context.Context, data []byte, res *Result, tr *rules.Trace) ([]rules.Block, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	var css strings.Builder
	nodes := prune(doc, c.opts.MaxDepth, &css)
	if nodes > c.opts.MaxNodes {
		return nil, fmt.Errorf("%w: %d elements, limit %d", ErrTooLarge, nodes, c.opts.MaxNodes)
	}
	meta := readMeta(doc)
	if res.URL == "" {
		res.URL = meta.canonical
	}
	res.Lang = meta.lang
	host := hostOf(res.URL)
	an := c.rules.Spam().AnalyzeSheet(doc, host, spam.ParseSheet(css.String()))
	res.Verdict = an.Verdict(res.URL)
	if res.Spam {
		tr.Record("spam.page", "dom", "verdict", "page", fmt.Sprintf("spam page, score %s", res.Verdict.Evidence))
	}
	c.rules.ApplyDOMSpam(doc, rules.StageDOM, host, tr, an)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pageURL, _ := url.Parse(res.URL)
	if pageURL == nil {
		pageURL = &url.URL{}
	}
	body := findBody(doc)
	art, err := extract(doc, pageURL, c.opts.MaxNodes)
	if err != nil {
		return nil, fmt.Errorf("readability: %w", err)
	}
	res.Title = art.Title
	if res.Title == "" {
		res.Title = meta.title
	}
	if t, gone, s := c.rules.Spam().CleanTitle(res.Title); s != nil {
		tr.Record("spam.title", "text", "strip", "title: score "+s.String(), gone)
		res.Title = t
	}
	if art.Lang != "" {
		res.Lang = art.Lang
	}
	var blocks []rules.Block
	if art.Node != nil {
		c.rules.ApplyDOM(art.Node, rules.StageArticle, host, tr)
		boilerplate.Strip(art.Node, pageURL, tr) // furniture by shape: teaser cards, link blocks, widgets
		blocks = rules.HTMLBlocks(art.Node)
	}
	if len(blocks) == 0 && body != nil {
		// Readability found no article: fall back to the page's remaining
		// text, so that a short page still yields its text.
		blocks = rules.HTMLBlocks(body)
		tr.Record("readability.fallback", "dom", "keep", "body", "no article found; using the page text")
	}
	return blocks, nil
}

// prune removes subtrees deeper than max, and what never shows as text:
// comments, styles, noscript (raw text to a parser with scripting on; only
// lazy images come out of it) and scripts other than JSON-LD (readability
// reads its metadata, then drops the rest itself). It returns the number of
// elements left, and writes the text of the style elements to css (the spam
// analysis reads which classes they hide). Hand-written: x/net/html caps
// only its open-element stack.
func prune(doc *html.Node, max int, css *strings.Builder) int {
	count := 0
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if depth >= max || invisible(c) {
				if c.DataAtom == atom.Style && c.FirstChild != nil && css.Len() < 1<<18 {
					css.WriteString(c.FirstChild.Data) // the spam analysis reads what it hides
					css.WriteByte('\n')
				}
				n.RemoveChild(c)
			} else {
				if c.Type == html.ElementNode {
					count++
				}
				walk(c, depth+1)
			}
			c = next
		}
	}
	walk(doc, 0)
	return count
}

func invisible(n *html.Node) bool {
	switch n.Type {
	case html.CommentNode:
		return true
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Style, atom.Noscript:
			return true
		case atom.Script:
			return !strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json")
		}
	}
	return false
}

type pageMeta struct {
	title, lang, canonical string
}

func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Html:
			m.lang = attr(n, "lang")
		case atom.Title:
			if m.title == "" && n.FirstChild != nil {
				m.title = textnorm.Collapse(n.FirstChild.Data)
			}
		case atom.Link:
			if m.canonical == "" && strings.EqualFold(attr(n, "rel"), "canonical") {
				if u, err := url.Parse(attr(n, "href")); err == nil && u.IsAbs() {
					m.canonical = u.String()
				}
			}
		case atom.Body:
			return m
		}
	}
	return m
}

func findBody(doc *html.Node) *html.Node {
	for n := range doc.Descendants() {
		if n.DataAtom == atom.Body {
			return n
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}
