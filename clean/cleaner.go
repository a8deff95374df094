package clean

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/winnowhq/winnow/rules"
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

// Options are the limits and switches of a Cleaner. The zero value is safe:
// every limit takes its documented default.
type Options struct {
	// MaxBytes caps the bytes read from one input, after decompression. Default 16 MiB.
	MaxBytes int64
	// MaxDepth caps the DOM depth; deeper subtrees are dropped. Default 256.
	MaxDepth int
	// MaxNodes caps the number of DOM nodes of one page. Default 200,000.
	MaxNodes int
	// PageTimeout caps the time spent on one page. Default 10s.
	PageTimeout time.Duration
	// Disable lists rule ids not to apply.
	Disable []string
	// Trace records every removal or change in Result.Trace.
	Trace bool
}

// Input is one page to clean.
type Input struct {
	// Source names the input in errors and results (URL, path, "-").
	Source string
	// URL is the page URL, used for host-scoped rules and relative links; may be empty.
	URL string
	// ContentType is the HTTP Content-Type, when known; its charset is honoured.
	ContentType string
	// Kind forces HTML or text; InputAuto sniffs.
	Kind InputKind
	// Body is the raw page: possibly gzip-compressed, in any charset.
	Body io.Reader
}

// ErrEmpty is returned when a page holds no text at all.
var ErrEmpty = errors.New("empty page")

// ErrBinary is returned when an input is neither HTML nor text.
var ErrBinary = errors.New("binary data, not HTML or text")

// ErrTooLarge is returned when an input exceeds Options.MaxBytes.
var ErrTooLarge = errors.New("input over the size limit")

// Cleaner cleans pages with a fixed rule set. It is immutable and safe for
// concurrent use by many goroutines.
type Cleaner struct {
	rules *rules.Set
	opts  Options
}

// New returns a Cleaner applying rs with opts.
func New(rs *rules.Set, opts Options) *Cleaner {
	return &Cleaner{rules: rs, opts: opts}
}

// Clean cleans one input. A failure is a *PageError naming the source.
func (c *Cleaner) Clean(ctx context.Context, in Input) (*Result, error) {
	return nil, &PageError{Source: in.Source, Op: "clean", Err: errors.New("not implemented")}
}
