package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/textnorm"
)

type wcxbPage struct {
	id, url, pageType string
	html              []byte
	title, author     string
	date              string
	markdown          string
}

// loadWCXB reads the first limit pages of the WCXB development split in dir
// (0: all), each decoded to UTF-8, with its labels (package bench's loader).
func loadWCXB(dir string, limit int) ([]wcxbPage, error) {
	all, err := bench.LoadWCXB(dir)
	if err != nil {
		return nil, fmt.Errorf("%w (see ../shared/bench/wcxb/README.md)", err)
	}
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	pages := make([]wcxbPage, 0, len(all))
	for _, p := range all {
		page, err := p.Read()
		if err != nil {
			return nil, err
		}
		pages = append(pages, wcxbPage{
			id: p.ID, url: p.URL, pageType: p.Type, html: page,
			title: p.Title, author: p.Author, date: p.Date, markdown: p.Markdown,
		})
	}
	return pages, nil
}

// byParity keeps the pages whose number (the id, 0001) is odd or even,
// as ids says; "" or "all" keeps them all.
func byParity(pages []wcxbPage, ids string) ([]wcxbPage, error) {
	var want int
	switch ids {
	case "", "all":
		return pages, nil
	case "odd":
		want = 1
	case "even":
		want = 0
	default:
		return nil, fmt.Errorf("-ids %q: want odd, even or all", ids)
	}
	var out []wcxbPage
	for _, p := range pages {
		n, err := strconv.Atoi(p.id)
		if err != nil {
			return nil, fmt.Errorf("-ids: page id %q is not a number", p.id)
		}
		if n%2 == want {
			out = append(out, p)
		}
	}
	return out, nil
}

// fieldScore counts one field for one system.
type fieldScore struct {
	labelled, right   int // pages with a label, and those given the right value
	unlabelled, given int // pages without a label, and those given a value anyway
}

func (f *fieldScore) add(label string, pred []string, match func(label string, pred []string) bool) bool {
	has := len(pred) > 0 && pred[0] != ""
	if label == "" {
		f.unlabelled++
		if has {
			f.given++
		}
		return true
	}
	f.labelled++
	if has && match(label, pred) {
		f.right++
		return true
	}
	return false
}

// system is one extractor's scores. date is the publication date alone;
// anyDate is the publication date or, when the page gives none, its
// modification date: WCXB labels the date a page shows, often its "updated
// on" date. go-trafilatura gives one date, counted in both.
type system struct{ title, author, date, anyDate fieldScore }

type structCount struct{ ref, found, pred int }

type structure struct{ headings, items, rows structCount }

type metaResult struct {
	winnow, traf     system
	winnowMD, trafMD structure
	pages            int
	failedW, failedT int
}

// measureWCXB cleans every page with winnow (and go-trafilatura when traf)
// and scores title, authors, dates, Markdown structure and language against
// the labels, printing the misses when asked. One pass over the pages for
// every measure, so that the CPU figures compare like with like: it runs a
// little past 80 lines for that.
func measureWCXB(ctx context.Context, c *clean.Cleaner, pages []wcxbPage, traf, misses, sources bool, stderr io.Writer) metaResult {
	var m metaResult
	m.pages = len(pages)
	kinds := make([]int, len(missKinds))
	if sources {
		defer func() {
			fmt.Fprintln(stderr, "title misses by where the label stands:")
			for i, k := range missKinds {
				fmt.Fprintf(stderr, "  %4d  %s\n", kinds[i], k)
			}
		}()
	}
	for _, p := range pages {
		// winnow
		var wTitle, wDate, wAnyDate, wModified string
		var wAuthors []string
		var wMD string
		res, err := c.Clean(ctx, clean.Input{Source: p.id, URL: p.url, ContentType: "text/html; charset=utf-8", Kind: clean.InputHTML, Data: p.html})
		if err != nil {
			m.failedW++
			if misses {
				fmt.Fprintf(stderr, "failed %s %s: %v\n", p.id, p.pageType, err)
			}
		}
		if res != nil { // an empty page (clean.ErrEmpty) still has its metadata
			// The page's date: WCXB labels the date a page shows, its
			// update date where it shows only that.
			wTitle, wAuthors, wDate, wAnyDate, wModified = res.Title, res.Authors, res.Published, res.Published, res.Modified
			if wAnyDate == "" {
				wAnyDate = res.Modified
			}
			if err == nil {
				wMD = clean.Markdown(res, clean.MarkdownOptions{})
			}
		}
		okT := m.winnow.title.add(p.title, []string{wTitle}, titleMatch)
		okA := m.winnow.author.add(p.author, wAuthors, authorMatch)
		okD := m.winnow.date.add(p.date, []string{wDate}, dateMatch)
		m.winnow.anyDate.add(p.date, []string{wAnyDate}, dateMatch)
		if misses {
			if !okT {
				fmt.Fprintf(stderr, "title  %s %s: got %q want %q\n", p.id, p.pageType, wTitle, p.title)
				if sources {
					src := titleSources(p.html)
					for _, s := range src {
						fmt.Fprintf(stderr, "       %s\n", s)
					}
					k := missKind(p.title, src)
					kinds[k]++
					fmt.Fprintf(stderr, "       label: %s\n", missKinds[k])
				}
			}
			if p.author == "" && len(wAuthors) > 0 {
				fmt.Fprintf(stderr, "invented author %s %s: %q %s\n", p.id, p.pageType, wAuthors, p.url)
			}
			if p.date == "" && wDate != "" {
				fmt.Fprintf(stderr, "invented date %s %s: %q (modified %q) %s\n", p.id, p.pageType, wDate, wModified, p.url)
			}
			if !okA {
				fmt.Fprintf(stderr, "author %s %s: got %q want %q\n", p.id, p.pageType, wAuthors, p.author)
			}
			if !okD {
				fmt.Fprintf(stderr, "date   %s %s: got %q (modified %q) want %q %s\n", p.id, p.pageType, wDate, wModified, p.date, p.url)
			}
		}
		// go-trafilatura
		var tTitle, tDate string
		var tAuthors []string
		var tNode *html.Node
		if traf { // else go-trafilatura's columns stay empty
			var failed bool
			tTitle, tAuthors, tDate, tNode, failed = trafPage(p)
			if failed {
				m.failedT++
			}
		}
		m.traf.title.add(p.title, []string{tTitle}, titleMatch)
		m.traf.author.add(p.author, tAuthors, authorMatch)
		m.traf.date.add(p.date, []string{tDate}, dateMatch)
		m.traf.anyDate.add(p.date, []string{tDate}, dateMatch)
		// structure
		ref := markdownItems(p.markdown)
		m.winnowMD.add(ref, markdownItems(wMD))
		m.trafMD.add(ref, nodeItems(tNode))
	}
	return m
}

