package metadata

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/winnowhq/winnow/metadata/byline"
	"github.com/winnowhq/winnow/metadata/dateparse"
)

// publishedKeys and modifiedKeys are the meta names and properties (lower
// case) that carry the dates, most trusted first.
var (
	publishedKeys = []string{"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
		"article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "citation_publication_date", "published", "date"}
	modifiedKeys = []string{"article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified", "article.updated"}
)

// dates decides the publication and modification dates; thread says the
// page is a discussion, listing that it is a listing or a collection.
func dates(s *sources, pageURL *url.URL, thread, listing bool) (published, modified string) {
	// A JSON-LD date of a work that is not writing (a video on a product
	// page), or of a WebPage (WordPress gives every page one), is a
	// publication date only where the page shows a date too.
	show := shown(s, pageURL)
	// A written work's JSON-LD date counts where the page shows no
	// date, unless its og:type says it is a site's page ("website"), not
	// an article: the two say different things, and nothing seen
	// settles it (a wiki's or a shop's template stamps every page).
	ldDated := show || s.ld.Written && (thread || !strings.EqualFold(s.head.meta["og:type"], "website"))
	var cands []string
	if ldDated {
		cands = append(cands, s.ld.Published)
	}
	for _, k := range publishedKeys {
		cands = append(cands, s.head.meta[k])
	}
	// Publication times on more than two days are a listing's teasers',
	// unless the page is a thread, whose first post's comes first.
	if thread || days(s.dates.pubTimes) <= 2 {
		cands = append(cands, s.dates.pubTimes...)
	}
	if article(s) && showsDay(s, s.ld.Page.Published) {
		// A WebPage's dates are on every page of some sites (their
		// contact page too): only an article's are its publication,
		// and only when the page shows that day.
		cands = append(cands, s.ld.Page.Published)
	}
	published = firstDate(cands)
	if published == "" {
		// A <time> marked as the modification time is not the
		// publication's.
		published = onlyDate(unmarked(s.dates.times, s.dates.modTimes), dateparse.Any)
	}
	if published == "" && (len(s.h1) == 1 || thread) {
		// Times on several days: the one in the header around the
		// headline is the page's; the others are its teasers' or
		// comments'. (Several headlines outside a thread are a
		// listing's.)
		published = onlyDate(unmarked(nearTimes(s), s.dates.modTimes), dateparse.Any)
	}
	if published == "" {
		published = dateparse.InURL(pageURL.Path)
	} else if u := dateparse.InURL(pageURL.Path); u != "" && nextDay(u, published) {
		// A time in UTC can fall on the next day; the day in the URL is
		// the one the publisher wrote.
		published = u
	}
	// A listing's date line by its headline, or a date a label
	// introduces on it, is its first item's (a teaser's, an event's, a
	// post's): measured on WCXB dev, the three listings dated so have no
	// date of their own, and none with a labelled date was dated so.
	if published == "" && !listing {
		published = keyedDate(s)
	}
	if published == "" && !stamps(s.dates.dateTexts) {
		published = onlyDate(s.dates.dateTexts, dateparse.Text)
	}
	if published == "" && !listing && (len(s.h1) == 1 || thread) {
		// Several days after the headline are a listing's teasers.
		published = onlyDate(s.dates.headDates, dateparse.Text)
	}
	return published, modifiedDate(s, ldDated, article(s) && show, published)
}

// modifiedDate decides the modification date, as dates the publication
// date: ldDated says whether the JSON-LD dates count, pageDated whether
// the WebPage's do. A modification before the day of published is none.
func modifiedDate(s *sources, ldDated, pageDated bool, published string) string {
	var cands []string
	if ldDated {
		cands = append(cands, s.ld.Modified)
	}
	for _, k := range modifiedKeys {
		cands = append(cands, s.head.meta[k])
	}
	cands = append(cands, s.dates.modTimes...)
	if pageDated {
		cands = append(cands, s.ld.Page.Modified)
	}
	modified := firstDate(cands)
	if modified == "" {
		modified = firstDate(s.dates.keyDates[byline.Modified])
	}
	if published != "" && modified != "" && modified[:10] < published[:10] {
		modified = ""
	}
	return modified
}

// keyedDays is how many different days the dates a visible label
// introduces as publication dates may name and still be one page's.
const keyedDays = 2

// keyedDate is the first date a visible label introduces as the
// publication date ("Published: July 9, 2025"). Labels on more than
// keyedDays days are a list's (a changelog's entries, a feed's teasers):
// the first is the page's only when the date line around its headline
// shows that day too.
func keyedDate(s *sources) string {
	keyed := s.dates.keyDates[byline.Published]
	d := firstDate(keyed)
	if d == "" || days(keyed) <= keyedDays {
		return d
	}
	for _, h := range s.dates.headDates {
		if len(h) >= 10 && h[:10] == d[:10] { // headDates are parsed dates
			return d
		}
	}
	return ""
}

// stampShare is how many date-classed texts per one that names a day
// make them a list's stamps (see stamps).
const stampShare = 4

// stamps reports whether the date-classed texts vals mostly name no day:
// a feed's or a discussion's relative stamps ("3y", "Updated 7mo", "2h
// ago") beside one or two absolute ones. Their dates are the items', and
// the one absolute date among them is an item's, not the page's.
// Measured on WCXB dev: one page dated so (odd half; a question's answers
// stamped "3y" and one "Dec 31, 2024") had no labelled date, one (even
// half) a wrong one; no right date lost.
func stamps(vals []string) bool {
	if len(vals) < stampShare {
		return false
	}
	dated := 0
	for _, v := range vals {
		if dateparse.Text(v) != "" {
			dated++
		}
	}
	return dated*stampShare < len(vals)
}

// nearTimes are the times in the header around the page's headline.
func nearTimes(s *sources) []string {
	var out []string
	for _, t := range s.dates.placedTimes {
		if nearHeadline(s, t.at) {
			out = append(out, t.text)
		}
	}
	return out
}

// shown reports whether the page shows a date: a <time>, a labelled or
// classed date, a date line under the headline, or a date in its URL.
func shown(s *sources, pageURL *url.URL) bool {
	return anyTime(s.dates.times) || anyTime(s.dates.pubTimes) || len(s.dates.keyDates[byline.Published]) > 0 || len(s.dates.keyDates[byline.Modified]) > 0 ||
		onlyDate(s.dates.dateTexts, dateparse.Text) != "" || len(s.dates.headDates) > 0 || dateparse.InURL(pageURL.Path) != ""
}

// anyTime reports whether one of vals, the datetime values (or texts) of
// <time> elements, may be a time: not empty, not a duration ("PT8M17S",
// "P8M,17S": an audio clip's length). A day without its year ("Dec 23")
// is a date shown all the same.
func anyTime(vals []string) bool {
	for _, v := range vals {
		v = strings.TrimSpace(v)
		if v != "" && !(len(v) > 1 && (v[0] == 'P' || v[0] == 'p') && (v[1] == 'T' || v[1] == 't' || '0' <= v[1] && v[1] <= '9')) {
			return true
		}
	}
	return false
}

// showsDay reports whether the page shows the day of the date v: a
// <time>, a date-classed text, a labelled date or the date line around the
// headline names it.
func showsDay(s *sources, v string) bool {
	d := firstDate([]string{v})
	if d == "" {
		return false
	}
	day := d[:10]
	same := func(vals []string, parse func(string) string) bool {
		for _, x := range vals {
			if p := parse(x); p != "" && p[:10] == day {
				return true
			}
		}
		return false
	}
	return same(s.dates.times, dateparse.Any) || same(s.dates.pubTimes, dateparse.Any) || same(s.dates.dateTexts, dateparse.Text) || same(s.dates.headDates, dateparse.Text) ||
		same(s.dates.keyDates[byline.Published], dateparse.Any) || same(s.dates.keyDates[byline.Modified], dateparse.Any)
}

// article reports whether the page says it is an article: og:type, or a
// JSON-LD creative work.
func article(s *sources) bool {
	return s.ld.Found || strings.EqualFold(s.head.meta["og:type"], "article")
}

// firstDate is the first value that parses as a date: machine-readable,
// or written for people ("Oct 31, 2025") as some JSON-LD and meta values
// are.
func firstDate(vals []string) string {
	for _, v := range vals {
		if d := dateparse.ISO(v); d != "" {
			return d
		}
		if len(v) <= 40 {
			if d := dateparse.Text(v); d != "" {
				return d
			}
		}
	}
	return ""
}

// days counts the different days that vals name.
func days(vals []string) int {
	seen := map[string]bool{}
	for _, v := range vals {
		if d := dateparse.Any(v); d != "" {
			seen[d[:10]] = true
		}
	}
	return len(seen)
}

// onlyDate parses every value and returns the date when they all name the
// same day: a page with one date shown has it as its date; a page with
// several (a listing, a thread) has none that is surely its own.
func onlyDate(vals []string, parse func(string) string) string {
	found := ""
	for _, v := range vals {
		d := parse(v)
		if d == "" {
			continue
		}
		switch {
		case found == "":
			found = d
		case found[:10] != d[:10]:
			return ""
		}
	}
	return found
}

// nextDay reports whether the time t, given in UTC, falls on the day after
// the day d.
func nextDay(d, t string) bool {
	if !strings.HasSuffix(t, "Z") || len(t) < 10 {
		return false
	}
	dd, err1 := time.Parse(time.DateOnly, d)
	td, err2 := time.Parse(time.DateOnly, t[:10])
	return err1 == nil && err2 == nil && td.Sub(dd) == 24*time.Hour
}

// unmarked are the values of all that are not among marked.
func unmarked(all, marked []string) []string {
	if len(marked) == 0 {
		return all
	}
	var out []string
	for _, v := range all {
		if !slices.Contains(marked, v) {
			out = append(out, v)
		}
	}
	return out
}
