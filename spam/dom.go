package spam

import (
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/spam/anchor"
	"github.com/winnowhq/winnow/spam/brand"
	"github.com/winnowhq/winnow/spam/evidence"
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/hidden"
	"github.com/winnowhq/winnow/spam/lexicon"
	"github.com/winnowhq/winnow/spam/promo"
	"github.com/winnowhq/winnow/spam/stranger"
	"github.com/winnowhq/winnow/spam/textscore"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Analysis holds the spam scores of one page's blocks and links, computed
// in one walk. It is read by the rules that act on the score and by the
// page verdict.
type Analysis struct {
	m      *Model
	site   string // the page's registrable domain
	scores evidence.Nodes
	// page totals, for the verdict
	words, spamWords int
	title, h1, ld    *Score
	buttons          []*html.Node // short links and buttons: register/login candidates
	// glued holds the paragraphs scored for a spam sentence glued into
	// them (see gluedPass): only that sentence may go, never the block.
	glued map[*html.Node]gluedRun
	// headline is the page's first <h1> when below the spam score, or found
	// the page's own by headlinePass (spam by its vocabulary alone):
	// CleanTitle keeps the title's part that says it.
	headline string
}

// Glued reports a paragraph whose score is that of a spam sentence glued
// into it: a rule may cut the sentence (SpamRun finds it), never the
// paragraph.
func (a *Analysis) Glued(n *html.Node) bool {
	if a == nil {
		return false
	}
	_, ok := a.glued[n]
	return ok
}

// Score returns the score of n (nil when n is not a scored block or link,
// or nothing was found in it).
func (a *Analysis) Score(n *html.Node) *Score {
	if a == nil {
		return nil
	}
	return a.scores[n]
}

// MaxScore returns the highest score of the page's blocks and links (0
// when none was scored): a rule acting on a score above it matches no
// element, and need not look at each.
func (a *Analysis) MaxScore() float64 {
	if a == nil {
		return 0
	}
	best := 0.0
	for _, s := range a.scores {
		if s != nil {
			best = max(best, s.Value)
		}
	}
	return best
}

// part is what a subtree gathers for the blocks around it: its clean text
// facts, and the words of the parts already scored as spam.
type part struct {
	textscore.Facts
	spamWords, spamUnits int
	links                int
	// codeHosts counts the links below the spam score that go to another
	// site named like a brand code on an odd top-level domain (qq9win.top).
	codeHosts int
}

// Analyze scores the blocks and links of doc, a page whose host is
// pageHost. Links first: a spam link's words leave its block's text, so
// that a real paragraph with a spam anchor glued to it keeps a clean score
// and only the anchor goes.
func Analyze(m *Model, doc *html.Node, pageHost string) *Analysis {
	return AnalyzeSheet(m, doc, pageHost, nil)
}

// AnalyzeSheet is Analyze for a page whose style sheets (read with
// ParseSheet before they were removed from doc) hide some classes or ids.
func AnalyzeSheet(m *Model, doc *html.Node, pageHost string, sheet *Sheet) *Analysis {
	a := &Analysis{m: m, scores: evidence.Nodes{}, glued: map[*html.Node]gluedRun{}}
	if h := strings.ToLower(pageHost); h != "" {
		if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
			h = h[:i]
		}
		a.site = m.Brand().Host(h).Site
	}
	w := walker{a: a, hosts: brand.Hosts{R: m.Brand()}, sheet: sheet, root: doc}
	top := w.walk(doc, false)
	a.words = top.Words + top.spamWords
	a.spamWords = top.spamWords
	// Short texts with some evidence that recur on the page (a brand line
	// in a header, a sidebar and a footer) are scored again with that.
	if len(w.later.short) > 0 {
		seen := map[string]int{}
		keys := make([]string, len(w.later.short))
		for i, c := range w.later.short {
			keys[i] = fold.Phrase(domtext.ElementText(c.n))
			seen[keys[i]]++
		}
		for i, c := range w.later.short {
			if seen[keys[i]] < 3 {
				continue
			}
			if w.repeated == nil {
				w.repeated = map[*html.Node]int{}
			}
			w.repeated[c.n] = seen[keys[i]]
			if s := w.score(c); s != nil {
				a.scores[c.n] = s
			}
		}
	}
	// A page that carries spam elsewhere: blocks and anchors made of a bare
	// code (SUN52, joker713), which alone are never enough, are scored
	// again with that evidence.
	if len(w.later.prose) > 0 {
		w.topicPass()
		w.subjectPass()
	}
	if len(w.later.proseTexts) > 0 && w.spam > 0 && w.headlinePass() && len(w.later.prose) > 0 {
		w.topicPass()
	}
	if len(w.later.headings) > 0 {
		w.sectionPass()
	}
	if w.spam > 0 {
		w.quotePass()
	}
	if len(w.later.glued) > 0 {
		w.gluedPass()
	}
	if len(w.later.short) > 0 {
		w.linePass()
	}
	w.strangerLinks(w.strangerPass())
	if w.spam > 0 {
		w.tablePass()
	}
	if len(w.later.made) > 0 {
		w.madePass()
	}
	if w.carriesSpam() && len(w.later.codes) > 0 {
		w.pageSpam = true
		for _, c := range w.later.codes {
			if s := w.score(c); s != nil && (s.Value >= Unit || !a.scores.Spam(c.n)) { // a stranger link stays spam
				a.scores[c.n] = s
			}
		}
	}
	return a
}

