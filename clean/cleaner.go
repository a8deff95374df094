package clean

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/boilerplate"
	"github.com/winnowhq/winnow/content"
	"github.com/winnowhq/winnow/content/adjust"
	"github.com/winnowhq/winnow/internal/boundedhtml"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/input"
	"github.com/winnowhq/winnow/internal/shown"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/internal/toutf8"
	"github.com/winnowhq/winnow/langid"
	"github.com/winnowhq/winnow/metadata"
	"github.com/winnowhq/winnow/pagetype"
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

// Options are the rules, limits and switches of a Cleaner. The zero value
// is the default cleaner: the built-in rules, every limit at its default.
type Options struct {
	// Rules is the rule set to apply. nil means the built-in rules
	// (rules.Builtin); to apply no rules at all, give an empty set
	// (rules.NewSet()); to add rule directories, merge them into the
	// built-in set (see the examples).
	Rules *rules.Set
	// MaxBytes caps the bytes read from one input, after decompression. Default 16 MiB.
	MaxBytes int64
	// MaxDepth caps the DOM depth; deeper subtrees are dropped (a page nested
	// past the HTML parser's 512 levels is first flattened to this depth,
	// its text kept). Default 256.
	MaxDepth int
	// MaxNodes caps the number of DOM elements of one page, counted while
	// tokenising, before the DOM is built: a page over it is ErrTooLarge.
	// Default 200,000.
	MaxNodes int
	// PageTimeout caps the time spent on one page. Default 10s.
	PageTimeout time.Duration
	// Trace records every removal or change in Result.Trace.
	Trace bool
	// SkipMetadata skips reading the page's metadata (authors, dates...),
	// detecting the language and hashing the text: Result.Metadata stays
	// empty and Title is readability's. For callers that want the text
	// alone, and the baseline of the benchmark that prices the metadata.
	SkipMetadata bool
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
	// PageType, when set, is the page type (package pagetype) the rules are
	// scoped by, instead of the one detected from the HTML; plain text has
	// no type unless given one (cleaning a forum's text again, say).
	PageType string
}

// Errors a caller may branch on; they arrive wrapped in a *PageError.
var (
	ErrEmpty    = errors.New("empty page: no text found")
	ErrBinary   = input.ErrBinary
	ErrTooLarge = input.ErrTooLarge
	ErrTimeout  = errors.New("page took longer than the time limit")
)

// Cleaner cleans pages with a fixed rule set. It is immutable and safe for
// concurrent use by many goroutines.
type Cleaner struct {
	rules *rules.Set
	opts  Options
}

// New returns a Cleaner with opts. It fails only when opts.Rules is nil and
// the built-in rules do not load, which their tests rule out.
func New(opts Options) (*Cleaner, error) {
	rs := opts.Rules
	if rs == nil {
		var err error
		if rs, err = rules.Builtin(); err != nil {
			return nil, fmt.Errorf("built-in rules: %w", err)
		}
	}
	opts.Rules = nil // the Cleaner holds its set once
	return &Cleaner{rules: rs, opts: opts.withDefaults()}, nil
}

