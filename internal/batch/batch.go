// Package batch cleans many inputs (files, directories, URLs, standard
// input, WARC files) with a pool of workers, and hands their outcomes back
// in input order, one broken input never stopping the others.
package batch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/input"
	"github.com/winnowhq/winnow/internal/netguard"
	"github.com/winnowhq/winnow/internal/regfile"
	"github.com/winnowhq/winnow/internal/warcin"
)

// Outcome is the result of one input.
type Outcome struct {
	Source string
	Result *clean.Result
	Err    error
	Note   string // only worth knowing, not a result: the records a WARC file skipped
}

// Warning is what deserves a word about an Outcome that is no failure: an
// empty input, a page judged spam from top to bottom whose text is withheld
// (unless keepSpam), or a page whose text the rules removed entirely. One
// Outcome gets one warning at most. Under --strict a warning fails the run
// too.
func (o Outcome) Warning(keepSpam bool) string {
	switch {
	case o.Withheld(keepSpam):
		return fmt.Sprintf("spam page (score %.2f), text not output (--keep-spam outputs it)", o.Result.Verdict.Score)
	case errors.Is(o.Err, clean.ErrEmpty):
		// The page's error without its source, which the warning names:
		// it may say why the page is empty (an application shell).
		if pe := (*clean.PageError)(nil); errors.As(o.Err, &pe) {
			return pe.Err.Error()
		}
		return clean.ErrEmpty.Error()
	case errors.Is(o.Err, ErrNoPages):
		return ErrNoPages.Error()
	case o.Err == nil && o.Result != nil && o.Result.Body == "":
		return "the rules removed all the text (see --explain)"
	}
	return ""
}

// ErrNoPages is the Outcome of a directory that holds no page: a warning.
var ErrNoPages = errors.New("no pages found in this directory")

// Withheld reports whether the Outcome is a page judged spam from top to
// bottom whose text is left out of the output.
func (o Outcome) Withheld(keepSpam bool) bool {
	return o.Result != nil && o.Result.Spam && !keepSpam
}

// Batch cleans inputs with a pool of workers and delivers outcomes in Input
// order, each as soon as it and all before it are done. A WARC file is
// many pages, read one record at a time as the workers take them (see
// warcJobs).
type Batch struct {
	Cleaner  *clean.Cleaner
	Fetcher  *Fetcher // for inputs that are URLs
	Kind     clean.InputKind
	Stdin    io.Reader // the input "-"
	Workers  int
	PageURL  string // the address of the one file or stdin input, if known
	MaxBytes int64  // for each page of a WARC file, after decoding
}

// window is how many outcomes may wait behind a slow page.
const window = 1024

// job is one thing for a worker: an input, a page read from a WARC file, or
// an Outcome known already (a corrupt record, a note).
type job struct {
	in    Input
	page  *clean.Input
	known *Outcome
}

// Run cleans inputs and calls emit with each outcome, in input order, from
// one goroutine. It returns when every input has its outcome, or when emit
// fails (the error returned, wrapped) or ctx is done (the inputs not reached
// get ctx's error as their outcome).
func (b *Batch) Run(ctx context.Context, inputs []Input, emit func(Outcome) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// order holds each job's slot in Input order. Its capacity bounds the
	// outcomes done but not yet written (cleaned text, far smaller than
	// pages) behind a slow page, so that memory stays bounded on a WARC
	// file of any length, while the other workers go on cleaning meanwhile.
	// Raw pages not yet cleaned are at most one per worker and one read
	// ahead (jobs is unbuffered).
	order := make(chan chan Outcome, max(window, 4*b.Workers))
	jobs := make(chan func())
	var wg sync.WaitGroup
	for range b.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for do := range jobs {
				do()
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		rest := b.jobs(ctx, inputs, func(j job) bool {
			// Every job gets its slot, so that every input has an Outcome
			// (the emitter drains order to the end).
			slot := make(chan Outcome, 1)
			order <- slot
			if j.known != nil {
				slot <- *j.known
				return ctx.Err() == nil
			}
			select {
			case jobs <- func() { slot <- b.one(ctx, j) }:
				return true
			case <-ctx.Done():
				slot <- Outcome{Source: j.source(), Err: ctx.Err()}
				return false
			}
		})
		for _, in := range rest {
			slot := make(chan Outcome, 1)
			slot <- Outcome{Source: in.Source, Err: ctx.Err()}
			order <- slot
		}
	}()
	var err error
	for slot := range order {
		o := <-slot
		if err == nil {
			if err = emit(o); err != nil {
				cancel() // the output is broken: stop, but drain the workers
			}
		}
	}
	wg.Wait()
	if err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return ctx.Err()
}