// minPageCodes is how many brand codes the page's spam units must name
// between them for a page with one spam unit to carry other spam (a block
// listing brand codes, a link farm written as text).
const minPageCodes = 3

// carriesSpam reports a page that carries spam, for the bare codes on it:
// two units or more scored as spam, or spam naming minPageCodes brand
// codes or more.
func (w *walker) carriesSpam() bool {
	return w.spam >= 2 || w.spam == 1 && w.spamCodes >= minPageCodes
}

// score scores a unit again, in the second pass.
func (w *walker) score(c codeUnit) *Score {
	p := c.p
	if c.n.DataAtom == atom.A {
		return w.link(c.n, &p, c.hidden)
	}
	return w.block(c.n, &p, c.hidden, c.why)
}

// facts is Model.Facts with a fast path for ASCII text, by far the most
// common: folded in a scratch buffer, no string made unless it holds
// digits (which brand codes need).
func (w *walker) facts(text string) textscore.Facts {
	if !textnorm.IsASCII(text) {
		// Model.Facts, the lexicon reading the folded text from the
		// scratch buffer rather than from a copy made for it.
		ft := fold.Fold(text)
		w.buf = append(w.buf[:0], fold.SwapDigits(ft)...)
		return w.a.m.FoldedFacts(ft, w.a.m.Terms().FindBytes(w.buf))
	}
	b := append(w.buf[:0], text...)
	digits := false
	for i, c := range b {
		switch {
		case c >= 'A' && c <= 'Z':
			b[i] = c + 0x20
		case c >= '0' && c <= '9':
			digits = true
		}
	}
	w.buf = b
	m := w.a.m
	if digits {
		// Model.Facts on text folded already: brand codes need it as a
		// string, and the lexicon reads it with digits swapped, in the
		// buffer when none is.
		ft := string(b)
		f := textscore.Facts{Words: fold.CountWords(ft), Brands: m.Brand().Codes(ft)}
		if sw := fold.SwapDigits(ft); sw == ft {
			f.Hits = m.Terms().FindBytes(b)
		} else {
			f.Hits = m.Terms().FindBytes([]byte(sw))
		}
		return f
	}
	f := textscore.Facts{Words: fold.CountWords(text), Hits: m.Terms().FindBytes(b)}
	f.Brands.Other = f.Words
	return f
}

type walker struct {
	buf  []byte // scratch for facts
	a    *Analysis
	spam int // units scored as spam
	// spamCodes counts the brand codes of the units scored as spam: a
	// list of codes is one block, and as many brands as it names.
	spamCodes int
	pageSpam  bool // second pass: the page carries other spam
	later     later
	repeated  map[*html.Node]int
	hosts     brand.Hosts
	sheet     *Sheet
	codeHost  bool // the last link scored goes to a code-named host on an odd TLD
	root      *html.Node
	pageCodes map[string]int // the codes of root's text, counted when a glued run asks
}

// later is what the walk keeps for the second passes (Analyze) to read
// again once the whole page is scored.
type later struct {
	codes []codeUnit   // units made of bare codes, below the spam score
	short []codeUnit   // short units with some evidence, below the spam score
	glued []*html.Node // paragraphs with vocabulary, below the spam score
	// proseTopic is the topic's vocabulary (terms.Matcher.TopicMass, and
	// LegitMass: regulation and help words) in the page's running text
	// below the spam score: paragraphs of textscore.MinProseWords words or
	// more (menus, tabs and labels aside).
	proseTopic float64
	prose      []proseUnit  // running text scored as spam by its vocabulary alone
	headings   []*html.Node // section headings (h2 to h6) scored as spam
	made       []*html.Node // blocks scored with the spam parts they are made of (spam-links)
	proseTexts []string     // the folded text of the running text proseTopic counts, and of what topicPass read as the topic's
	plain      []*html.Node // visible paragraphs and lines below the spam score, for strangerPass
	links      []*html.Node // short visible links below the spam score, for strangerLinks
}