// Clean cleans one input. A failure is a *PageError naming the source and the
// step that failed. An HTML page in which no text is found fails with
// ErrEmpty but still returns its Result, without Body or Blocks, holding what
// the page says about itself (Title, Metadata, PageType), unless
// Options.SkipMetadata; every other failure returns a nil Result. Clean
// never panics: a panic inside the pipeline becomes an error for this page
// only. It returns when ctx is done or the page time limit
// passes, even if the extractor is still busy; the work itself stops at its
// next check of ctx (inside the parse, between rules), except in the
// readability pass, which runs to its end (bounded by MaxNodes) and is
// dropped.
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
		// The extractor may see the limit pass before this select does:
		// its error is a timeout all the same.
		if o.err != nil && errors.Is(o.err, context.DeadlineExceeded) {
			o.err = &PageError{Source: in.Source, Op: "clean", Err: fmt.Errorf("%w (%s)", ErrTimeout, c.opts.PageTimeout)}
		}
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
	data, err := c.read(in)
	if err != nil {
		return fail("read", err)
	}
	res := &Result{Source: in.Source, URL: in.URL, PageType: in.PageType}
	tr := &rules.Trace{Detailed: c.opts.Trace}
	kind := in.Kind
	if kind == InputAuto {
		kind = InputText
		if input.LooksLikeHTML(data) || strings.Contains(in.ContentType, "html") {
			kind = InputHTML
		}
	}
	var blocks []block.Block
	var fb *fallback
	if kind == InputText {
		blocks = block.FromText(string(data))
	} else {
		blocks, fb, err = c.html(ctx, data, res, tr)
		if err != nil {
			return fail("parse", err)
		}
	}
	if len(blocks) == 0 && !res.Spam {
		// No text, but what the page says about itself (title, authors,
		// dates, site name...) is still worth having: a page its scripts
		// fill often declares it all in its head.
		_, err := fail("clean", fb.empty())
		if kind == InputText || c.opts.SkipMetadata {
			return nil, err
		}
		finish(res, tr)
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return fail("clean", err)
	}
	page := rules.Page{Host: hostOf(res.URL), Title: res.Title, Type: res.PageType}
	blocks, err = c.rules.ApplyTextContext(ctx, blocks, page, tr)
	if err != nil {
		return fail("clean", err)
	}
	if fb != nil {
		if blocks, err = c.fallBack(ctx, blocks, fb, page, tr); err != nil {
			return fail("clean", err)
		}
		if blocks, err = c.summarise(ctx, blocks, fb.summary, page, tr); err != nil {
			return fail("clean", err)
		}
	}
	for i := range blocks {
		if blocks[i].Kind != block.KindPre {
			blocks[i].Text = textnorm.NFC(blocks[i].Text)
		}
	}
	res.Blocks = blocks
	res.Body = joinBlocks(blocks)
	if !c.opts.SkipMetadata {
		sum := sha256.Sum256([]byte(res.Body))
		res.ContentHash = hex.EncodeToString(sum[:])
		res.Language = langid.DetectDeclared(res.Body, res.DeclaredLang)
	}
	finish(res, tr)
	return res, nil
}

// finish gives a Result its cleaned title and what the rules removed, with
// or without a body.
func finish(res *Result, tr *rules.Trace) {
	res.Title = textnorm.Clean(res.Title)
	res.Removed = tr.Counts
	if res.Removed == nil {
		res.Removed = map[string]int{}
	}
	res.Trace = tr.Hits
}

// read returns the page's bytes, decoded to UTF-8, or the error that stops
// it at the "read" step.
func (c *Cleaner) read(in Input) ([]byte, error) {
	var data []byte
	var err error
	switch {
	case in.Data != nil:
		data, err = input.Bytes(in.Data, in.ContentType, c.opts.MaxBytes)
	case in.Body != nil:
		data, err = Decode(in.Body, in.ContentType, c.opts.MaxBytes)
	default:
		return nil, errors.New("no body")
	}
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	return data, nil
}

