// Package brand reads the names spam sites go by: brand codes, words that
// mix letters and digits (tk88, 789bet, sv66win), the gambling stems glued
// to them or written beside them ("kv79 bet"), and the hosts and paths of
// links read the same way (hit69.me, a .bet domain, /slot-gacor/). A
// Reader holds a lexicon's stems and unusual top-level domains; the texts
// it reads are folded already (package fold), a path is folded here.
package brand

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnowhq/winnow/spam/fold"
	"golang.org/x/net/publicsuffix"
)

// Reader reads brand codes, hosts and paths with the weighted stems
// (bet, casino, judi, ...) and unusual top-level domains of a lexicon.
// It is immutable, safe for concurrent use.
type Reader struct {
	stems map[string]float64
	tlds  map[string]bool // without the dot
	named map[string]bool // codes the lexicon weighs as terms
}

// NewReader returns a Reader of the stems and top-level domains given, and
// of the brand names the lexicon weighs as terms of their own (bet365,
// 1xbet): those are read as words, not codes, so that one token is not
// evidence twice and the lexicon's weight, which knows the brand, decides.
// It keeps the maps, which must not change after.
func NewReader(stems map[string]float64, tlds, named map[string]bool) *Reader {
	return &Reader{stems: stems, tlds: tlds, named: named}
}

// Codes is what the brand-shaped tokens of a text say.
type Codes struct {
	Gambling float64  // summed stem weights of brand codes with a gambling stem
	Plain    int      // brand-shaped codes without one (tk88, echo360, 48ml)
	Other    int      // words that are neither codes nor stems nor numbers
	Found    []string // the codes, for the trace
}

// Codes reads the brand-shaped tokens of folded text: letters and digits
// mixed in one word (tk88, 789bet, sv66win), alone or followed by a
// gambling stem word ("kv79 bet"), and a letter and a digit followed by a
// stem only gambling uses ("v5 bet"; not "F1 win", "A4 play").
func (r *Reader) Codes(ft string) Codes {
	var st Codes
	var prevBrand bool
	var prevTok, prevShort string
	for tok := range scriptRuns(ft) {
		short := prevShort
		prevShort = ""
		letters, digits := 0, 0
		ascii := true
		for i := 0; i < len(tok); i++ {
			c := tok[i]
			switch {
			case c >= utf8.RuneSelf:
				ascii = false
			case c <= '9':
				digits++
			default:
				letters++
			}
		}
		if !ascii {
			st.Other++
			prevBrand = false
			continue
		}
		if letters == 1 && digits == 0 {
			continue // a lone letter is not prose beside a code: "qk57 x"
		}
		switch {
		case r.named[tok]:
			st.Other++
			prevBrand = false
			continue
		case letters > 0 && digits > 0 && len(tok) >= 3 && !isQuantity(tok):
			if w := r.codeStem(tok); w > 0 {
				st.Gambling += w
				st.Found = append(st.Found, tok)
			} else {
				st.Plain++
				st.Found = append(st.Found, tok)
			}
			prevBrand, prevTok = true, tok
			continue
		case letters > 0:
			if w, ok := r.stems[tok]; ok {
				if prevBrand {
					// "kv79 bet", "win68 bet": the code and the stem beside it.
					if r.codeStem(prevTok) == 0 {
						st.Plain--
					}
					st.Gambling += w
					st.Found[len(st.Found)-1] = prevTok + " " + tok
				} else if short != "" && w >= strongStem {
					// "v5 bet": a letter and a digit are a code only
					// beside a stem only gambling uses.
					st.Other--
					st.Gambling += w
					st.Found = append(st.Found, short+" "+tok)
				}
				prevBrand = false
				continue
			}
			if prevBrand && r.tlds[tok] || commonTLD[tok] {
				continue // the domain of a code: situs8vip.io
			}
			st.Other++
			if len(tok) == 2 && digits == 1 && tok[0] > '9' {
				prevShort = tok
			}
		}
		prevBrand = false
	}
	return st
}

// CodeCounts counts the codes of folded text ft, words of letters and
// digits as Codes reads them (tk88, 789bet; not 48ml or 5x7): how often a
// page names each. A product's, a flight's or a team's code recurs on its
// page; a spam brand glued into it once does not.
func (r *Reader) CodeCounts(ft string) map[string]int {
	counts := map[string]int{}
	for tok := range scriptRuns(ft) {
		if codeShaped(tok) {
			counts[tok]++
		}
	}
	return counts
}

