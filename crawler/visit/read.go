package visit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/winnowhq/winnow/crawler/commit"
	"github.com/winnowhq/winnow/crawler/fetch"
	"github.com/winnowhq/winnow/crawler/frontier"
	"github.com/winnowhq/winnow/crawler/links"
	"github.com/winnowhq/winnow/crawler/output"
)

func (v *Visitor) failure(e frontier.Entry, err error, status int, r *fetch.Response, prev frontier.State, known bool, res commit.Result, ev Outcome) (commit.Result, Outcome) {
	var hdr http.Header
	if r != nil {
		hdr = r.Header
	}
	wait, over := v.opt.Backoff(e.Attempts, hdr)
	if over != nil {
		err = fmt.Errorf("%w: %w", err, over)
		e.Attempts = v.opt.Retries
	}
	ev.Err = err
	if fetch.Retryable(err, status) && e.Attempts < v.opt.Retries {
		e.Attempts++
		e.NotBefore = time.Now().Add(wait)
		res.Entry, res.Done, res.Retry = e, false, true
		ev.Kind = EventRetry
		return res, ev
	}
	st := prev
	if !known {
		st = frontier.State{}
	}
	st.Status, st.Err = status, err.Error()
	res.URL, res.State = e.URL, st
	ev.Kind = EventFailed
	if errors.Is(err, fetch.ErrNotHTML) {
		ev.Kind = EventSkipped
	}
	return res, ev
}

// readXML follows the URLs of a sitemap or a feed.
func (v *Visitor) readXML(e frontier.Entry, r *fetch.Response, st frontier.State, res commit.Result, ev Outcome) (commit.Result, Outcome) {
	found, err := func() ([]links.XMLLink, error) {
		defer staged("links")
		found, _, err := links.XML(r.Body, r.ContentType, MaxSitemapLinks)
		return found, err
	}()
	if err != nil {
		st.Err = err.Error()
		res.State = st
		ev.Kind, ev.Err = EventFailed, fmt.Errorf("%s: %w", e.URL, err)
		return res, ev
	}
	st.Links = st.Links[:0]
	for _, l := range found {
		// The pages a sitemap or feed lists are at its depth; a sitemap
		// named by a sitemap index is a hop, so an index chain ends.
		depth, kind := e.Depth, frontier.KindPage
		if l.Sitemap {
			depth, kind = depth+1, frontier.KindSitemap
		}
		if u := v.opt.Scope.Resolve(e.URL, l.URL, depth); u != "" {
			st.Links = append(st.Links, frontier.Link{URL: u, Kind: kind, Article: !l.Sitemap, SameDepth: !l.Sitemap})
		}
	}
	st.Hash, st.File = "", ""
	res.State = st
	res.Enqueue = v.linkEntries(st.Links, e.Depth)
	ev.Kind = EventFollowed
	return res, ev
}

// readHTML follows the links of a page and writes it when it is an article
// whose clean text is new or changed.
func (v *Visitor) readHTML(ctx context.Context, e frontier.Entry, r *fetch.Response, st frontier.State, rewrite bool, res commit.Result, ev Outcome) (commit.Result, Outcome) {
	body := fetch.DecodeHTML(r.Body, r.ContentType)
	base, _ := url.Parse(e.URL)
	pi := func() links.Page {
		defer staged("links")
		return links.HTML(ctx, body, base, v.opt.MaxLinks)
	}()
	ev.LinksCut = pi.Cut
	if err := context.Cause(ctx); err != nil {
		st.Err = err.Error()
		res.State = st
		ev.Kind, ev.Err = EventFailed, fmt.Errorf("%s: %w", e.URL, err)
		return res, ev
	}
	var deep []frontier.Entry
	st.Links, deep = v.pageLinks(st.Links[:0], e, pi)
	if pi.Canonical != "" {
		// A hop, like a redirect: a chain of pages naming ever new
		// canonical URLs ends at max_depth.
		if cu := v.opt.Scope.Resolve(e.URL, pi.Canonical, e.Depth+1); cu != "" && cu != e.URL {
			// The page names another URL as itself: that one is written.
			st.Links = append(st.Links, frontier.Link{URL: cu, Article: e.Article})
			st.Hash, st.File = "", ""
			res.State = st
			res.Enqueue = append(v.linkEntries(st.Links, e.Depth), deep...)
			ev.Kind = EventFollowed
			return res, ev
		}
	}
	res.Enqueue = append(v.linkEntries(st.Links, e.Depth), deep...)
	if pi.NoIndex || !v.isArticle(e, pi) {
		st.Hash, st.File = "", ""
		res.State = st
		ev.Kind = EventFollowed
		return res, ev
	}
	page := &Page{
		URL: e.URL, FetchURL: e.URL, Status: r.Status, Header: r.Header,
		ContentType: "text/html; charset=utf-8", Body: body, Depth: e.Depth, FetchedAt: r.At,
	}
	title, text, err := v.callExtract(ctx, page)
	if cause := context.Cause(ctx); cause != nil && errors.Is(cause, ErrPageTimeout) {
		err = cause // Extract gave up or ran over: the page timed out
	}
	var se *SpamError
	if errors.As(err, &se) {
		return v.spam(e, r, st, title, se, res, ev)
	}
	if err == nil && strings.TrimSpace(text) == "" {
		if v.opt.WriteAll && !v.looksArticle(e, pi) {
			// pages: all writes listings too, but a link-only index page
			// has no text to write: followed, not failed.
			st.Hash, st.File = "", ""
			res.State = st
			ev.Kind = EventFollowed
			return res, ev
		}
		err = errors.New("no text")
	}
	if err != nil {
		st.Err = err.Error()
		res.State = st
		ev.Kind, ev.Err = EventFailed, fmt.Errorf("extract %s: %w", e.URL, err)
		if errors.Is(err, ErrUnwanted) {
			ev.Kind = EventSkipped
		}
		return res, ev
	}
	ev.Cleaned = true
	hash := output.Hash(title, text)
	if hash == st.Hash && !rewrite {
		st.Recheck = v.backoff(st.Recheck)
		res.State = st
		ev.Kind = EventUnchanged
		return res, ev
	}
	return v.write(e, r, st, title, text, hash, rewrite, page, res, ev)
}