// html runs the HTML part of the pipeline: parse, limits, DOM rules,
// readability, blocks. It also returns what to fall back on when the chosen
// content comes out thin or empty.
func (c *Cleaner) html(ctx context.Context, data []byte, res *Result, tr *rules.Trace) ([]block.Block, *fallback, error) {
	doc, err := boundedhtml.Parse(ctx, data, c.opts.MaxNodes, c.opts.MaxDepth)
	if err != nil {
		return nil, nil, err
	}
	var css sheet
	left := prune(doc, c.opts.MaxDepth, &css, tr)
	if left.elements > c.opts.MaxNodes {
		return nil, nil, fmt.Errorf("%w: %d elements, limit %d", ErrTooLarge, left.elements, c.opts.MaxNodes)
	}
	if body := domtext.First(doc, atom.Body); body != nil {
		shown.PlaceStreamed(body, tr)
		shown.RevealHidden(body, tr)
		shown.RevealPanes(body, tr)
	}
	docURL, _ := url.Parse(res.URL)
	if res.PageType == "" && docURL != nil && res.URL != "" {
		// Metadata trusts authors and dates less on some page types.
		res.PageType = pagetype.Detect(doc, docURL)
	}
	if !c.opts.SkipMetadata {
		meta := metadata.Extract(doc, docURL, res.PageType)
		res.Metadata = meta.Metadata
		res.Title = meta.Title
		if res.URL == "" {
			res.URL = meta.CanonicalURL
		}
	}
	pageURL, _ := url.Parse(res.URL)
	if pageURL == nil {
		pageURL = &url.URL{}
	}
	if res.PageType == "" {
		res.PageType = pagetype.Detect(doc, pageURL)
	}
	page := rules.Page{Host: hostOf(res.URL), Type: res.PageType}
	sh := spam.ParseSheet(css.String())
	an := spam.AnalyzeSheet(c.rules.Spam(), doc, page.Host, sh)
	res.Verdict = an.Verdict(res.URL)
	if res.Spam {
		tr.Record("spam.page", "dom", "verdict", "page", fmt.Sprintf("spam page, score %s", res.Verdict.Evidence))
	}
	if err := c.rules.ApplyDOMContext(ctx, doc, rules.StageDOM, page, tr, an); err != nil {
		return nil, nil, err
	}
	if body := domtext.First(doc, atom.Body); body != nil {
		shown.DropUnseen(body, sh, tr)
	}
	desc := ""
	if res.PageType == pagetype.Product {
		// Read before the readability pass, which removes the scripts.
		desc = adjust.ProductDescription(doc)
	}
	summary := adjust.MetaDescription(doc)
	cands, err := c.candidates(ctx, doc, pageURL, res, page, tr)
	if err != nil {
		return nil, nil, err
	}
	if t, gone, s := an.CleanTitle(res.Title); s != nil {
		tr.Record("spam.title", "text", "strip", "title: score "+s.String(), gone)
		res.Title = t
	}
	if len(cands) == 0 || content.Furnished(cands, domtext.First(doc, atom.Body)) {
		return nil, &fallback{doc: doc, left: left, summary: summary}, nil
	}
	win := content.Choose(cands, res.PageType)
	if tr.Detailed {
		noteSelection(tr, cands, win, res.PageType)
	}
	blocks := shape(cands, win, res, desc, tr)
	return blocks, &fallback{doc: doc, cands: cands, won: win, typ: res.PageType, left: left, summary: summary}, nil
}

// noteSelection records, for --explain only (the counts in Result.Removed
// stay those of rules), one line per losing candidate with why, then one
// per block the winner left out.
func noteSelection(tr *rules.Trace, cands []content.Candidate, win int, typ string) {
	for i, cd := range cands {
		if i != win {
			tr.Note("select."+cd.Name, "select", "drop", cd.Name, fmt.Sprintf("lost to %s: %s", cands[win].Name, content.Explain(cands[win], cd, typ)))
		}
	}
	for _, d := range content.Dropped(cands, win) {
		tr.Note("select."+d.From, "select", "drop", d.From+" block, not in "+cands[win].Name, d.Text)
	}
}

