// Package dateparse reads dates as pages write them: machine-readable
// (ISO 8601, RFC 1123), written for people in the languages the project
// meets ("4. September 2025", "Sept 4th, 2025"), and in URL paths. Every
// function returns ISO 8601 or "" for what does not parse or is implausible
// (before 1990, or more than a day ahead).
package dateparse

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var isoLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 Z0700",
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", time.RFC850,
}

var localLayouts = []string{"2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"}

var dateLayouts = []string{"2006-01-02", "2006/01/02", "2006.01.02", "20060102"}

// ISO parses a machine-readable date and returns it in ISO 8601: with
// its time and offset when it has both, the day alone otherwise. It
// returns "" for what does not parse or is implausible.
func ISO(s string) string {
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
		return ISO(m)
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
// /2025-09-04+title, /20250904/; urlMonthPattern one with the month's name,
// /2023/october/03/.
var (
	urlDatePattern  = regexp.MustCompile(`/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/_+-]|\.html?|$)|/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/`)
	urlMonthPattern = regexp.MustCompile(`(?i)/((?:19|20)\d{2})/(\p{L}{3,10})/(0?[1-9]|[12]\d|3[01])(?:[/_+-]|\.html?|$)`)
)

// InURL returns the date in a URL path, the day alone.
func InURL(path string) string {
	m := urlDatePattern.FindStringSubmatch(path)
	if m == nil {
		if m = urlMonthPattern.FindStringSubmatch(path); m != nil {
			if mo := months[strings.ToLower(m[2])]; mo > 0 {
				return ymd(m[1], strconv.Itoa(mo), m[3])
			}
		}
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

// Month reports whether w is a month's name or abbreviation (any case, a
// trailing dot allowed).
func Month(w string) bool {
	_, ok := months[strings.ToLower(strings.TrimSuffix(w, "."))]
	return ok
}

// Weekday reports whether w is a weekday's name or abbreviation (any
// case, a trailing dot or comma allowed).
func Weekday(w string) bool {
	return weekdays[strings.ToLower(strings.TrimRight(w, ".,"))]
}

// weekdays are weekday names and abbreviations, folded. Data: add a
// language here.
var weekdays = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun " +
		"montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche " +
		"lunes martes miércoles jueves viernes sábado domingo senin selasa rabu kamis jumat sabtu minggu") {
		m[n] = true
	}
	return m
}()

var (
	textDMY = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?((?:19|20)\d{2})\b`)
	textMDY = regexp.MustCompile(`(?i)\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b`)
	textISO = regexp.MustCompile(`\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b`)
	textEU  = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b`)
)

// Text finds a date written for people in a short text ("Published
// September 4, 2025", "4. September 2025", "04.09.2025"). Numeric dates
// with slashes are left alone: 04/09/2025 is April or September depending
// on the country.
func Text(s string) string {
	if !hasYear(s) {
		return "" // most texts asked hold no date: no regexp for them
	}
	return text(s)
}

// Any parses a machine-readable date or, failing that, one written for
// people (<time>Mar 24, 2025</time> has no datetime).
func Any(s string) string {
	if d := ISO(s); d != "" {
		return d
	}
	if len(s) <= 60 {
		return Text(s)
	}
	return ""
}

// text is Text without its quick test.
func text(s string) string {
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

// hasYear reports whether s holds a year each pattern of Text needs:
// 19 or 20 and two more digits.
func hasYear(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