// codeCounts counts the brand codes of the page's whole text (scripts and
// hidden boxes included: a product's code in its JSON-LD counts), once,
// for the glued runs and lines the second passes score.
func (w *walker) codeCounts() map[string]int {
	if w.pageCodes == nil {
		w.pageCodes = w.a.m.Brand().CodeCounts(fold.Fold(domtext.AllText(w.root)))
	}
	return w.pageCodes
}

// codeUnit is a block or anchor made only of brand-shaped codes.
type codeUnit struct {
	n      *html.Node
	p      part
	hidden bool
	why    string
}

// codeOnly reports text of four words at most made of brand-shaped codes
// and, beside them, no more other words than codes: SUN52, "hit236 live",
// six86.com, "qk57 x", "lux77 plus" (brand names are often a code and a
// word).
func codeOnly(p *part) bool {
	codes := len(p.Brands.Found)
	return codes > 0 && p.Brands.Other <= codes && p.Words <= 4 && p.spamUnits == 0
}

// bareNumber reports a paragraph or heading made of one bare number of
// three to six digits, not a year (promo.EdgeNumber): on a page that
// carries other spam, a brand named by a number (888, 16388) set apart
// as a line of its own. Counts and prices sit in cells, labels and links,
// or carry a sign or separators.
func bareNumber(n *html.Node, p *part) bool {
	if p.Words != 1 || len(p.Hits) > 0 || len(p.Brands.Found) > 0 || p.spamUnits > 0 || n.DataAtom != atom.P && !domtext.IsHeading(n.DataAtom) {
		return false
	}
	t := strings.TrimSpace(domtext.ElementText(n))
	return t != "" && t[0] >= '0' && t[0] <= '9' && promo.EdgeNumber(t) == t
}

func (w *walker) walk(n *html.Node, hiddenAnc bool) part {
	var p part
	switch n.Type {
	case html.TextNode:
		if strings.TrimSpace(n.Data) == "" {
			return p
		}
		p.Facts = w.facts(n.Data)
		return p
	case html.ElementNode, html.DocumentNode:
	default:
		return p
	}
	switch n.DataAtom {
	case atom.Script:
		if n.Parent != nil && w.a.ld == nil {
			w.a.ld = w.jsonLD(n)
		}
		return p
	case atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math, atom.Select, atom.Textarea, atom.Iframe, atom.Object:
		return p
	case atom.Title:
		if w.a.title == nil {
			w.a.title = w.a.m.ScoreText(domtext.ElementText(n))
		}
		return p
	case atom.Head:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, false)
		}
		return p
	}
	why := hidden.Why(n)
	if why == "" && w.sheet != nil && n.Type == html.ElementNode {
		why = w.sheet.Hides(n)
	}
	if why != "" && hidden.Collapsed(n) {
		why = "" // collapsed content: the reader opens it
	}
	hidden := hiddenAnc || why != ""
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cp := w.walk(c, hidden)
		p.Facts.Add(&cp.Facts)
		p.spamWords += cp.spamWords
		p.spamUnits += cp.spamUnits
		p.links += cp.links
		p.codeHosts += cp.codeHosts
	}
	if n.Type == html.ElementNode {
		w.scoreElement(n, &p, hidden, why)
	}
	return p
}

