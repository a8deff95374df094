package metadata

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// publishedKeys and modifiedKeys are the meta names and properties (lower
// case) that carry the dates, most trusted first.
var (
	publishedKeys = []string{"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
		"article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "citation_publication_date", "published", "date"}
	modifiedKeys = []string{"article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified", "article.updated"}
)

// dates decides the publication and modification dates.
func dates(s *sources, pageURL *url.URL) (published, modified string) {
	// A JSON-LD date of a work that is not writing (a video on a product
	// page), or of a WebPage (WordPress gives every page one), is a
	// publication date only where the page shows a date too.
	show := shown(s, pageURL)
	var cands []string
	if s.ld.written || show {
		cands = append(cands, s.ld.published)
	}
	for _, k := range publishedKeys {
		cands = append(cands, s.meta[k])
	}
	cands = append(cands, s.pubTimes...)
	if article(s) && show {
		// A WebPage's dates are on every page of some sites (their
		// contact page too): only an article's are its publication.
		cands = append(cands, s.ld.pagePublished)
	}
	published = firstDate(cands)
	if published == "" {
		published = onlyDate(s.times, anyDate)
	}
	if published == "" {
		published = urlDate(pageURL.Path)
	} else if u := urlDate(pageURL.Path); u != "" && nextDay(u, published) {
		// A time in UTC can fall on the next day; the day in the URL is
		// the one the publisher wrote.
		published = u
	}
	if published == "" {
		published = firstDate(s.keyDates[published_])
	}
	if published == "" {
		published = onlyDate(s.dateTexts, textDate)
	}
	if published == "" && len(s.h1) == 1 {
		// Several days after the headline are a listing's teasers.
		published = onlyDate(s.headDates, textDate)
	}
	cands = cands[:0]
	if s.ld.written || show {
		cands = append(cands, s.ld.modified)
	}
	for _, k := range modifiedKeys {
		cands = append(cands, s.meta[k])
	}
	cands = append(cands, s.modTimes...)
	if article(s) && show {
		cands = append(cands, s.ld.pageModified)
	}
	modified = firstDate(cands)
	if modified == "" {
		modified = firstDate(s.keyDates[modified_])
	}
	if published != "" && modified != "" && modified[:10] < published[:10] {
		modified = ""
	}
	return published, modified
}

// shown reports whether the page shows a date: a <time>, a labelled or
// classed date, a date line under the headline, or a date in its URL.
func shown(s *sources, pageURL *url.URL) bool {
	return len(s.times) > 0 || len(s.pubTimes) > 0 || len(s.keyDates[published_]) > 0 || len(s.keyDates[modified_]) > 0 ||
		onlyDate(s.dateTexts, textDate) != "" || len(s.headDates) > 0 || urlDate(pageURL.Path) != ""
}

// article reports whether the page says it is an article: og:type, or a
// JSON-LD creative work.
func article(s *sources) bool {
	return s.ld.found || strings.EqualFold(s.meta["og:type"], "article")
}

// firstDate is the first value that parses as a date: machine-readable,
// or written for people ("Oct 31, 2025") as some JSON-LD and meta values
// are.
func firstDate(vals []string) string {
	for _, v := range vals {
		if d := isoDate(v); d != "" {
			return d
		}
		if len(v) <= 40 {
			if d := textDate(v); d != "" {
				return d
			}
		}
	}
	return ""
}

// anyDate parses a machine-readable date or, failing that, one written for
// people (<time>Mar 24, 2025</time> has no datetime).
func anyDate(s string) string {
	if d := isoDate(s); d != "" {
		return d
	}
	if len(s) <= 60 {
		return textDate(s)
	}
	return ""
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

var isoLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 Z0700",
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", time.RFC850,
}

var localLayouts = []string{"2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"}

var dateLayouts = []string{"2006-01-02", "2006/01/02", "2006.01.02", "20060102"}

// isoDate parses a machine-readable date and returns it in ISO 8601: with
// its time and offset when it has both, the day alone otherwise. It
// returns "" for what does not parse or is implausible.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 40 {
		return ""
	}
	for _, l := range isoLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return plausible(t, t.Format(time.RFC3339))
		}
	}
	for _, l := range localLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return plausible(t, t.Format("2006-01-02T15:04:05"))
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return plausible(t, t.Format(time.DateOnly))
		}
	}
	// A date followed by something else ("2025-09-04T10:00:00+0200 CEST").
	if m := isoPrefix.FindString(s); m != "" && m != s {
		return isoDate(m)
	}
	return ""
}

var isoPrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?`)

// plausible keeps dates from 1990 to a day after now.
func plausible(t time.Time, s string) string {
	if t.Year() < 1990 || t.After(time.Now().Add(48*time.Hour)) {
		return ""
	}
	return s
}

// urlDatePattern matches a date in a URL path: /2025/09/04/, /2025-09-04-,
// /20250904/.
var urlDatePattern = regexp.MustCompile(`/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/_-]|\.html?|$)|/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/`)

func urlDate(path string) string {
	m := urlDatePattern.FindStringSubmatch(path)
	if m == nil {
		return ""
	}
	y, mo, d := m[1], m[2], m[3]
	if y == "" {
		y, mo, d = m[4], m[5], m[6]
	}
	return ymd(y, mo, d)
}

func ymd(y, mo, d string) string {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(mo)
	di, _ := strconv.Atoi(d)
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Day() != di || int(t.Month()) != mi {
		return "" // 31 February
	}
	return plausible(t, t.Format(time.DateOnly))
}

// months maps month names and abbreviations, folded, in the languages the
// project meets, to their number. Data: add a language here.
var months = func() map[string]int {
	m := map[string]int{}
	for _, names := range []string{
		"january february march april may june july august september october november december",
		"jan feb mar apr may jun jul aug sep oct nov dec",
		"sept",
		"januar februar märz april mai juni juli august september oktober november dezember",
		"janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
		"enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
		"janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
		"gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
		"januari februari maart april mei juni juli augustus september oktober november december",
		"januari februari maret april mei juni juli agustus september oktober november desember",
	} {
		for i, n := range strings.Fields(names) {
			if n == "sept" {
				m[n] = 9
				continue
			}
			m[n] = i + 1
		}
	}
	return m
}()

var (
	textDMY = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?((?:19|20)\d{2})\b`)
	textMDY = regexp.MustCompile(`(?i)\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b`)
	textISO = regexp.MustCompile(`\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b`)
	textEU  = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b`)
)

// textDate finds a date written for people in a short text ("Published
// September 4, 2025", "4. September 2025", "04.09.2025"). Numeric dates
// with slashes are left alone: 04/09/2025 is April or September depending
// on the country.
func textDate(s string) string {
	if m := textISO.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3])
	}
	if m := textMDY.FindStringSubmatch(s); m != nil {
		if mo, ok := months[strings.ToLower(m[1])]; ok {
			return ymd(m[3], strconv.Itoa(mo), m[2])
		}
	}
	if m := textDMY.FindStringSubmatch(s); m != nil {
		if mo, ok := months[strings.ToLower(m[2])]; ok {
			return ymd(m[3], strconv.Itoa(mo), m[1])
		}
	}
	if m := textEU.FindStringSubmatch(s); m != nil {
		return ymd(m[3], m[2], m[1])
	}
	return ""
}

// dateKind says which date a visible label introduces.
type dateKind int

const (
	published_ dateKind = iota
	modified_
)

// dateLabels are the words that introduce a visible date, folded, by the
// date they introduce. Data: add a language here.
var dateLabels = []struct {
	word string
	kind dateKind
}{
	{"last updated", modified_}, {"updated", modified_}, {"page updated", modified_}, {"modified", modified_}, {"content current as of", modified_},
	{"aktualisiert", modified_}, {"mis à jour", modified_}, {"actualizado", modified_}, {"atualizado", modified_}, {"aggiornato", modified_}, {"diperbarui", modified_}, {"cập nhật", modified_},
	{"published", published_}, {"posted", published_}, {"written", published_}, {"date", published_},
	{"veröffentlicht", published_}, {"publié", published_}, {"publicado", published_}, {"pubblicato", published_}, {"diterbitkan", published_}, {"dipublikasikan", published_}, {"ngày đăng", published_}, {"đăng", published_},
}

// labelKind returns the kind of date a short text introduces, if it starts
// with a date label.
func labelKind(t string) (dateKind, bool) {
	t = strings.ToLower(strings.TrimSpace(t))
	if len(t) > 160 {
		return 0, false
	}
	for _, l := range dateLabels {
		if strings.HasPrefix(t, l.word) {
			rest := t[len(l.word):]
			if rest == "" || rest[0] == ' ' || rest[0] == ':' {
				return l.kind, true
			}
		}
	}
	return 0, false
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