// callExtract is Extract, a panic in it named "extract".
func (v *Visitor) callExtract(ctx context.Context, page *Page) (title, text string, err error) {
	defer staged("extract")
	return v.extract(ctx, page)
}

// pageLinks appends to out the links and feeds of page e that the scope
// admits (no links under nofollow). It returns apart, as entries, those the
// scope admits but for max_depth: not remembered in the page's state, they
// go to the store only to be counted (frontier.Limits.Depth).
func (v *Visitor) pageLinks(out []frontier.Link, e frontier.Entry, pi links.Page) ([]frontier.Link, []frontier.Entry) {
	var deep []frontier.Entry
	add := func(l string, kind frontier.EntryKind) {
		if u := v.opt.Scope.Resolve(e.URL, l, e.Depth+1); u != "" {
			out = append(out, frontier.Link{URL: u, Kind: kind})
		} else if u := v.tooDeep(e.URL, l, e.Depth+1); u != "" {
			deep = append(deep, frontier.Entry{URL: u, Kind: kind, Depth: e.Depth + 1})
		}
	}
	if !pi.NoFollow {
		for _, l := range pi.Links {
			add(l, frontier.KindPage)
		}
	}
	for _, l := range pi.Feeds {
		add(l, frontier.KindFeed)
	}
	return out, deep
}

// tooDeep returns the canonical URL of ref when the scope refuses it at
// depth for max_depth alone; otherwise "".
func (v *Visitor) tooDeep(from, ref string, depth int) string {
	if v.opt.Scope.MaxDepth <= 0 || depth <= v.opt.Scope.MaxDepth {
		return ""
	}
	return v.opt.Scope.Resolve(from, ref, 0)
}

// spam records a page Extract judged spam from top to bottom: no article
// file, and an index line the first time only.
func (v *Visitor) spam(e frontier.Entry, r *fetch.Response, st frontier.State, title string, se *SpamError, res commit.Result, ev Outcome) (commit.Result, Outcome) {
	known := st.Hash == spamHash
	st.Hash, st.Err = spamHash, ""
	st.Recheck = v.backoff(st.Recheck)
	b, jerr := json.Marshal(output.IndexLine{URL: e.URL, File: st.File, Status: "spam", FetchedAt: r.At, Title: title, Hash: spamHash, Spam: true, SpamScore: se.Score})
	if jerr == nil && !known {
		res.Line = b // recorded once; a page still spam is not indexed again
	}
	res.State = st
	ev.Kind, ev.Err = EventSpam, se
	return res, ev
}

// write writes a new or changed article and its index line.
func (v *Visitor) write(e frontier.Entry, r *fetch.Response, st frontier.State, title, text, hash string, rewrite bool, page *Page, res commit.Result, ev Outcome) (commit.Result, Outcome) {
	isNew := st.Hash == "" || rewrite // a file deleted by hand is new again on disk
	st.Recheck = v.opt.Recheck
	if st.File == "" && v.opt.Files {
		st.File = output.FileName(e.URL)
	}
	line := output.IndexLine{URL: e.URL, File: st.File, Status: "changed", FetchedAt: r.At, Title: title, Hash: hash, Bytes: len(text), Metadata: page.Metadata}
	if isNew {
		line.Status = "new"
	}
	if !v.opt.Files {
		line.Text = text
	} else {
		data := []byte(title + "\n\n" + text + "\n")
		if !output.SameFile(v.opt.OutputDir, st.File, data) {
			if err := output.WriteFile(v.opt.OutputDir, st.File, data); err != nil {
				ev.Kind, ev.Err = EventFailed, fmt.Errorf("%s: %w: %w", e.URL, ErrOutput, err)
				return res, ev
			}
		}
	}
	b, err := json.Marshal(line)
	if err != nil {
		ev.Kind, ev.Err = EventFailed, err
		return res, ev
	}
	st.Hash = hash
	res.State, res.Line = st, b
	ev.Kind, ev.New = EventWritten, isNew
	return res, ev
}

// spamHash is the text hash kept for a page judged spam (no text hash can
// equal it), so that it is indexed once and not again while it stays spam.
const spamHash = "spam"

func (v *Visitor) isArticle(e frontier.Entry, pi links.Page) bool {
	return v.opt.WriteAll || v.looksArticle(e, pi)
}

// looksArticle reports whether e is an article by the job's article
// patterns or, without them, by its link and markup.
func (v *Visitor) looksArticle(e frontier.Entry, pi links.Page) bool {
	if len(v.opt.Articles) > 0 {
		for _, re := range v.opt.Articles {
			if re.MatchString(e.URL) {
				return true
			}
		}
		return false
	}
	return e.Article || pi.Article
}

// linkEntries turns the links of a page at depth into frontier entries,
// those the job's scope allows now: links remembered from an earlier run
// were in the scope of that run's job file.
func (v *Visitor) linkEntries(links []frontier.Link, depth int) []frontier.Entry {
	out := make([]frontier.Entry, 0, len(links))
	for _, l := range links {
		d := depth + 1
		if l.SameDepth {
			d = depth
		}
		if !v.opt.Scope.Admits(l.URL, d) {
			continue
		}
		out = append(out, frontier.Entry{URL: l.URL, Kind: l.Kind, Depth: d, Article: l.Article})
	}
	return out
}