// scoreElement scores element n once its subtree is walked (p holds what the walk
// found in it; hidden and why say whether and why it is hidden), records
// the score and the code-only and short units the page verdict reads, and
// takes the words of a spam unit out of p.
func (w *walker) scoreElement(n *html.Node, p *part, hidden bool, why string) {
	var s *Score
	switch {
	case n.DataAtom == atom.A:
		p.links++
		s = w.link(n, p, hidden)
		if (s == nil || s.Value < Unit) && w.codeHost {
			p.codeHosts++
		}
		if p.Words <= 6 {
			w.a.buttons = append(w.a.buttons, n) // read only if the verdict needs them
		}
	case n.DataAtom == atom.H1 && w.a.h1 == nil:
		if w.a.h1 = w.a.m.ScoreText(domtext.ElementText(n)); w.a.h1 == nil || w.a.h1.Value < Unit {
			w.a.headline = domtext.ElementText(n) // the page's own: its title's parts that say it stay
		}
		s = w.block(n, p, hidden, why)
	case n.DataAtom == atom.Button:
		if p.Words <= 6 {
			w.a.buttons = append(w.a.buttons, n)
		}
		s = w.block(n, p, hidden, why)
	case n.DataAtom == atom.Html || n.DataAtom == atom.Body:
	case isUnit(n.DataAtom) || why != "":
		s = w.block(n, p, hidden, why)
	}
	if s != nil || n.DataAtom == atom.A || isUnit(n.DataAtom) {
		if (s == nil || s.Value < Unit) && !w.pageSpam && (codeOnly(p) || bareNumber(n, p)) && n.DataAtom != atom.Html && n.DataAtom != atom.Body {
			w.later.codes = append(w.later.codes, codeUnit{n: n, p: *p, hidden: hidden, why: why})
		}
	}
	w.gluedCount(n, p, s, hidden)
	if !hidden && (s == nil || s.Value < Unit) && p.Words > 0 && (p.spamUnits == 0 || p.Words >= stranger.MinRest) && (gluedCandidate(n) || domtext.IsHeading(n.DataAtom) || n.DataAtom == atom.P || stranger.Box(n)) {
		w.later.plain = append(w.later.plain, n)
	}
	if n.DataAtom == atom.A && !hidden && (s == nil || s.Value < Unit) && p.Words > 0 && p.Words <= 5 {
		w.later.links = append(w.later.links, n)
	}
	if s != nil && s.Value < Unit && p.Words <= 12 && !w.pageSpam {
		w.later.short = append(w.later.short, codeUnit{n: n, p: *p, hidden: hidden, why: why})
	}
	if s != nil {
		w.a.scores[n] = s
		if s.Value >= Unit {
			w.spam++
			w.spamCodes += len(p.Brands.Found)
			// Its words leave the clean text of the blocks around it.
			p.spamWords += p.Words
			p.spamUnits++
			p.Facts = textscore.Facts{}
		}
	}
}

// minHiddenVocab is the vocabulary that makes a hidden box's hiding strong
// evidence: a gambling word of the weight of "casino" or more (not "slots",
// "lottery" or "odds", which card readers and results pages hide too).
const minHiddenVocab = 0.3

// isUnit reports the elements scored as blocks: every block element and
// the inline boxes spam hides in.
func isUnit(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Section, atom.Article, atom.Aside, atom.Header, atom.Footer, atom.Nav, atom.Table, atom.Tr, atom.Td, atom.Th,
		atom.Blockquote, atom.Figure, atom.Figcaption, atom.Dd, atom.Dt, atom.Dl, atom.Main, atom.Form, atom.Center,
		atom.Span, atom.Font, atom.Strong, atom.B, atom.Em, atom.I, atom.Small, atom.Marquee, atom.Label, atom.Address:
		return true
	}
	return false
}

// block scores a block from its clean parts: vocabulary and brand codes as
// densities, the spam parts it is made of, hidden ancestry.
func (w *walker) block(n *html.Node, p *part, hidden bool, why string) *Score {
	m := w.a.m
	farm := hostFarm(p)
	number := w.pageSpam && bareNumber(n, p)
	concealed := hidden && p.Brands.Plain > 0 && p.Words <= maxConcealedWords && !domtext.IsHeading(n.DataAtom) && conceals(why)
	if len(p.Hits) == 0 && p.Brands.Gambling == 0 && p.spamUnits == 0 && !farm && !(w.pageSpam && codeOnly(p)) && !number && !concealed {
		return nil
	}
	sc := m.Scorer()
	sc.Text(&p.Facts)
	if number {
		// A number where a brand stands (888, 16388): read as a code.
		sc.Weighted(lexicon.SigBrand, 1, strings.TrimSpace(domtext.ElementText(n)))
	}
	if w.pageSpam && (codeOnly(p) || number) {
		sc.Weighted(lexicon.SigPageSpam, 1, "a bare code on a page with other spam")
	}
	if k := w.repeated[n]; k > 0 {
		sc.Weighted(lexicon.SigRepeated, 1, evidence.Plural(k, "time"))
	}
	// Made of spam parts: what is left between them is a few words at most
	// (separators, "|", "Link:"), or far less than the spam.
	if evidence.MadeOfParts(p.spamUnits, p.spamWords, p.Words) {
		sc.Weighted(lexicon.SigSpamLinks, 1, evidence.Plural(p.spamUnits, "spam part"))
		if !farm {
			w.later.made = append(w.later.made, n)
		}
	}
	if farm {
		sc.Weighted(lexicon.SigSpamLinks, 1, evidence.Plural(p.codeHosts, "link")+" to code-named hosts on odd domains")
	}
	if hidden {
		if why == "" {
			why = "ancestor"
		}
		sc.Weighted(lexicon.SigHidden, 1, why)
		// Or a code beside gambling words of any weight, dense in a
		// short text: "QK57 sports betting"; or a code in a short box,
		// not a heading, that the page conceals (off-screen, text in
		// the background's colour), whatever language its words are in.
		if v := m.Terms().Sum(p.Hits); v >= minHiddenVocab || p.Brands.Gambling > 0 || p.Brands.Plain > 0 && v/evidence.Density(p.Words) >= 0.2 || concealed {
			sc.Weighted(lexicon.SigHiddenGambling, 1, "")
		}
	}
	return sc.Result()
}

