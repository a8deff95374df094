package main

import (
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
	"github.com/winnowhq/winnow/internal/netguard"
	"github.com/winnowhq/winnow/internal/regfile"
)

// outcome is the result of one input.
type outcome struct {
	source string
	res    *clean.Result
	err    error
}

// warning is what deserves a word about an outcome that is no failure: an
// empty input, a page judged spam from top to bottom whose text is withheld
// (unless keepSpam), or a page whose text the rules removed entirely. One
// outcome gets one warning at most. Under --strict a warning fails the run
// too.
func (o outcome) warning(keepSpam bool) string {
	switch {
	case o.withheld(keepSpam):
		return fmt.Sprintf("spam page (score %.2f), text not output (--keep-spam outputs it)", o.res.Verdict.Score)
	case errors.Is(o.err, clean.ErrEmpty):
		// The page's error without its source, which the warning names:
		// it may say why the page is empty (an application shell).
		if pe := (*clean.PageError)(nil); errors.As(o.err, &pe) {
			return pe.Err.Error()
		}
		return clean.ErrEmpty.Error()
	case errors.Is(o.err, errNoPages):
		return errNoPages.Error()
	case o.err == nil && o.res != nil && o.res.Body == "":
		return "the rules removed all the text (see --explain)"
	}
	return ""
}

// errNoPages is the outcome of a directory that holds no page: a warning.
var errNoPages = errors.New("no pages found in this directory")

// withheld reports whether the outcome is a page judged spam from top to
// bottom whose text is left out of the output.
func (o outcome) withheld(keepSpam bool) bool {
	return o.res != nil && o.res.Spam && !keepSpam
}

// batch cleans inputs with a pool of workers and delivers outcomes in input
// order, each as soon as it and all before it are done.
type batch struct {
	cleaner *clean.Cleaner
	fetcher *fetcher
	kind    clean.InputKind
	stdin   io.Reader
	workers int
	pageURL string // --url: the address of the one file or stdin input
}

func (b *batch) run(ctx context.Context, inputs []input, emit func(outcome) error) error {
	slots := make([]chan outcome, len(inputs))
	for i := range slots {
		slots[i] = make(chan outcome, 1)
	}
	jobs := make(chan int)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for range min(b.workers, len(inputs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				slots[i] <- b.one(ctx, inputs[i])
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range inputs {
			select {
			case jobs <- i:
			case <-ctx.Done():
				for j := i; j < len(inputs); j++ {
					slots[j] <- outcome{source: inputs[j].source, err: ctx.Err()}
				}
				return
			}
		}
	}()
	var err error
	for i := range slots {
		o := <-slots[i]
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

func (b *batch) one(ctx context.Context, in input) outcome {
	o := outcome{source: in.source}
	if in.err != nil {
		o.err = in.err
		return o
	}
	ci := clean.Input{Source: in.source, Kind: b.kind}
	switch {
	case in.source == "-":
		ci.Body = b.stdin
		ci.URL = b.pageURL
	case in.isURL:
		page, err := b.fetcher.fetch(ctx, in.source)
		if err != nil {
			o.err = err
			return o
		}
		ci.URL, ci.ContentType, ci.Data = page.url, page.contentType, page.body
	default:
		f, err := regfile.Open(in.source)
		if err != nil {
			o.err = err
			return o
		}
		defer f.Close()
		ci.Body = f
		if ci.URL = b.pageURL; ci.URL == "" {
			ci.URL = sourceURL(in.source)
		}
	}
	o.res, o.err = b.cleaner.Clean(ctx, ci)
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

func defaultUserAgent() string {
	return "winnow/" + versionString() + " (+https://github.com/winnowhq/winnow)"
}

// fetcher gets one page over HTTP for `winnow clean URL`, with a timeout, a
// size limit and an honest User-Agent. Its connections go through a
// netguard.Guard: neither the URL nor a redirect reaches a loopback,
// private or link-local address (169.254.169.254) unless --allow-private.
type fetcher struct {
	client    *http.Client
	userAgent string
	maxBytes  int64
}

type fetched struct {
	url, contentType string
	body             []byte
}

func newFetcher(ua string, timeout time.Duration, maxBytes int64, guard *netguard.Guard) *fetcher {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = (&netguard.Dialer{Guard: guard, Dialer: &net.Dialer{Timeout: timeout}}).DialContext
	return &fetcher{
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

func (f *fetcher) fetch(ctx context.Context, raw string) (*fetched, error) {
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
		return nil, fmt.Errorf("%s: fetch: HTTP %s", raw, resp.Status)
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
	return &fetched{url: resp.Request.URL.String(), contentType: resp.Header.Get("Content-Type"), body: body}, nil
}
