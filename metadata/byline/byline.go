// Package byline reads the visible lines that credit a page: the labels
// that introduce an author or a date ("Written by", "Updated on") and the
// names a byline or an author tag gives, cut to what looks like a name.
package byline

import (
	"html"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/metadata/dateparse"
)

// prefixes are the words that introduce an author in a visible
// byline, in the languages the project meets; folded, with their spaces.
var prefixes = []string{
	"written by ", "posted by ", "published by ", "reviewed by ", "story by ", "words by ", "by ", "author ", "authors ", "contributors ", "contributor ",
	"von ", "par ", "por ", "di ", "da ", "oleh ", "door ", "af ", "av ", "autor ", "auteur ", "autore ", "tác giả ", "bởi ",
}

// Label reports whether a text starts with a byline label ("By", "Written
// by"), and whether it is the label alone ("Written by", "By:"), its name
// beside it.
func Label(text string) (label string, bare bool) {
	if !labelStart[startByte(text)] {
		return "", false
	}
	if textnorm.IsASCII(text) {
		for _, p := range prefixes {
			word := strings.TrimSpace(p)
			bare = textnorm.LowerHasPrefix(text, word) && (len(text) == len(word) || len(text) == len(word)+1 && text[len(word)] == ':')
			if bare || textnorm.LowerHasPrefix(text, p) {
				return word, bare
			}
		}
		return "", false
	}
	low := strings.ToLower(text)
	for _, p := range prefixes {
		word := strings.TrimSpace(p)
		bare = low == word || len(low) == len(word)+1 && strings.HasPrefix(low, word) && low[len(word)] == ':'
		if strings.HasPrefix(low, p) || bare {
			return word, bare
		}
	}
	return "", false
}

// DateKind says which date a visible label introduces.
type DateKind int

const (
	Published DateKind = iota
	Modified
)

// dateLabels are the words that introduce a visible date, folded, by the
// date they introduce. Data: add a language here.
var dateLabels = []struct {
	word string
	kind DateKind
}{
	{"last updated", Modified}, {"updated", Modified}, {"page updated", Modified}, {"modified", Modified}, {"content current as of", Modified},
	{"aktualisiert", Modified}, {"mis à jour", Modified}, {"actualizado", Modified}, {"atualizado", Modified}, {"aggiornato", Modified}, {"diperbarui", Modified}, {"cập nhật", Modified},
	{"published", Published}, {"posted", Published}, {"written", Published}, {"date", Published},
	{"veröffentlicht", Published}, {"publié", Published}, {"publicado", Published}, {"pubblicato", Published}, {"diterbitkan", Published}, {"dipublikasikan", Published}, {"ngày đăng", Published}, {"đăng", Published},
}

// DateLabel returns the kind of date a short text introduces, if it starts
// with a date label.
func DateLabel(t string) (DateKind, bool) {
	t = strings.TrimSpace(t)
	if !dateStart[startByte(t)] {
		return 0, false
	}
	// ASCII text is compared lower-casing as it goes (see
	// textnorm.LowerHasPrefix); other text is lower-cased first.
	ascii := textnorm.IsASCII(t)
	if !ascii {
		t = strings.ToLower(t)
	}
	if len(t) > 160 {
		return 0, false
	}
	for _, l := range dateLabels {
		if ascii && textnorm.LowerHasPrefix(t, l.word) || !ascii && strings.HasPrefix(t, l.word) {
			rest := t[len(l.word):]
			if rest == "" || rest[0] == ' ' || rest[0] == ':' {
				return l.kind, true
			}
		}
	}
	return 0, false
}