// madePass reads again the blocks scored with the spam parts they are
// made of, once the second passes have read some parts again (a story's
// headline and paragraphs on a page about the topic): a block no longer
// made of spam parts (evidence.MadeOfParts, counting the parts that are spam now)
// keeps the rest of its evidence only.
func (w *walker) madePass() {
	for _, n := range w.later.made {
		if !w.a.scores.Spam(n) {
			continue // read again already (topicPass)
		}
		parts, rest := domtext.Parts(n, w.a.scores.Spam)
		spamWords := 0
		for _, c := range parts {
			spamWords += fold.CountWords(fold.Fold(domtext.ElementText(c)))
		}
		if evidence.MadeOfParts(len(parts), spamWords, fold.CountWords(fold.Fold(rest))) {
			continue
		}
		sc := w.a.m.Scorer()
		for _, e := range w.a.scores[n].Evidence {
			if e.Signal != lexicon.SigSpamLinks {
				sc.Add(e.Signal, e.Weight, e.Detail)
			}
		}
		if r := sc.Result(); r != nil {
			w.a.scores[n] = r
		} else {
			delete(w.a.scores, n)
		}
	}
}

// maxConcealedWords is the most words a concealed box holding a code
// (hidden.Conceals) may have to be spam by that alone: injected spam
// conceals a line or a few sentences, not a product's description.
const maxConcealedWords = 40

// conceals reports a way of hiding (block's why) that keeps a box laid out
// but unseen (hidden.Conceals); block's parameter hides the package.
func conceals(why string) bool { return hidden.Conceals(why) }

// minFarmHosts is how many links to code-named hosts on odd top-level
// domains make a block a link farm.
const minFarmHosts = 3

// hostFarm reports a block made of links to code-named hosts on odd
// top-level domains (lux8.xyz, qq9win.top, mb66.vip), whatever their words
// say: three or more, and few words besides theirs ("Partner:", "|").
func hostFarm(p *part) bool {
	return p.codeHosts >= minFarmHosts && p.Words <= 4*p.codeHosts+4
}