// shape returns the blocks of the winning candidate as the page type wants
// them: a listing's items joined to its introduction, repeated runs, a
// product's sentences said before, a listing's or a product's line (or
// pair of lines) printed twice, what stands above the heading, the labels
// ending a listing and other products' sections dropped, a product's
// schema.org description and name added
// (desc, read before the readability pass). Each change is recorded in tr.
func shape(cands []content.Candidate, win int, res *Result, desc string, tr *rules.Trace) []block.Block {
	blocks := cands[win].Blocks
	if g := content.Grid(cands, win, res.PageType); g >= 0 {
		// The listing's introduction and, beside it, its items.
		blocks = content.Join(cands[win], cands[g])
		tr.Note("select.grid", "select", "add", cands[g].Name+": the listing's items beside its introduction", content.Explain(cands[g], cands[win], res.PageType))
	}
	typ := res.PageType
	steps := []struct {
		id, why string
		drop    func([]block.Block) ([]block.Block, []string)
	}{
		{"select.repeat", "a run of blocks repeating an earlier run", func(b []block.Block) ([]block.Block, []string) { return adjust.Repeats(b, typ) }},
		{"select.repeat-sentence", "a sentence said earlier on the page", func(b []block.Block) ([]block.Block, []string) { return adjust.Sentences(b, typ) }},
		{"select.twice", "a block (or a pair) repeating the one (or the pair) before it", func(b []block.Block) ([]block.Block, []string) { return adjust.Twice(b, typ) }},
		{"select.lead", "above the page's heading (its title)", func(b []block.Block) ([]block.Block, []string) { return adjust.Lead(b, res.Title, typ) }},
		{"select.tail", "the labels ending a listing or a product page (its site map, its footer's links, a seller's box)", func(b []block.Block) ([]block.Block, []string) { return adjust.Tail(b, typ) }},
		{"select.others", "a section of other products or of the shop's terms", func(b []block.Block) ([]block.Block, []string) { return adjust.Others(b, typ) }},
		{"select.cards", "a run of cards of other products, each closed by the same link", func(b []block.Block) ([]block.Block, []string) { return adjust.Cards(b, typ) }},
		{"select.empty-heading", "a heading over nothing: its section went", func(b []block.Block) ([]block.Block, []string) { return adjust.Empty(b, typ) }},
		{"select.marks", "a grid of marks (ticks, crosses) under row labels", func(b []block.Block) ([]block.Block, []string) { return adjust.Marks(b, typ) }},
		{"select.again", "a block of a product page printed again further down", func(b []block.Block) ([]block.Block, []string) { return adjust.Again(b, typ) }},
	}
	for _, st := range steps {
		var dropped []string
		blocks, dropped = st.drop(blocks)
		for _, t := range dropped {
			tr.Record(st.id, "select", "drop", st.why, t)
		}
	}
	blocks, described := adjust.Describe(desc, blocks)
	if described {
		tr.Note("select.schema-description", "select", "add", "schema.org Product description", blocks[0].Text)
	}
	if res.PageType == pagetype.Product {
		var named bool
		u, _ := url.Parse(res.URL)
		if blocks, named = adjust.Name(metadata.ProductName(res.Title, res.SiteName, u), blocks); named {
			tr.Note("select.product-name", "select", "add", "the product's name, the page's title", blocks[0].Text)
		}
	}
	return blocks
}

// candidates returns the candidates for the page's main content: the
// structural ones, gathered before the readability pass changes the page,
// and, first, the article readability builds, with the article-stage rules
// applied.
func (c *Cleaner) candidates(ctx context.Context, doc *html.Node, pageURL *url.URL, res *Result, page rules.Page, tr *rules.Trace) ([]content.Candidate, error) {
	// Furniture by shape (teaser cards, link blocks, widgets) goes before any
	// candidate is measured, so that it is gone whichever candidate wins
	// (package boilerplate spares pages whose links are their content).
	boilerplate.Strip(domtext.First(doc, atom.Body), pageURL, page.Type, tr)
	cands := content.Gather(doc, page.Type, tr.Detailed)
	h1 := domtext.First(doc, atom.H1) // before readability, which may delete it
	art, err := extract(doc, pageURL)
	if err != nil {
		return nil, fmt.Errorf("readability: %w", err)
	}
	restoreHeadline(art, h1, res.Title)
	if res.Title == "" {
		res.Title = art.Title
	}
	if res.DeclaredLang == "" {
		res.DeclaredLang = art.Lang
	}
	if art.Node != nil {
		if err := c.rules.ApplyDOMContext(ctx, art.Node, rules.StageArticle, page, tr, nil); err != nil {
			return nil, err
		}
		// Furniture by shape again, inside the article: the page-wide pass
		// spares what it cannot judge against the whole page (its guards are
		// shares of the page's text); without this pass held-out boilerplate
		// left is 1.14%, not 0.06% (bench gate).
		boilerplate.Strip(art.Node, pageURL, page.Type, tr)
		cands = append([]content.Candidate{content.ForType(page.Type).Candidate("readability", art.Node)}, cands...)
	}
	return cands, nil
}

