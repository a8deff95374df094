package metadata

import (
	"html"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/metadata/dateparse"
)

// bylinePrefixes are the words that introduce an author in a visible
// byline, in the languages the project meets; folded, with their spaces.
var bylinePrefixes = []string{
	"written by ", "posted by ", "published by ", "reviewed by ", "story by ", "words by ", "by ", "author ", "authors ", "contributors ", "contributor ",
	"von ", "par ", "por ", "di ", "da ", "oleh ", "door ", "af ", "av ", "autor ", "auteur ", "autore ", "tác giả ", "bởi ",
}

// authors decides the page's authors: JSON-LD first, then the author meta
// elements, then rel=author links and itemprop=author elements, then a
// visible byline. Only the first source that yields a name is used.
func authors(s *sources, site, host string) []string {
	metaNames := append(append([]string{}, s.head.metaAll["author"]...), s.head.metaAll["article:author"]...)
	// Yoast's reading-time labels: twitter:label1 "Written by", twitter:data1 the name.
	for i := 1; i <= 4; i++ {
		n := strconv.Itoa(i)
		switch strings.ToLower(strings.TrimSpace(s.head.meta["twitter:label"+n])) {
		case "written by", "author", "by", "geschrieben von", "écrit par", "escrito por", "scritto da", "ditulis oleh":
			metaNames = append(metaNames, s.head.meta["twitter:data"+n])
		}
	}
	for _, k := range []string{"parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "citation_author", "byl"} {
		if v := s.head.meta[k]; v != "" {
			metaNames = append(metaNames, v)
		}
	}
	for i, src := range [][]string{s.ld.Authors(), metaNames, s.people.relAuthors, s.people.authorLinks} {
		out := cleanNames(src, i == 3)
		if i >= 2 && len(out) > 3 {
			// An author per teaser: a listing, or an article whose
			// related stories link their authors. Only a byline in
			// the header says whose the page is.
			return bylined(s)
		}
		if len(out) > 0 && namesSite(out[0], site, host) {
			// The site's own name is the publisher's credit: a person
			// the visible byline names outranks it.
			if b := bylined(s); len(b) > 0 && !namesSite(b[0], site, host) {
				return b
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return bylined(s)
}

// bylined is the author a visible byline names: the first that names
// someone in the header around the headline (or under a two-word label),
// unless it is one of many names that each appear a few times (a
// listing's teasers, each with its author): the page's author is named at
// least a third of the times anyone is, or more often than anyone else
// among a few names (an article's header names its author twice, its
// related stories' bylines name theirs once or twice each).
func bylined(s *sources) []string {
	var found, near []string
	for _, b := range append(s.people.bylines, s.people.keyBylines...) {
		names := cleanNames([]string{b.text}, true)
		found = append(found, names...)
		if b.anywhere || nearHeadline(s, b.at) {
			near = append(near, names...)
		}
	}
	if len(near) == 0 {
		return nil
	}
	k := fold(near[0])
	count := map[string]int{}
	for _, n := range found {
		count[fold(n)]++
	}
	same, most := count[k], 0
	for n, c := range count {
		if n != k {
			most = max(most, c)
		}
	}
	if len(count) > 2 && same*3 < len(found) && (same <= most || len(count) > relatedBylines+1) {
		return nil
	}
	return near[:1]
}

// relatedBylines is how many other authors an article's related stories
// may name beside its own (a row of three teasers).
const relatedBylines = 3

// A visible byline stands in the article's header: a few texts before its
// headline (a kicker, the author above the title) or after it (a deck, the
// author, a date). A name further away is a teaser's, a reviewer's, a
// comment's or a sidebar's, and a page without a headline has no header to
// read one from. Measured on WCXB dev, the bylines 9 texts or more from the
// headline were the page's author on 4 pages and someone else's on 30.
const (
	bylineBefore = 4
	bylineAfter  = headWindow
)

// nearHeadline reports whether the text at place at is in the header
// around the page's headline.
func nearHeadline(s *sources, at int) bool {
	return s.h1At >= 0 && at >= s.h1At-bylineBefore && at <= s.h1At+bylineAfter
}

// cleanNames returns the names in raw that look like names (HTML entities
// decoded: some pages escape them twice). A visible byline that is the
// site's name stays: measured on WCXB dev, the labels credit the site on
// such pages, as they do a site's name in the author meta tags.
func cleanNames(raw []string, visible bool) []string {
	var out []string
	seen := map[string]bool{}
	if visible {
		raw = coAuthors(raw)
	}
	for _, r := range raw {
		n := cleanName(html.UnescapeString(r), visible)
		k := fold(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

// conjunctions join the names of co-authors in a visible byline ("Moses
// Kim and Kate Shokurova"), in the languages the project meets. Data: add
// a language here.
var conjunctions = []string{" and ", " & ", " und ", " et ", " y ", " e ", " en ", " og ", " och ", " dan ", " và "}

// coAuthors splits each visible byline at the conjunctions between
// co-authors' names.
func coAuthors(raw []string) []string {
	var out []string
	for _, r := range raw {
		parts := []string{r}
		for _, c := range conjunctions {
			var next []string
			for _, p := range parts {
				next = append(next, strings.Split(p, c)...)
			}
			parts = next
		}
		out = append(out, parts...)
	}
	return out
}

// cleanName returns the name in one author value, or "" when it does not
// look like a name. A visible byline must look more strictly like a name:
// it is cut at a date or separator, and every word must start with a
// capital letter where the script has them.
func cleanName(s string, visible bool) string {
	s = textnorm.Clean(s)
	if s == "" || strings.Contains(s, "://") || strings.HasPrefix(s, "www.") {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsPunct(r) && r != '(' && r != '"' && r != '\'' {
		return "" // ", USA TODAY": the name before the comma is missing
	}
	if visible {
		for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " • ", " ⋅ ", "|", "•", "·", "⋅", "\n"} {
			if i := strings.Index(s, sep); i > 0 {
				s = s[:i]
			}
		}
	}
	if visible {
		s = dropDate(s)
	}
	low := strings.ToLower(s)
	for _, p := range bylinePrefixes {
		if strings.TrimRight(low, " :") == strings.TrimSpace(p) {
			return "" // the label alone ("Written By"), no name after it
		}
	}
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(low, p) {
			s, low = s[len(p):], low[len(p):]
			break
		}
		if strings.HasPrefix(low, strings.TrimSpace(p)+":") {
			s, low = s[len(p):], low[len(p):]
			break
		}
	}
	s = strings.TrimLeft(s, " :")
	if visible {
		s = endOfName(s)
	}
	s = strings.TrimSpace(strings.TrimRight(s, " ,;:"))
	if s == "" || len(s) > 80 || strings.HasPrefix(s, "@") {
		return ""
	}
	words := strings.Fields(s)
	if visible {
		// A byline's text runs the name into the role printed under
		// it ("Ann Lee Tech Reporter"); "More By This Contributor" is
		// a link's label, not a name.
		words = dropRole(words)
		s = strings.Join(words, " ")
		for _, w := range words[min(1, len(words)):] {
			if strings.EqualFold(w, "by") {
				return ""
			}
		}
	}
	if len(words) > 8 || (visible && len(words) > 4) {
		return ""
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			return ""
		}
	}
	if letters < 2 {
		return ""
	}
	// A user name ("brandon-peaktwo") or a template's placeholder is not a
	// name.
	if len(words) == 1 && (strings.ContainsAny(s, "-_") || placeholders[strings.ToLower(s)]) {
		return ""
	}
	if visible {
		for i, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLower(r) && (i == 0 || i == len(words)-1 || !particles[w]) {
				return ""
			}
		}
	}
	if _, err := url.ParseRequestURI(s); err == nil && strings.Contains(s, "/") {
		return ""
	}
	return displayOrder(s)
}

// displayOrder turns a name written surname first for sorting, as library
// and citation tags write it ("Kaufman, Jeff T."), into the order a reader
// sees ("Jeff T. Kaufman"). Only a name of one comma whose both sides look
// like names is turned: a surname of one capitalised word, given names or
// initials of one to three, none of them a credential or suffix ("Jillian
// Kubala, MS, RD" and "Ann Lee, PhD" stay as written, and so do two
// co-authors, "Ana Souza, Li Wei").
func displayOrder(s string) string {
	last, given, ok := strings.Cut(s, ", ")
	if !ok || strings.Contains(given, ",") {
		return s
	}
	lw, gw := strings.Fields(last), strings.Fields(given)
	if len(lw) != 1 || len(gw) == 0 || len(gw) > 3 {
		return s
	}
	for _, w := range append(append([]string{}, lw...), gw...) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || nameSuffixes[strings.ToLower(strings.TrimRight(w, "."))] {
			return s
		}
	}
	for _, w := range gw {
		// A given name is written in mixed case or as an initial; a
		// word all in capitals after the comma is a credential (MS,
		// RN, CFP).
		if t := strings.TrimRight(w, "."); utf8.RuneCountInString(t) > 1 && strings.ToUpper(t) == t {
			return s
		}
	}
	return given + " " + last
}

// nameSuffixes are the words after a name's comma that are no given names:
// generational suffixes and credentials written in mixed case. Data: add
// one here.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ph.d": true, "phd": true, "esq": true, "md": true, "dr": true, "inc": true, "ltd": true, "llc": true, "co": true, "corp": true, "ii": true, "iii": true, "iv": true}

// nameEnds are the words, as written in lower case, after which a visible
// byline goes on past the name: "Ann Lee on December 19", "posted by Bo in
// Woodworking", "Cy Diaz at 11:15 AM". ("from" and "with" are not: they
// come before the name as often, "Insights from Ann Lee".) Data: add a
// language here.
var nameEnds = map[string]bool{"on": true, "at": true, "in": true, "am": true, "um": true, "le": true, "el": true, "il": true, "op": true, "pada": true, "lúc": true, "vào": true}

// endOfName cuts a visible byline where its name ends: before a date, a
// date label ("Last updated"), a word of nameEnds, or a comma that a role
// or credentials follow ("Mayank Gupta, CEO of CaseBasix"); a month's name
// just before a cut date goes too ("Luke Kim December 17, 2025").
func endOfName(s string) string {
	words := strings.Fields(s)
	if len(words) > 0 {
		if _, label := labelKind(s); label {
			return "" // "Last updated on ...": a date line, no name
		}
	}
	for i := 1; i < len(words); i++ {
		w := words[i]
		_, label := labelKind(strings.Join(words[i:], " "))
		if !nameEnds[w] && !label && !strings.ContainsAny(w, "0123456789") {
			continue
		}
		if strings.ContainsAny(w, "0123456789") && i > 1 && dateparse.Month(strings.Trim(words[i-1], ",")) {
			i--
		}
		words = words[:i]
		break
	}
	for len(words) > 0 && (dateparse.Month(strings.Trim(words[len(words)-1], ",")) || dateparse.Weekday(words[len(words)-1])) {
		words = words[:len(words)-1] // "Sat, 20 Dec": no name before the date
	}
	s = strings.Join(words, " ")
	if name, _, ok := strings.Cut(s, ","); ok && displayOrder(s) == s {
		s = name // what follows the comma is a role, credentials or a date
	}
	return s
}

// dropDate drops the date a visible byline starts with ("May 28 Written
// By Ann Lee", "Jun 2 · By Bo Chen"): its words that are a month, a
// weekday, a number or punctuation.
func dropDate(s string) string {
	words := strings.Fields(s)
	i := 0
	for i < len(words) {
		w := words[i]
		if !dateparse.Month(strings.Trim(w, ",")) && !dateparse.Weekday(w) && !strings.ContainsAny(w, "0123456789") && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			break
		}
		i++
	}
	if i == 0 || i == len(words) || !strings.ContainsAny(strings.Join(words[:i], " "), "0123456789") {
		return s
	}
	return strings.Join(words[i:], " ")
}

// roles are the job titles a byline prints after its name, lower case,
// without "senior", "staff" and the like before them. Data: add a title or
// a language here.
var roles = map[string]bool{
	"writer": true, "reporter": true, "editor": true, "correspondent": true, "columnist": true, "journalist": true, "contributor": true, "author": true,
	"redakteur": true, "redakteurin": true, "autor": true, "autorin": true, "rédacteur": true, "rédactrice": true, "journaliste": true, "periodista": true, "redactor": true, "redactora": true, "giornalista": true, "penulis": true, "wartawan": true,
}

// roleWords are the words that may stand before a role ("Senior Tech
// Reporter"): a name has at most the words before them.
var roleWords = map[string]bool{"senior": true, "staff": true, "tech": true, "technology": true, "science": true, "health": true, "news": true, "managing": true, "contributing": true, "associate": true, "assistant": true, "deputy": true, "chief": true, "lead": true, "freelance": true, "guest": true, "special": true}

// dropRole drops the role at the end of a byline's words when a name of
// two or three words stands before it ("Rachel Ng Writer"); a byline that
// is a role alone ("Staff Writer") stays, as publishers credit it.
func dropRole(words []string) []string {
	n := len(words)
	if n < 3 || !roles[strings.ToLower(words[n-1])] {
		return words
	}
	n--
	for n > 0 && roleWords[strings.ToLower(words[n-1])] {
		n--
	}
	if n < 2 || n > 3 {
		return words
	}
	for _, w := range words[:n] {
		if roles[strings.ToLower(w)] || roleWords[strings.ToLower(w)] {
			return words
		}
	}
	return words[:n]
}

// particles are the lower-case words inside a name ("Nick van Mead",
// "Ana de la Cruz"). Data: add a language here.
var particles = map[string]bool{"van": true, "von": true, "der": true, "den": true, "de": true, "la": true, "del": true, "da": true, "di": true, "dos": true, "das": true, "du": true, "ten": true, "ter": true, "bin": true, "binti": true, "al": true, "ibn": true}

// placeholders are what a template prints where an author is missing.
var placeholders = map[string]bool{"undefined": true, "null": true, "none": true, "unknown": true, "admin": true, "administrator": true, "author": true, "webmaster": true}