// link scores an anchor: its text, its host and path against the page's,
// where it sits in its paragraph, hidden ancestry. A link the page
// declares as its advertiser's (anchor.Sponsored: a review's link to the
// casino it reviews) has no gambling host or path: those words are the
// advertiser's name, not evidence of injection; its text, codes and place
// are read as any link's.
func (w *walker) link(n *html.Node, p *part, hidden bool) *Score {
	m := w.a.m
	href := strings.TrimSpace(domtext.Attr(n, "href"))
	// A redirector's link is read as the link it redirects to.
	via := ""
	if t := anchor.Target(href); t != "" {
		via, href = anchor.Host(href), t
	}
	host := anchor.Host(href)
	hi := w.hosts.Get(host)
	foreign := host != "" && hi.Site != "" && hi.Site != w.a.site
	w.codeHost = foreign && hi.Brand && hi.OddTLD != ""
	pathW, pathWhat := 0.0, ""
	if foreign {
		pathW, pathWhat = m.Brand().PathStem(anchor.PathQuery(href))
	}
	if foreign && anchor.Sponsored(n) {
		hi.Stem, hi.StemText, pathW, pathWhat = 0, "", 0, ""
	}
	// Where it sits in its paragraph is read only when a test below needs
	// it: most links leave at the cheap exit without (walking the block
	// around each link was 0.7% of winnow's AEB CPU).
	where := anchor.LazyPlace{A: n}
	// Or a code sent through a link shortener, which hides where it goes.
	// Either is not spam's when the paragraph names the code itself (a
	// product linked where the text talks about it).
	masked := foreign && m.Shortener(hi.Site)
	vocab := m.Terms().Sum(p.Hits)
	var brandDomain bool
	var brandWhat string
	if foreign {
		// A code named after its own throw-away domain: W332 -> w332.club.
		brandDomain, brandWhat = brandDomainLink(m, n, p, hi, &where, masked && hidden, vocab)
	}
	// Cheap exit: without vocabulary, a gambling code or a gambling host
	// or path, the weak signals could never count.
	// A bare code linking to a host named like a code or on an odd TLD,
	// not inside a sentence, on a page that carries other spam.
	codePage := w.pageSpam && codeOnly(p) && foreign && (hi.Brand || hi.OddTLD != "" || masked) && where.Get() != anchor.Inline
	hiddenCode := hidden && p.Brands.Plain > 0 && foreign && hi.Brand && where.Get() != anchor.Inline
	if vocab <= 0 && p.Brands.Gambling == 0 && hi.Stem == 0 && pathW == 0 && !brandDomain && !codePage && !hiddenCode {
		return nil
	}
	sc := m.Scorer()
	if codePage {
		sc.Weighted(lexicon.SigPageSpam, 1, "a code linking elsewhere on a page with other spam")
	}
	// An anchor is short: its vocabulary counts as it is, no density.
	if vocab != 0 {
		sc.Add(lexicon.SigTerms, vocab, m.Terms().Names(p.Hits, evidence.MaxListed))
	}
	if p.Brands.Gambling > 0 {
		sc.Weighted(lexicon.SigBrandGambling, p.Brands.Gambling, strings.Join(p.Brands.Found, ", "))
	} else if p.Brands.Plain > 0 {
		sc.Weighted(lexicon.SigBrand, 1, strings.Join(p.Brands.Found, ", "))
	}
	if foreign {
		sc.ForeignHost(via, hi, pathW, pathWhat)
		if brandDomain {
			sc.Weighted(lexicon.SigBrandDomain, 1, brandWhat)
		}
	}
	switch pl := where.Get(); {
	case pl.Glued():
		sc.Weighted(lexicon.SigGlued, 1, pl.String())
	case pl == anchor.Inline:
		sc.Weighted(lexicon.SigInline, 1, "")
	}
	if hidden {
		sc.Weighted(lexicon.SigHidden, 1, "ancestor")
		// Or a code linking to a host named like a code.
		if vocab >= minHiddenVocab || p.Brands.Gambling > 0 || hi.Stem > 0 || brandDomain || hiddenCode {
			sc.Weighted(lexicon.SigHiddenGambling, 1, "")
		}
	}
	if k := w.repeated[n]; k > 0 {
		sc.Weighted(lexicon.SigRepeated, 1, evidence.Plural(k, "time"))
	}
	return sc.Result()
}

// brandDomainLink reports whether link n, on another site, is a code named
// after its own throw-away domain (W332 -> w332.club), a code sent through a
// link shortener (maskedHidden: a hidden link to one), or a short anchor of
// gambling words with a code in it that names its host ("mb789x sports
// betting" -> mb789x.example); none counts when the paragraph names the
// code itself (a product linked where the text talks about it). what says
// which.
func brandDomainLink(m *Model, n *html.Node, p *part, hi brand.Host, where *anchor.LazyPlace, maskedHidden bool, vocab float64) (bool, string) {
	what := hi.Site
	if p.Words <= 3 && (hi.OddTLD != "" || where.Get().Glued() || maskedHidden) {
		ft := fold.Fold(domtext.ElementText(n))
		switch {
		case m.Brand().NamesHost(ft, hi, hi.OddTLD == ""):
			if !anchor.Mentioned(n, ft) {
				return true, what
			}
		case m.Shortener(hi.Site) && codeOnly(p):
			what = "shortener " + hi.Site
			if !anchor.Mentioned(n, ft) {
				return true, what
			}
		}
		// Mentioned, or neither: the code-in-words test below may hold.
	}
	if vocab > 0 && p.Brands.Plain > 0 && p.Words <= 10 {
		ft := fold.Fold(domtext.ElementText(n))
		if m.Brand().CodeNamesHost(ft, hi) && !anchor.Mentioned(n, ft) {
			return true, what
		}
	}
	return false, what
}