// prune removes subtrees deeper than max, and what never shows as text:
// comments, styles, scripts other than JSON-LD (readability reads its
// metadata, then drops the rest itself) and noscript, except a noscript that
// holds the page's content (see shown.Noscript; noted in tr as
// shown.noscript). It repairs text encoded as UTF-8 twice, which a page
// can hold as character references ("&acirc;&euro;&trade;"), in its text
// and meta tags (see toutf8.UndoubleTexts). A button worded as an FAQ's
// question or an accordion's title (domtext.IsDisclosure) becomes a span.
// It returns the number of
// elements and the text left, and writes the text of the style elements to
// css (the spam analysis reads which classes they hide). Hand-written:
// x/net/html caps only its open-element stack.
func prune(doc *html.Node, max int, css *sheet, tr *rules.Trace) pruned {
	count, visible, text := 0, 0, 0
	var noscripts []*html.Node
	var depths []int
	var doubled []*string // texts that may hold UTF-8 encoded twice
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			switch {
			case depth < max && c.DataAtom == atom.Noscript && c.Type == html.ElementNode:
				noscripts = append(noscripts, c)
				depths = append(depths, depth)
			case depth >= max || shown.Invisible(c):
				if c.DataAtom == atom.Style && c.FirstChild != nil {
					css.add(c.FirstChild.Data) // the spam analysis reads what it hides
				}
				n.RemoveChild(c)
			default:
				switch c.Type {
				case html.ElementNode:
					count++
					if domtext.IsDisclosure(c) {
						// An FAQ's question, an accordion's title: text,
						// which readability and the renderer would drop
						// with the controls.
						c.Data, c.DataAtom = "span", atom.Span
					}
					if c.DataAtom == atom.Meta {
						for i := range c.Attr {
							if c.Attr[i].Key == "content" && strings.IndexByte(c.Attr[i].Val, 0xc3) >= 0 {
								doubled = append(doubled, &c.Attr[i].Val)
							}
						}
					}
				case html.TextNode:
					visible += len(c.Data)
					text += len(strings.TrimSpace(c.Data))
					if strings.IndexByte(c.Data, 0xc3) >= 0 {
						doubled = append(doubled, &c.Data)
					}
				}
				walk(c, depth+1)
			}
			c = next
		}
	}
	walk(doc, 0)
	for i, ns := range noscripts {
		for _, c := range shown.Noscript(ns, visible) {
			ns.Parent.InsertBefore(c, ns)
			if c.Type == html.ElementNode {
				count++
				shown.Note(tr, "shown.noscript", c)
			}
			// Only the parsed content is walked: its text is the page's
			// own, so it no longer counts against the other noscripts.
			walk(c, depths[i]+1)
		}
		ns.Parent.RemoveChild(ns)
	}
	toutf8.UndoubleTexts(doubled)
	return pruned{elements: count, text: text}
}

// pruned is what prune leaves: the number of elements and the bytes of
// text (runs of space at either end of a text left out).
type pruned struct {
	elements, text int
}

// sheet gathers the text of a page's style elements, each followed by a
// line break: of each at most maxSheetPart bytes (cut after a rule), of all
// at most maxSheet. A theme's large framework sheet thus cannot crowd out
// the page's own small ones, where the class that hides an injected box is
// defined. It keeps the texts and joins them once: a builder grown style by
// style allocated about twice the sheet.
type sheet struct {
	parts []string
	n     int
}

const (
	maxSheet     = 1 << 20
	maxSheetPart = 512 << 10
)

func (s *sheet) add(css string) {
	if len(css) > maxSheetPart {
		cut := css[:maxSheetPart]
		if i := strings.LastIndexByte(cut, '}'); i >= 0 {
			cut = cut[:i+1]
		}
		css = cut
	}
	if s.n+len(css)+1 <= maxSheet {
		s.parts = append(s.parts, css)
		s.n += len(css) + 1
	}
}

func (s *sheet) String() string {
	var b strings.Builder
	b.Grow(s.n)
	for _, p := range s.parts {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	return b.String()
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}