func (j job) source() string {
	if j.page != nil {
		return j.page.Source
	}
	return j.in.Source
}

// jobs yields the jobs of inputs in order, until yield says stop (the batch
// is cancelled), and returns the inputs it did not get to. A file (or
// standard input) that holds a WARC file yields its pages, its corrupt
// records and a note counting the records skipped.
func (b *Batch) jobs(ctx context.Context, inputs []Input, yield func(job) bool) (rest []Input) {
	for i, in := range inputs {
		if ctx.Err() != nil {
			return inputs[i:]
		}
		ok := true
		switch {
		case in.Err != nil || in.IsURL:
			ok = yield(job{in: in})
		case in.Source == "-":
			br := bufio.NewReaderSize(b.Stdin, 4096)
			b.Stdin = br // the worker reads what was peeked at
			if head, _ := br.Peek(4096); warcin.Sniff(head) {
				ok = b.warcJobs(ctx, in.Source, br, yield)
			} else {
				ok = yield(job{in: in})
			}
		case isWARCFile(in.Source):
			ok = b.warcFileJobs(ctx, in.Source, yield)
		default:
			ok = yield(job{in: in})
		}
		if !ok {
			return inputs[i+1:]
		}
	}
	return nil
}

// warcFileJobs is warcJobs of the file at path.
func (b *Batch) warcFileJobs(ctx context.Context, path string, yield func(job) bool) bool {
	f, err := regfile.Open(path)
	if err != nil {
		return yield(job{known: &Outcome{Source: path, Err: err}})
	}
	defer f.Close()
	return b.warcJobs(ctx, path, f, yield)
}

// isWARCFile reports whether the file at path begins as a WARC file does,
// plain or gzip.
func isWARCFile(path string) bool {
	f, err := regfile.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return warcin.Sniff(head[:n])
}

// warcJobs yields the pages of the WARC file r (named name) one record at a
// time, each with the record's target URI and HTTP Content-Type; a record
// that cannot be read is an Outcome of its own, named name#offset, and the
// records that hold no page are counted in one note at the end. It reports
// whether yield wants more.
func (b *Batch) warcJobs(ctx context.Context, name string, r io.Reader, yield func(job) bool) bool {
	fail := func(source string, err error) bool {
		return yield(job{known: &Outcome{Source: source, Err: fmt.Errorf("%s: %w", name, err)}})
	}
	rd, err := warcin.NewReader(r)
	if err != nil {
		return fail(name, fmt.Errorf("WARC: %w", err))
	}
	skipped := map[string]int{}
	for ctx.Err() == nil {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			source := name
			if re := (*warcin.RecordError)(nil); errors.As(err, &re) {
				source = name + "#" + re.Where()
			}
			if !fail(source, err) {
				return false
			}
			continue
		}
		source := name + "#" + rec.Where()
		page, skip, err := warcin.ReadPage(rec, b.MaxBytes)
		switch {
		case skip != "":
			skipped[skip]++
		case err != nil:
			if !fail(source, &warcin.RecordError{Offset: rec.Offset, InMember: rec.InMember, Err: err}) {
				return false
			}
		default:
			ci := &clean.Input{Source: source, URL: page.URL, ContentType: page.ContentType, Data: page.Body, Kind: b.Kind}
			if ci.URL == "" {
				ci.URL = b.PageURL
			}
			if !yield(job{page: ci}) {
				return false
			}
		}
	}
	if note := skipNote(skipped); note != "" {
		return yield(job{known: &Outcome{Source: name, Note: name + ": " + note}})
	}
	return true
}

// skipNote says how many records were skipped and why.
func skipNote(skipped map[string]int) string {
	total := 0
	var parts []string
	for _, why := range []string{warcin.SkipType, warcin.SkipNotHTML, warcin.SkipStatus} {
		if n := skipped[why]; n > 0 {
			total += n
			parts = append(parts, fmt.Sprintf("%d %s", n, why))
		}
	}
	if total == 0 {
		return ""
	}
	records := "records"
	if total == 1 {
		records = "record"
	}
	return fmt.Sprintf("%d WARC %s skipped (%s)", total, records, strings.Join(parts, ", "))
}

