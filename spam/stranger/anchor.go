package stranger

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnowhq/winnow/spam/anchor"
	"github.com/winnowhq/winnow/spam/fold"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxAnchorWords is the most words a glued link's text may have to be
// read as a stranger by its payload: injected links are a brand, a
// handle, a dose or a number, not a sentence.
const maxAnchorWords = 5

// Anchor reports a link to another site, host (the caller tells it is
// another's), glued to a real paragraph (anchor.Place: at its start or
// end, or after a finished sentence) whose text (maxAnchorWords words at
// most) is or carries a payload (AnchorPayload) that is a stranger to the
// page: the payload names nowhere else on it (lone), its name (the first
// run of letters: "sbo" in sbo88) and the text's other words are words the
// page does not otherwise use, and the paragraph does not mention it
// (anchor.Mentioned). A product's model, a version, a citation or an
// author's handle is named by words the page uses ("Amazon S3", "Spice
// v1.9.0", "Trainium2" on a page about Trainium); a code, handle, dose or
// phone number stuck to prose it has nothing to do with is not, in
// whatever language the page is written. A link whose text is a domain or
// an address counts only on a host whose name carries digits or hyphens
// (a citation names its source's host as it is). A link inside a
// quotation or an embedded post (a blockquote: a tweet's pic.twitter.com
// link) is the quoted text's. It returns the payload.
func (p *Page) Anchor(a *html.Node, text, host string) (string, bool) {
	if fold.CountWords(text) > maxAnchorWords {
		return "", false
	}
	pl := AnchorPayload(text)
	if pl == "" || address(pl) && !codeHost(host) || !p.lone(pl) || quoted(a) {
		return "", false
	}
	if p.knownWord(Plain(text)) || p.knownName(pl) {
		return "", false
	}
	if !anchor.Place(a).Glued() || anchor.Mentioned(a, fold.Fold(text)) {
		return "", false
	}
	return pl, true
}

// minNameLetters is how many letters a word of a link's text needs for
// the page's use of it to make the link the page's own: a product's or a
// project's name (Trainium, Django, Swift), not a short or common word
// that codes are made of (six, bet, fb, vip).
const minNameLetters = 5

// knownWord reports a text with a word of minNameLetters letters or more
// that the page uses outside it.
func (p *Page) knownWord(text string) bool {
	own := map[string]int{}
	for w := range words(text) {
		if utf8.RuneCountInString(w) >= minNameLetters {
			own[w]++
		}
	}
	for w, k := range own {
		if p.words()[w] > k {
			return true
		}
	}
	return false
}

// knownName reports a payload whose first run of minNameLetters letters
// or more (the name in "trainium2") the page uses outside it.
func (p *Page) knownName(pl string) bool {
	for w := range words(pl) {
		if utf8.RuneCountInString(w) < minNameLetters {
			continue
		}
		own := strings.Count(strings.ToLower(pl), w)
		return p.words()[w] > own || strings.Count(p.lowerText(), w) > own
	}
	return false
}

// address reports a payload written as a domain or a link.
func address(pl string) bool {
	return strings.Contains(pl, "://") || domain(strings.ToLower(strings.TrimPrefix(pl, "www.")))
}

// codeHost reports a host with a label before its last that carries a
// digit or a hyphen: a code's or a keyword's throw-away domain (also
// under a sub-domain: promo.cheap-pills.example), or an address.
func codeHost(host string) bool {
	i := strings.LastIndexByte(host, '.')
	if i < 0 {
		return false
	}
	return strings.IndexFunc(host[:i], func(r rune) bool { return r == '-' || unicode.IsDigit(r) }) >= 0
}

// quoted reports a node inside a blockquote or a q.
func quoted(n *html.Node) bool {
	for c := n.Parent; c != nil; c = c.Parent {
		if c.DataAtom == atom.Blockquote || c.DataAtom == atom.Q {
			return true
		}
	}
	return false
}

// maxSpelledFields is how many fields a link's text may be spelled in for
// AnchorPayload to read them as one code.
const maxSpelledFields = 3

// AnchorPayload is Payload for a link's text, which also reads a code
// spelled in a few fields as one ("Fb 777 Bet", "Zolpex 20 mg": a brand
// or a dose is one name, however spaced).
func AnchorPayload(text string) string {
	if pl := Payload(text); pl != "" {
		return pl
	}
	f := strings.Fields(text)
	if len(f) < 2 || len(f) > maxSpelledFields {
		return ""
	}
	for _, x := range f {
		if !allLetters(x) && !allDigits(x) {
			return "" // "Over 245,000", "Less than 1%": a figure, not a code
		}
	}
	if t := strings.Join(f, ""); payload(t) {
		return strings.Join(f, " ")
	}
	return ""
}

func allLetters(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

func allDigits(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}
