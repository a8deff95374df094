package stranger

import (
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/langid"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/script"
	"golang.org/x/net/html"
)

// Thresholds of Page.
const (
	// minPageWords is how many words a page needs for the words a piece
	// shares with the rest of it to tell its language.
	minPageWords = 150
	// minRest is how many words the rest of a paragraph keeps besides a
	// stranger sentence: a real paragraph.
	minRest = 8
	// minLine and maxLine bound the words of a line set apart read as a
	// stranger: a product's name, a model number or an address is a short
	// line of names and codes in every language.
	minLine, maxLine = 5, 24
)

// Page is what a page's text tells of the pieces in it: its words
// (Vocab), its script and language, and whether its paragraphs share
// their words (in languages that inflect or join words they seldom do,
// and only the script tells a stranger there).
type Page struct {
	text      string
	lower     string // text lower-cased, for lone, on first use
	script    string // script.Main(text), on first use (scriptSet)
	scriptSet bool
	paras     []*html.Node
	vocab     Vocab // counted on first use (Page.words): most pages hold no candidate that reaches it
	enough    bool
	byWords   int8 // 0 not yet known, 1 yes, -1 no (Page.familiarWords)
	lang      string
	langSet   bool
	suspect   Vocab // the words of the pieces that carry a payload (Suspect)
}

// NewPage reads text, the page's visible text, and paras, its paragraphs.
func NewPage(text string, paras []*html.Node) *Page {
	return &Page{text: text, paras: paras, enough: fold.CountWordsUpTo(text, minPageWords) >= minPageWords}
}

// words returns the page's Vocab, counting it on first use.
func (p *Page) words() Vocab {
	if p.vocab == nil {
		p.vocab = newVocab(p.lowerText())
	}
	return p.vocab
}

// lowerText returns the page's text lower-cased, computing it on first use.
func (p *Page) lowerText() string {
	if p.lower == "" {
		p.lower = strings.ToLower(p.text)
	}
	return p.lower
}

// familiarWords reports, once for the page, whether its paragraphs share
// their words (familiar).
func (p *Page) familiarWords() bool {
	if p.byWords == 0 {
		p.byWords = -1
		if p.familiar(p.paras) {
			p.byWords = 1
		}
	}
	return p.byWords > 0
}

// Enough reports a page of enough words to tell its strangers.
func (p *Page) Enough() bool { return p.enough }

// minFamiliarParas is the share of a page's paragraphs that must share
// their words with the rest of it (Vocab.Familiar) for words to
// tell a stranger: in languages that inflect or join words (Korean,
// Finnish, Turkish) a paragraph's words seldom recur, and only the script
// tells.
const minFamiliarParas = 0.6

// familiar reports a page whose paragraphs of minRest words or
// more mostly share their words with the rest of it.
func (p *Page) familiar(paras []*html.Node) bool {
	n, familiar := 0, 0
	for _, para := range paras {
		t := domtext.Text(para)
		if fold.CountWordsUpTo(t, minRest) < minRest {
			continue
		}
		n++
		if p.words().Familiar(t) {
			familiar++
		}
	}
	return n > 0 && float64(familiar) >= minFamiliarParas*float64(n)
}

// Run finds the first or the last sentence of text when it carries a
// payload and is a stranger (in words the page does not otherwise use and
// not a list of names, when the page's paragraphs share their words, or
// in another script than the rest), the rest of text being minRest words
// or more of the page's own prose.
func (p *Page) Run(text string) (from, to int, ok bool) {
	bounds := textnorm.SentenceBounds(text)
	if len(bounds) < 2 {
		return 0, 0, false
	}
	for _, r := range [2][2]int{{bounds[len(bounds)-2], len(text)}, {0, bounds[0]}} {
		run, rest := text[r[0]:r[1]], text[:r[0]]+" "+text[r[1]:]
		if !p.lone(Payload(run)) || fold.CountWordsUpTo(rest, minRest) < minRest || !p.words().Familiar(rest) && p.familiarWords() {
			continue
		}
		a, b := script.Main(run), script.Main(rest)
		if Prose(run) && p.strangeWords(run) && p.familiarWords() || a != b && a != "" && b != "" {
			return r[0], r[1], true
		}
	}
	return 0, 0, false
}

// Line reports a line n (whose text is text) of minLine to maxLine words
// set beside the page's prose (besideProse), carrying a payload, in a
// script the rest of the page does not write in, or, on a page whose
// paragraphs share their words, in words the page does not otherwise use
// and in another language (langid.Detect, which answers only for prose,
// not for a list of names).
func (p *Page) Line(n *html.Node, text string) bool {
	if k := fold.CountWordsUpTo(text, maxLine+1); k < minLine || k > maxLine || len(textnorm.SentenceBounds(text)) > 2 || !p.lone(Payload(text)) {
		return false
	}
	return p.strange(text) && besideProse(n, p.words())
}

// lone reports a payload whose longest run of letters and digits the page
// names once: a site's own domain, a product's code or an office's phone
// number recurs on its page ("visit www.example.com" under an article
// naming Example), a spam brand glued in once does not.
func (p *Page) lone(payload string) bool {
	if payload == "" {
		return false
	}
	core := ""
	for w := range fold.Words(strings.ToLower(payload)) {
		if len(w) > len(core) {
			core = w
		}
	}
	if strings.ContainsRune(payload, ' ') {
		core = strings.ToLower(payload) // a phone number in groups: its groups recur in other figures
	}
	if len(core) < 3 {
		return true
	}
	return strings.Count(p.lowerText(), core) <= 1
}

// strange reports a line in a script the page writes in nowhere else,
// or in words and a language not the page's.
func (p *Page) strange(text string) bool {
	page := p.text
	if !p.scriptSet {
		p.script, p.scriptSet = script.Main(page), true
	}
	if a, b := script.Main(text), p.script; a != b && a != "" && b != "" {
		return script.Count(page, a) <= 2*script.Count(text, a) // the line and its copies at most
	}
	if !Prose(text) || !p.strangeWords(text) || !p.familiarWords() { // the page-wide test last: it costs most
		return false
	}
	if !p.langSet {
		p.lang, p.langSet = p.proseLang(), true
	}
	l, pl := langid.Detect(text), p.lang
	return pl != "" && l != pl // "" for a language langid has no profile for: not the page's
}

// besideProse reports a line set next to the page's own prose: the box
// that holds it (n, or the ancestors holding nothing else) has a block
// before or after it of minRest words or more that shares its
// words with the page (Vocab.Familiar). A line among lines (a
// list of titles, a table of names) is not set apart.
func besideProse(n *html.Node, vocab Vocab) bool {
	box := n
	for box.Parent != nil && box.Parent.Type == html.ElementNode && onlyChild(box) {
		box = box.Parent
	}
	for _, s := range [2]*html.Node{prevElement(box), nextElement(box)} {
		if s == nil {
			continue
		}
		if t := domtext.Text(s); fold.CountWordsUpTo(t, minRest) >= minRest && vocab.Familiar(t) {
			return true
		}
	}
	return false
}

// onlyChild reports an element whose parent holds no other element and no
// text.
func onlyChild(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && (c.Type == html.ElementNode || c.Type == html.TextNode && strings.TrimSpace(c.Data) != "") {
			return false
		}
	}
	return true
}

func prevElement(n *html.Node) *html.Node {
	for c := n.PrevSibling; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

func nextElement(n *html.Node) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}