// strongStem is the weight from which a stem is gambling's alone (bet,
// casino, slot, poker), where win, play, club and live have other senses.
const strongStem = 0.8

// codeShaped reports an ASCII word of three characters or more that mixes
// letters and digits and is no quantity.
func codeShaped(tok string) bool {
	letters, digits := 0, 0
	for i := 0; i < len(tok); i++ {
		switch c := tok[i]; {
		case c >= utf8.RuneSelf:
			return false
		case c <= '9':
			digits++
		default:
			letters++
		}
	}
	return letters > 0 && digits > 0 && len(tok) >= 3 && !isQuantity(tok)
}

// scriptRuns yields the words of folded text ft as Codes reads them: a
// word that glues ASCII letters and digits to a script other than Latin,
// as Chinese, Japanese and Thai spam writes a code into its sentence
// without a space (线上百家乐yo55, สล็อตเว็บตรงpg88), is read as its runs,
// so that the code is a word of its own. A Latin word with accents
// (café24) stays whole.
func scriptRuns(ft string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for tok := range joinedCodes(ft) {
			if !mixedScript(tok) {
				if !yield(tok) {
					return
				}
				continue
			}
			start, ascii := 0, tok[0] < utf8.RuneSelf
			for i, c := range tok {
				if a := c < utf8.RuneSelf; a != ascii {
					if !yield(tok[start:i]) {
						return
					}
					start, ascii = i, a
				}
			}
			if !yield(tok[start:]) {
				return
			}
		}
	}
}

// joinedCodes yields the words of folded text ft, a code spelled with one
// separator between its letters and its digits (tk-88, SBO_86, tyga.8,
// v9-386, six.52win) joined into one word, as the code it stands for:
// spam spells its brands so to slip past filters that know them whole.
// Only a word of two ASCII letters and digits or more that begins with a
// letter joins the digits (and any letters after them) that follow: never
// a lone letter (F-16), nor digits to the word after ("3-year", "2-1"),
// nor a year (Dec-2025), nor a part of a longer chain (19-Dec-2025,
// GPT-5.4, a-1-b): dates, versions and identifiers. A flight or model
// number so spelled (MH-17, COVID-19) reads as a plain code, weak evidence
// alone.
func joinedCodes(ft string) iter.Seq[string] {
	return func(yield func(string) bool) {
		held, at := "", 0
		for tok := range fold.Words(ft) {
			start := at + strings.Index(ft[at:], tok)
			end := start + len(tok)
			if held != "" {
				if start == at+1 && codeTail(tok) && !chained(ft, end) {
					tok = held + tok
				} else if !yield(held) {
					return
				}
				held = ""
			} else if codeHead(tok) && !chainedBefore(ft, start) && chained(ft, end) {
				held, at = tok, end
				continue
			}
			at = end
			if !yield(tok) {
				return
			}
		}
		if held != "" {
			yield(held)
		}
	}
}

// chained reports a code separator at ft[i] with a word character after it.
func chained(ft string, i int) bool {
	return i+1 < len(ft) && strings.IndexByte("-_.", ft[i]) >= 0 && wordByte(ft[i+1])
}

// chainedBefore reports a code separator before ft[i] with a word
// character before it.
func chainedBefore(ft string, i int) bool {
	return i >= 2 && strings.IndexByte("-_.", ft[i-1]) >= 0 && wordByte(ft[i-2])
}