// trafPage is what go-trafilatura reads of a page: its title, authors,
// date and content node; failed says it failed on a page that parsed.
func trafPage(p wcxbPage) (title string, authors []string, date string, node *html.Node, failed bool) {
	doc, err := html.Parse(bytes.NewReader(p.html))
	if err != nil {
		return "", nil, "", nil, false
	}
	opts := trafilatura.Options{}
	if u, err := url.ParseRequestURI(p.url); err == nil {
		opts.OriginalURL = u
	}
	r, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return "", nil, "", nil, true
	}
	title = r.Metadata.Title
	if r.Metadata.Author != "" {
		authors = strings.Split(r.Metadata.Author, "; ")
	}
	if !r.Metadata.Date.IsZero() {
		date = r.Metadata.Date.Format("2006-01-02")
	}
	return title, authors, date, r.ContentNode, false
}

// titleMatch: the titles are equal once case, punctuation and spacing are
// folded away.
func titleMatch(label string, pred []string) bool { return fold(label) == fold(pred[0]) }

// authorMatch: the first author named equals the label once folded, or one
// holds the other as a run of whole words of at least two words (the label
// "Jillian Kubala, MS, RD" and the page's "Jillian Kubala"; "Pierce
// Freeman" and "Pierce Freeman, Pierce Freeman"), or all the authors
// together equal the label ("A, B" for a label naming two).
//
// A label written surname first ("Kaufman, Jeff T.", as citation tags
// write names) also matches the same name in reading order: the order is a
// format, not another person.
func authorMatch(label string, pred []string) bool {
	l, p := fold(label), fold(pred[0])
	if l == p || fold(strings.Join(pred, " ")) == l {
		return true
	}
	if last, given, ok := strings.Cut(label, ", "); ok && !strings.Contains(given, ",") && !strings.Contains(last, " ") && fold(given+" "+last) == p {
		return true
	}
	contains := func(a, b string) bool {
		return strings.Count(b, " ") >= 1 && strings.Contains(" "+a+" ", " "+b+" ")
	}
	return contains(l, p) || contains(p, l)
}

// dateMatch: the same day (the label is a date, YYYY-MM-DD).
func dateMatch(label string, pred []string) bool {
	return len(pred[0]) >= len(label) && pred[0][:len(label)] == label
}

func fold(s string) string { return textnorm.Key(s) }

func printMeta(w io.Writer, m metaResult) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Metadata on WCXB dev (%d pages; winnow failed %d, go-trafilatura failed %d)\n", m.pages, m.failedW, m.failedT)
	fmt.Fprintln(tw, "field\twinnow right\tgo-trafilatura right\twinnow invented\tgo-trafilatura invented")
	row := func(name string, a, b fieldScore) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", name, pct(a.right, a.labelled), pct(b.right, b.labelled), pct(a.given, a.unlabelled), pct(b.given, b.unlabelled))
	}
	row("title", m.winnow.title, m.traf.title)
	row("author", m.winnow.author, m.traf.author)
	row("date (published)", m.winnow.date, m.traf.date)
	row("date (published, else modified)", m.winnow.anyDate, m.traf.anyDate)
	tw.Flush()
}

// items is the structure of one page: folded keys of its headings, list
// items and table rows.
type items struct{ headings, items, rows []string }

func (s *structure) add(ref, pred items) {
	count := func(c *structCount, r, p []string) {
		set := map[string]bool{}
		for _, k := range p {
			set[k] = true
		}
		c.ref += len(r)
		c.pred += len(p)
		for _, k := range r {
			if set[k] {
				c.found++
			}
		}
	}
	count(&s.headings, ref.headings, pred.headings)
	count(&s.items, ref.items, pred.items)
	count(&s.rows, ref.rows, pred.rows)
}

func printStructure(w io.Writer, m metaResult) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\nMarkdown structure on WCXB dev: labelled items found in the output (its own count in brackets)\n")
	fmt.Fprintln(tw, "item\tlabelled\twinnow found\tgo-trafilatura found")
	row := func(name string, a, b structCount) {
		fmt.Fprintf(tw, "%s\t%d\t%s [%d]\t%s [%d]\n", name, a.ref, pct(a.found, a.ref), a.pred, pct(b.found, b.ref), b.pred)
	}
	row("headings", m.winnowMD.headings, m.trafMD.headings)
	row("list items", m.winnowMD.items, m.trafMD.items)
	row("table rows", m.winnowMD.rows, m.trafMD.rows)
	tw.Flush()
}