// Names returns the names in raw that look like names (HTML entities
// decoded: some pages escape them twice). A visible byline that is the
// site's name stays: measured on WCXB dev, the labels credit the site on
// such pages, as they do a site's name in the author meta tags.
func Names(raw []string, visible bool) []string {
	var out []string
	seen := map[string]bool{}
	if visible {
		raw = coAuthors(raw)
	}
	for _, r := range raw {
		n := cleanName(html.UnescapeString(r), visible)
		k := textnorm.Key(n)
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
// co-authors' names, in its part before a separator: what follows one is
// a date or a section ("Ann Lee | Health & Science"), whose words are no
// co-author.
func coAuthors(raw []string) []string {
	var out []string
	for _, r := range raw {
		parts := []string{beforeSeparator(textnorm.Clean(r))}
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
		s = dropDate(beforeSeparator(s))
	}
	s, ok := dropLabel(s)
	if !ok {
		return "" // the label alone ("Written By"), no name after it
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
	if len(words) > 1 && organisations[strings.ToLower(strings.Trim(words[len(words)-1], ".,"))] {
		return "" // "Kneib Dentistry PC": a company or an institution, the publisher
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

// separators end the name in a visible byline: a date, a role or a
// section follows them.
var separators = []string{" | ", " - ", " – ", " — ", " · ", " • ", " ⋅ ", "|", "•", "·", "⋅", "\n"}

// beforeSeparator is s up to its first separator (the earliest of each
// in turn), or s when it has none or starts with one.
func beforeSeparator(s string) string {
	for _, sep := range separators {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return s
}

// dropLabel drops the byline label a name value starts with ("By ",
// "Written by:"); it reports false when the value is the label alone.
func dropLabel(s string) (string, bool) {
	low := strings.ToLower(s)
	for _, p := range prefixes {
		if strings.TrimRight(low, " :") == strings.TrimSpace(p) {
			return "", false
		}
	}
	for _, p := range prefixes {
		if strings.HasPrefix(low, p) || strings.HasPrefix(low, strings.TrimSpace(p)+":") {
			return s[len(p):], true
		}
	}
	return s, true
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
		if _, label := DateLabel(s); label {
			return "" // "Last updated on ...": a date line, no name
		}
	}
	for i := 1; i < len(words); i++ {
		w := words[i]
		_, label := DateLabel(strings.Join(words[i:], " "))
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

// organisations are the words that end the name of a company or an
// institution (its legal form, "Inc", "GmbH"; "University"), lower case,
// without dots: such a name credits the publisher, not a writer. Measured
// on WCXB dev, no labelled author ends so and three invented ones did.
// Data: add a legal form or a language here.
var organisations = map[string]bool{
	"inc": true, "llc": true, "ltd": true, "plc": true, "pc": true, "corp": true, "corporation": true, "incorporated": true, "limited": true, "pty": true,
	"gmbh": true, "mbh": true, "kg": true, "sarl": true, "srl": true, "spa": true, "bv": true, "nv": true, "oy": true, "ab": true,
	"university": true, "universität": true, "université": true, "universidad": true, "università": true,
}

// placeholders are what a template prints where an author is missing.
var placeholders = map[string]bool{"undefined": true, "null": true, "none": true, "unknown": true, "admin": true, "administrator": true, "author": true, "webmaster": true}

// Placeholder reports whether s, lower-cased, is what a template prints
// where an author is missing ("admin", "unknown").
func Placeholder(s string) bool { return placeholders[strings.ToLower(s)] }

// labelStart and dateStart are the first bytes of the byline and the date
// labels (see startByte): every text on a page is asked whether it starts
// with a label, and most start with no label's first letter.
var labelStart, dateStart = func() (byLabel, byDate [256]bool) {
	for _, p := range prefixes {
		byLabel[p[0]] = true
	}
	for _, l := range dateLabels {
		byDate[l.word[0]] = true
	}
	return byLabel, byDate
}()

// startByte is the first byte of t's first letter in lower case: the
// labels are folded, a text may be capitalized ("By", "Đăng").
func startByte(t string) byte {
	if t == "" {
		return 0
	}
	if c := t[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		return c
	}
	r, _ := utf8.DecodeRuneInString(t)
	var b [utf8.UTFMax]byte
	utf8.EncodeRune(b[:], unicode.ToLower(r))
	return b[0]
}
