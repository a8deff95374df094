package clean

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/winnowhq/winnow/rules"
)

// raceEnabled is set under the race detector, which slows the pipeline
// tenfold and inflates allocations.
var raceEnabled bool

// allocated is the number of bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// emptyCleaner is a Cleaner applying no rules.
func emptyCleaner(t *testing.T, opts Options) *Cleaner {
	t.Helper()
	rs, err := rules.NewSet()
	if err != nil {
		t.Fatal(err)
	}
	opts.Rules = rs
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestClean_ElementCapWhileTokenising: a page over the element cap is
// refused before its DOM is built: it allocates less than twice its own size
// (building the DOM of these 300,000 elements took 30 bytes per input byte).
func TestClean_ElementCapWhileTokenising(t *testing.T) {
	page := []byte("<html><body>" + strings.Repeat("<b>x</b>", 300_000) + "</body></html>")
	c := emptyCleaner(t, Options{})
	var err error
	n := allocated(func() { _, err = c.clean(context.Background(), Input{Source: "many", Data: page}) })
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if n > 2*uint64(len(page)) {
		t.Errorf("refusing the page allocated %d bytes, more than twice its %d: the DOM was built", n, len(page))
	}
}

// TestClean_CancelledStopsParsing: a clean whose context is done stops
// inside the parse, not after it.
func TestClean_CancelledStopsParsing(t *testing.T) {
	page := []byte("<html><body>" + strings.Repeat("<p>A paragraph of the page.</p>", 50_000) + "</body></html>")
	c := emptyCleaner(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var err error
	n := allocated(func() { _, err = c.clean(ctx, Input{Source: "big", Data: page}) })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n > uint64(len(page))/4 {
		t.Errorf("a cancelled clean allocated %d bytes for a page of %d: it went on working", n, len(page))
	}
}

// TestClean_MemoryLinear: the bytes allocated to clean a page grow in
// proportion to the page: four times the paragraphs, at most 4.4 times the
// allocation. (Deduplication once allocated a fresh array per block: 617 MB
// for 16,000 paragraphs, 65 MB now.)
func TestClean_MemoryLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("cleans 1.5 MB of paragraphs")
	}
	c, err := New(Options{PageTimeout: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	alloc := func(n int) uint64 {
		page := manyParagraphs(n)
		return allocated(func() {
			if _, err := c.Clean(context.Background(), Input{Source: "big", Data: page}); err != nil {
				t.Fatal(err)
			}
		})
	}
	small, large := alloc(2_000), alloc(8_000)
	if ratio := float64(large) / float64(small); ratio > 4.4 {
		t.Errorf("4× the paragraphs allocated %.1f× the bytes (%d vs %d)", ratio, large, small)
	}
}

// TestClean_DeepTables: a page of tables nested past the parser's limit
// keeps its text once flattened. The parser adds a tbody and a tr to every
// <table><td> as written, so the flattened levels came out deeper than the
// depth cap and their text was pruned: an empty page, reported as one that
// its scripts fill.
func TestClean_DeepTables(t *testing.T) {
	for _, level := range []string{"<table><tr><td>", "<table><td>", "<div>"} {
		page := []byte("<html><body>" + strings.Repeat(level, 2000) + "Text at the bottom of the tables, a sentence or two of it.</body></html>")
		c := emptyCleaner(t, Options{})
		res, err := c.clean(context.Background(), Input{Source: "deep", Data: page})
		if err != nil || !strings.Contains(res.Body, "Text at the bottom") {
			t.Errorf("%s × 2000: err %v, body %q; want the text kept", level, err, res.Body)
		}
	}
}