func (b *Batch) one(ctx context.Context, j job) Outcome {
	in := j.in
	if j.page != nil {
		o := Outcome{Source: j.page.Source}
		o.Result, o.Err = b.Cleaner.Clean(ctx, *j.page)
		return o
	}
	o := Outcome{Source: in.Source}
	if in.Err != nil {
		o.Err = in.Err
		return o
	}
	ci := clean.Input{Source: in.Source, Kind: b.Kind}
	switch {
	case in.Source == "-":
		ci.Body = b.Stdin
		ci.URL = b.PageURL
	case in.IsURL:
		page, err := b.Fetcher.Fetch(ctx, in.Source)
		if err != nil {
			o.Err = err
			return o
		}
		ci.URL, ci.ContentType, ci.Data = page.URL, page.ContentType, page.Body
	default:
		f, err := regfile.Open(in.Source)
		if err != nil {
			o.Err = err
			return o
		}
		defer f.Close()
		ci.Body = f
		if ci.URL = b.PageURL; ci.URL == "" {
			ci.URL = sourceURL(in.Source)
		}
	}
	o.Result, o.Err = b.Cleaner.Clean(ctx, ci)
	return o
}

// sourceURL reads the optional source.url beside a fixture input.
func sourceURL(path string) string {
	data, err := regfile.Read(filepath.Join(filepath.Dir(path), "source.url"), 64<<10)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(data))
}

// Fetcher gets one page over HTTP for `winnow clean URL`, with a timeout, a
// size limit and an honest User-Agent. Its connections go through a
// netguard.Guard: neither the URL nor a redirect reaches a loopback,
// private or link-local address (169.254.169.254) unless --allow-private.
type Fetcher struct {
	client    *http.Client
	userAgent string
	maxBytes  int64
}

// Page is a page fetched: its final URL (after redirects), its
// Content-Type and its body.
type Page struct {
	URL, ContentType string
	Body             []byte
}

// NewFetcher returns a Fetcher sending ua as its User-Agent, giving up
// after timeout and refusing bodies over maxBytes.
func NewFetcher(ua string, timeout time.Duration, maxBytes int64, guard *netguard.Guard) *Fetcher {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = (&netguard.Dialer{Guard: guard, Dialer: &net.Dialer{Timeout: timeout}}).DialContext
	return &Fetcher{
		client: &http.Client{
			Transport: tr,
			Timeout:   timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= 10 {
					return fmt.Errorf("stopped after 10 redirects")
				}
				return nil
			},
		},
		userAgent: ua,
		maxBytes:  maxBytes,
	}
}

// printable reports whether s is printable ASCII: what a server sends is
// written to a terminal only then.
func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// Fetch gets the page at raw; its errors name raw.
func (f *Fetcher) Fetch(ctx context.Context, raw string) (*Page, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", raw, err)
	}
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		// net/http's error repeats the method and URL; the source leads.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		if errors.Is(err, netguard.ErrBlocked) {
			return nil, fmt.Errorf("%s: fetch: %w (--allow-private lets it through)", raw, err)
		}
		return nil, fmt.Errorf("%s: fetch: %w", raw, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// A server that is busy or down for a while may say when to come
		// back; a scheduled run's log should tell.
		if ra := resp.Header.Get("Retry-After"); ra != "" && len(ra) <= 64 && printable(ra) {
			return nil, fmt.Errorf("%s: fetch: HTTP %s (Retry-After: %s)", raw, resp.Status, ra)
		}
		return nil, fmt.Errorf("%s: fetch: HTTP %s", raw, resp.Status)
	}
	// A PDF, an image or a video is refused on its header, before its
	// body is read; a type that says nothing (octet-stream, gzip) is read
	// and its bytes sniffed.
	if ct := resp.Header.Get("Content-Type"); !input.TextType(ct) && !input.Sniffed(ct) {
		if !printable(ct) || len(ct) > 128 {
			ct = "?"
		}
		return nil, fmt.Errorf("%s: fetch: %w (Content-Type %s)", raw, clean.ErrBinary, ct)
	}
	if resp.ContentLength > f.maxBytes {
		return nil, fmt.Errorf("%s: fetch: %w (Content-Length %d)", raw, clean.ErrTooLarge, resp.ContentLength)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: fetch: %w", raw, err)
	}
	if int64(len(body)) > f.maxBytes {
		return nil, fmt.Errorf("%s: fetch: %w (%d bytes)", raw, clean.ErrTooLarge, f.maxBytes)
	}
	return &Page{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), Body: body}, nil
}