// wordByte reports an ASCII letter or digit, or a byte of a character
// beyond ASCII.
func wordByte(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' || c >= utf8.RuneSelf }

// isYear reports four digits from 1900 to 2099.
func isYear(tok string) bool {
	return len(tok) == 4 && (tok[:2] == "19" || tok[:2] == "20")
}

// codeHead reports an ASCII word of two characters or more, letters and
// digits, that begins with a letter: the head of a code a separator splits
// (tk of tk-88, v9 of v9-386), not a lone letter (F-16).
func codeHead(tok string) bool {
	if len(tok) < 2 || !isLetter(tok[0]) {
		return false
	}
	for i := 0; i < len(tok); i++ {
		if tok[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// codeTail reports the part of a code after its separator: ASCII digits,
// then letters or none (88, 52win), not a year.
func codeTail(tok string) bool {
	i := 0
	for i < len(tok) && '0' <= tok[i] && tok[i] <= '9' {
		i++
	}
	if i == 0 || i == len(tok) && isYear(tok) {
		return false
	}
	for ; i < len(tok); i++ {
		if !isLetter(tok[i]) {
			return false
		}
	}
	return true
}

// mixedScript reports a word with ASCII letters or digits and letters of a
// script other than Latin.
func mixedScript(tok string) bool {
	ascii, other := false, false
	for _, c := range tok {
		if c < utf8.RuneSelf {
			ascii = true
		} else if !unicode.Is(unicode.Latin, c) {
			other = true
		}
	}
	return ascii && other
}

// commonTLD holds the top-level domains a brand code is written with
// besides the lexicon's unusual ones; after a code they are not words.
var commonTLD = map[string]bool{"com": true, "net": true, "org": true, "io": true, "co": true, "me": true, "info": true,
	"vn": true, "id": true, "th": true, "ph": true, "my": true, "in": true, "br": true, "cn": true, "kr": true}

// isQuantity reports a number with a unit or ordinal suffix of one or two
// letters (830k, 48ml, 1kg, 4k, 2nd, 1080p) or a size (5x7): not a brand
// code.
func isQuantity(tok string) bool {
	if a, b, ok := strings.Cut(tok, "x"); ok && a != "" && b != "" && strings.Trim(a, "0123456789") == "" &&
		strings.Trim(strings.TrimRight(b, "abcdefghijklmnopqrstuvwyz"), "0123456789") == "" {
		return true // a size: 5x7, 8x10, 1920x1080, 11x17in
	}
	if isMoney(tok) {
		return true
	}
	i := 0
	for i < len(tok) && tok[i] <= '9' {
		i++
	}
	return i > 0 && len(tok)-i <= 2 && strings.IndexFunc(tok[i:], func(r rune) bool { return r <= '9' }) < 0
}

// isMoney reports a currency's code or abbreviation glued to a round
// number (rm500 of "RM500,000", rs5000, ksh50, usd20): a price, as news of
// fines and taxes writes it, not a brand code. The number must end in 0:
// spam names its brands with the lucky numbers (tk88, w88, 789), and a
// code that is also a currency's (TK, taka) stays a code with them.
func isMoney(tok string) bool {
	i := strings.IndexAny(tok, "0123456789")
	if i <= 0 || !currencyCodes[tok[:i]] || tok[len(tok)-1] != '0' {
		return false
	}
	return strings.Trim(tok[i:], "0123456789") == ""
}

// currencyCodes are the ISO 4217 codes of the currencies news writes
// amounts in and the local abbreviations written before a number (RM,
// Rp, Rs, Tk, KSh, Sh), lower-case as folded text has them.
var currencyCodes = map[string]bool{
	"usd": true, "eur": true, "gbp": true, "jpy": true, "cny": true, "rmb": true, "hkd": true, "twd": true, "mop": true,
	"krw": true, "sgd": true, "myr": true, "rm": true, "idr": true, "rp": true, "thb": true, "vnd": true, "php": true,
	"inr": true, "rs": true, "pkr": true, "bdt": true, "tk": true, "lkr": true, "npr": true, "aud": true, "nzd": true,
	"cad": true, "mxn": true, "brl": true, "ars": true, "cop": true, "clp": true, "pen": true, "chf": true, "sek": true,
	"nok": true, "dkk": true, "isk": true, "pln": true, "czk": true, "huf": true, "ron": true, "bgn": true, "rub": true,
	"uah": true, "try": true, "ils": true, "aed": true, "sar": true, "qar": true, "egp": true, "mad": true, "ngn": true,
	"ghs": true, "kes": true, "ksh": true, "sh": true, "ugx": true, "tzs": true, "zar": true, "etb": true,
}

// codeStem returns the largest stem weight among the letter runs of a
// letters+digits code (zb88bet: bet; ku789club: club), 0 when none.
func (r *Reader) codeStem(tok string) float64 {
	best := 0.0
	for i := 0; i < len(tok); {
		if tok[i] <= '9' {
			i++
			continue
		}
		j := i
		for j < len(tok) && tok[j] > '9' {
			j++
		}
		best = max(best, r.runStem(tok[i:j], true))
		i = j
	}
	return best
}

// runStem returns the weight of the stem a letter run is or begins or ends
// with. Stems of three letters (bet, win, vip) count only as the whole run
// or, when glued is set (the run is next to digits), at its edge; longer
// stems at either edge ("slotgacor", "nhacaiuytin").
func (r *Reader) runStem(run string, glued bool) float64 {
	if w, ok := r.stems[run]; ok {
		return w
	}
	best := 0.0
	short := glued && len(run) <= 6 && strings.Count(run, run[:1]) != len(run)
	for k := 3; k < len(run); k++ {
		// A short stem counts with two letters or more beside it (kubet,
		// betvip), not one (beta in v1beta1).
		if k < 4 && (!short || len(run)-k < 2) {
			continue
		}
		if w, ok := r.stems[run[:k]]; ok {
			best = max(best, w)
		}
		if w, ok := r.stems[run[len(run)-k:]]; ok {
			best = max(best, w)
		}
	}
	return best
}

// NamesHost reports an anchor text that is a code (digits in it) and the
// name of the link's host: "W332" -> w332.club, "789555" -> 789555.asia,
// "six86.com" -> six86.com, "Tyga69" -> tyga690.vip.
//
// With strict set (the host's top-level domain is an ordinary one), the
// anchor must be made of codes alone, letters and digits in one word, with
// at most gambling stems and domain endings beside them: "tk88 bet" or
// "Ku789Club", not "Amazon S3" or "Unicode 17.0"; or name a gambling stem
// beside its digits, a code spelled in words ("Cwin 69 Play" ->
// cwin69play7.net.vn).
func (r *Reader) NamesHost(ft string, hi Host, strict bool) bool {
	var all, bare strings.Builder // the words; the words less domain endings
	digits, codes, stem := false, true, false
	for tok := range fold.Words(ft) {
		codes = codes && r.codeWord(tok)
		stem = stem || r.stems[tok] > 0
		all.WriteString(tok)
		if bare.Len() == 0 || !commonTLD[tok] && !r.tlds[tok] {
			bare.WriteString(tok) // "six86.com": six86
		}
		digits = digits || strings.IndexAny(tok, "0123456789") >= 0
	}
	if !digits || all.Len() < 3 {
		return false
	}
	whole := strings.NewReplacer(".", "", "-", "").Replace(hi.Site) // lux365.game: lux365game
	a, b := all.String(), bare.String()
	if a == whole {
		return true // its name and domain in one word: LUX365GAME -> lux365.game
	}
	// The anchor is the host's name exactly ("lux 365" -> lux-365.io), or
	// the name of one of its subdomains (zq88 -> zq88.pages.example).
	for label := range hostLabels(hi) {
		if a == label || b == label || (!strict || codes || stem) && (sameCode(label, a) || sameCode(label, b)) {
			return true
		}
	}
	return false
}

// hostLabels yields the labels of a host that can name it, dashes left
// out: its registrable name and its subdomains' (www aside), three
// characters or more.
func hostLabels(hi Host) iter.Seq[string] {
	name, _, _ := strings.Cut(hi.Site, ".")
	sub := strings.TrimSuffix(strings.TrimPrefix(hi.Name, "www."), hi.Site)
	return func(yield func(string) bool) {
		for label := range strings.SplitSeq(sub+name, ".") {
			label = strings.ReplaceAll(label, "-", "")
			if len(label) >= 3 && !yield(label) {
				return
			}
		}
	}
}

// CodeNamesHost reports a text one of whose brand codes (letters and
// digits mixed) names the link's host: "mb789x sports betting" ->
// mb789x.example.
func (r *Reader) CodeNamesHost(ft string, hi Host) bool {
	for tok := range fold.Words(ft) {
		if len(tok) < 3 || strings.IndexAny(tok, "0123456789") < 0 || strings.Trim(tok, "0123456789") == "" || isQuantity(tok) {
			continue
		}
		for label := range hostLabels(hi) {
			if sameCode(label, tok) {
				return true
			}
		}
	}
	return false
}

// codeWord reports a word that is a brand code (letters and digits mixed,
// or three digits or more),
// a gambling stem or a domain ending.
func (r *Reader) codeWord(tok string) bool {
	letters, digits := false, false
	for i := 0; i < len(tok); i++ {
		switch c := tok[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case c >= 'a' && c <= 'z':
			letters = true
		default:
			return false
		}
	}
	return digits && (letters || len(tok) >= 3) || letters && (r.stems[tok] > 0 || commonTLD[tok] || r.tlds[tok])
}

// sameCode reports a host name and an anchor code that are the same code,
// or one the other with a few characters more (tyga69 -> tyga690.vip).
func sameCode(name, code string) bool {
	if name == code {
		return true
	}
	short, long := name, code
	if len(short) > len(long) {
		short, long = long, short
	}
	return len(short) >= 4 && len(long)-len(short) <= 3 && strings.HasPrefix(long, short)
}

// Host is what a link's host says.
type Host struct {
	Name     string  // the host as read
	Site     string  // registrable domain (example.co.uk)
	Stem     float64 // largest gambling stem weight in the host's name
	StemText string
	Brand    bool   // the name mixes letters and digits (hit69, 789bet)
	OddTLD   string // an unusual top-level domain of the lexicon's, without the dot
}

// Host reads a lower-case host (no port).
func (r *Reader) Host(h string) Host {
	hi := Host{Name: h}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "www."), ".")
	if h == "" {
		return hi
	}
	site, err := publicsuffix.EffectiveTLDPlusOne(h)
	if err != nil {
		site = h
	}
	hi.Site = site
	suffix, _ := publicsuffix.PublicSuffix(h)
	if r.tlds[suffix] {
		hi.OddTLD = suffix
	} else if i := strings.LastIndexByte(suffix, '.'); i >= 0 && r.tlds[suffix[i+1:]] {
		hi.OddTLD = suffix[i+1:]
	}
	// A top-level domain that is itself a gambling word (.bet, .casino,
	// .poker) names the host as much as its label does.
	if w := r.stems[suffix]; w >= 0.5 {
		hi.Stem, hi.StemText = w, "."+suffix
	}
	name := strings.TrimSuffix(h, "."+suffix)
	letters, digits := false, false
	for i := 0; i < len(name); {
		c := name[i]
		if c < 'a' || c > 'z' {
			if c >= '0' && c <= '9' {
				digits = true
			}
			i++
			continue
		}
		letters = true
		j := i
		for j < len(name) && name[j] >= 'a' && name[j] <= 'z' {
			j++
		}
		glued := i > 0 && name[i-1] >= '0' && name[i-1] <= '9' || j < len(name) && name[j] >= '0' && name[j] <= '9'
		// Weak stems (live, play, club) do not make a host a gambling site.
		if w := r.runStem(name[i:j], glued); w > hi.Stem && w >= 0.5 {
			hi.Stem, hi.StemText = w, name[i:j]
		}
		i = j
	}
	// Only the registrable label decides the brand shape: a CDN or a
	// numbered subdomain (s3, cdn2) says nothing.
	label := strings.TrimSuffix(site, "."+suffix)
	hi.Brand = letters && digits && strings.IndexFunc(label, unicode.IsDigit) >= 0 && strings.IndexFunc(label, unicode.IsLetter) >= 0
	return hi
}

// PathStem returns the largest stem weight among the words of a link's
// path and query, and whether a register word is among them.
func (r *Reader) PathStem(pq string) (float64, string) {
	ft := fold.Fold(pq)
	best, what := 0.0, ""
	for tok := range fold.Words(ft) {
		if tok[0] <= '9' {
			continue
		}
		// Path words are whole words (slot-gacor): a stem counts as the
		// word, or at its edge only when five letters or more (slotgacor
		// has gacor; betsy is not a bet).
		w := r.stems[tok]
		for k := 5; w == 0 && k < len(tok); k++ {
			w = max(r.stems[tok[:k]], r.stems[tok[len(tok)-k:]])
		}
		if w > best {
			best, what = w, tok
		}
	}
	return best, what
}

// Hosts caches what the hosts of one page say (Reader.Host): a page links
// the same hosts many times. The zero Hosts holds nothing; give it a
// Reader before use.
type Hosts struct {
	R    *Reader
	seen map[string]Host
}

// Get is R.Host(h), read once per host.
func (hs *Hosts) Get(h string) Host {
	if hi, ok := hs.seen[h]; ok {
		return hi
	}
	if hs.seen == nil {
		hs.seen = map[string]Host{}
	}
	hi := hs.R.Host(h)
	hs.seen[h] = hi
	return hi
}
