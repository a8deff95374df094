package heldoutb

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnowhq/winnow/bench/noise"
	"github.com/winnowhq/winnow/internal/domtext"
)

// The noise kinds, each drawing its markup from markup.go's pools.

func (in *injector) chance(p float64) bool { return in.r.Float64() < p }

// para returns a random body paragraph, from index lo on.
func (in *injector) para(lo int) *html.Node {
	lo = min(lo, len(in.paras)-1)
	return in.paras[lo+in.r.IntN(len(in.paras)-lo)]
}

func (in *injector) spam(kind, text, where string) {
	in.items.Spam = append(in.items.Spam, noise.Item{Text: text, Kind: kind, Where: where})
}

func (in *injector) boiler(kind, where string, texts ...string) {
	for _, t := range texts {
		in.items.Boilerplate = append(in.items.Boilerplate, noise.Item{Text: t, Kind: kind, Where: where})
	}
}

// brand returns a spam brand or code from one of the brand patterns.
func (in *injector) brand() string {
	return expand(in.r, pick(in.r, in.w.Spam.Brands), in.w.Spam.Slots, nil)
}

// hostURL turns a brand into a link URL in one of the host patterns.
func (in *injector) hostURL(brand string) string {
	label := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
			return unicode.ToLower(r)
		}
		return -1
	}, brand)
	return expand(in.r, pick(in.r, in.w.Spam.Hosts), in.w.Spam.HostSlots, map[string]string{"label": label, "tld": pick(in.r, in.w.Spam.TLDs)})
}

// phrase returns a spam sentence around brand b, in a random language.
func (in *injector) phrase(b string) string {
	langs := sortedKeys(in.w.Spam.Phrases)
	return expand(in.r, pick(in.r, in.w.Spam.Phrases[pick(in.r, langs)]), nil, map[string]string{"b": b})
}

func (in *injector) headline() string {
	hs := in.w.Boilerplate.Headlines
	h := pick(in.r, hs[pick(in.r, sortedKeys(hs))])
	if in.chance(0.5) {
		return fmt.Sprintf("%s: %d", h, 3+in.r.IntN(96))
	}
	return fmt.Sprintf("%s (%d)", h, 3+in.r.IntN(96))
}

func (in *injector) fill(pattern string) string { return expand(in.r, pattern, nil, nil) }

func (in *injector) caption() string {
	ar := in.w.Article
	return fmt.Sprintf("%s %s, %s, %d. %s", pick(in.r, ar.CaptionWho), pick(in.r, ar.CaptionWhat),
		pick(in.r, ar.CaptionPlaces), 1995+in.r.IntN(30), pick(in.r, ar.CaptionCredits))
}

func (in *injector) fileName() string { return in.fill(pick(in.r, in.w.Article.FileNames)) }

// glyph returns a decorative glyph (never a letter, number or mark) that
// does not occur in the source page, and records it under kind.
func (in *injector) glyph(kind string) string {
	for {
		b := pick(in.r, in.w.Glyphs.Blocks)
		c := b.From + rune(in.r.IntN(int(b.To-b.From+1)))
		g := string(c)
		if !unicode.IsGraphic(c) || unicode.IsSpace(c) || unicode.IsLetter(c) || unicode.IsNumber(c) || unicode.IsMark(c) || strings.Contains(in.page, g) {
			continue
		}
		in.items.Glyphs = append(in.items.Glyphs, noise.Item{Text: g, Kind: kind})
		return g
	}
}

// bodyGlyphs decorates one to three real paragraphs: the paragraph stays,
// the glyphs go.
func (in *injector) bodyGlyphs() {
	for range 1 + in.r.IntN(3) {
		pick(in.r, glyphDecorations)(in, in.para(0))
		in.items.Kinds[noise.KindBodyGlyph]++
	}
}

// spamAnchors glues a spam link into a real paragraph.
func (in *injector) spamAnchors() {
	for range 1 + in.r.IntN(2) {
		b := in.brand()
		link := el("a", []attr{at("href", in.hostURL(b)), at("rel", pick(in.r, []string{"sponsored", "ugc", "external"}))}, txt(b))
		pick(in.r, anchorGlues)(in, in.para(1), link)
		in.spam(noise.KindSpamAnchor, b, "")
		in.items.Kinds[noise.KindSpamAnchor]++
	}
}

// spamSentence puts a spam sentence without a link inside a real paragraph.
func (in *injector) spamSentence() {
	text := in.phrase(in.brand())
	where := pick(in.r, sentenceSites)(in, in.para(1), text)
	in.spam(noise.KindSpamSentence, text, where)
	in.items.Kinds[noise.KindSpamSentence]++
}

// leadRepeat copies the lead (the first paragraph of 8 words or more) once
// in one of the duplicate patterns.
func (in *injector) leadRepeat() {
	for _, p := range in.paras {
		text := strings.Join(strings.Fields(domtext.AllText(p)), " ")
		if len(strings.Fields(text)) >= 8 {
			copies := pick(in.r, leadCopies)(in, p, text)
			in.items.Dups = append(in.items.Dups, noise.Dup{Text: text, Copies: copies + 1, Kind: noise.KindLeadRepeat})
			in.items.Kinds[noise.KindLeadRepeat]++
			return
		}
	}
}

// captions inserts a photo whose caption is shown twice.
func (in *injector) captions() {
	for range 1 + in.r.IntN(2) {
		c := in.caption()
		n, copies := pick(in.r, captionShapes)(in, c, "/wp-content/uploads/"+in.fileName())
		insertAfter(in.para(1), n)
		in.items.Dups = append(in.items.Dups, noise.Dup{Text: c, Copies: copies, Kind: noise.KindCaption})
		in.items.Allowed = append(in.items.Allowed, c)
		in.items.Kinds[noise.KindCaption]++
	}
}

// fileNames leaks an image's file name next to a paragraph.
func (in *injector) fileNames() {
	for range 1 + in.r.IntN(2) {
		f := in.fileName()
		n := pick(in.r, fileNameShapes)(in, f)
		insertAfter(in.para(0), n)
		in.boiler(noise.KindFileName, describe(n), f)
		in.items.Kinds[noise.KindFileName]++
	}
}

// spamLines shows one or two spam lines before or between the paragraphs.
func (in *injector) spamLines() {
	for range 1 + in.r.IntN(2) {
		b := in.brand()
		text := b
		if in.chance(0.6) {
			text = in.phrase(b)
		}
		n := pick(in.r, spamLines)(in, text, in.hostURL(b))
		where := describe(n)
		if in.chance(0.3) {
			in.container.InsertBefore(n, in.paras[0])
		} else {
			insertAfter(in.para(0), n)
		}
		in.spam(noise.KindSpamLine, text, where)
		in.items.Kinds[noise.KindSpamLine]++
	}
}

// hiddenSpam puts spam sentences in a box hidden by one of the techniques.
func (in *injector) hiddenSpam() {
	for range 1 + in.r.IntN(2) {
		box := el(pick(in.r, []string{"div", "p", "section"}), nil)
		var texts []string
		for range 1 + in.r.IntN(3) {
			b := in.brand()
			text := in.phrase(b)
			kid := txt(text)
			if in.chance(0.5) {
				kid = el("a", []attr{at("href", in.hostURL(b))}, kid)
			}
			if box.DataAtom == atom.P {
				box.AppendChild(el("span", nil, kid))
			} else {
				box.AppendChild(el(pick(in.r, []string{"p", "div", "h6"}), nil, kid))
			}
			box.AppendChild(txt(" "))
			texts = append(texts, text)
		}
		insertAfter(in.para(0), box)
		h := pick(in.r, hides)
		h.apply(in, box)
		for _, t := range texts {
			in.spam(noise.KindHiddenSpam, t, h.name+" "+describe(box))
		}
		in.items.Kinds[noise.KindHiddenSpam]++
	}
}

// inlineRelated inserts one "read also: headline" line between paragraphs.
func (in *injector) inlineRelated() {
	h, hl := pick(in.r, in.w.Boilerplate.Headings), in.headline()
	link := el("a", []attr{at("href", "/"+strconv.Itoa(in.r.IntN(1e6))+"/")}, txt(hl))
	n := pick(in.r, inlineRelated)(in, h, link)
	insertAfter(in.para(1), n)
	in.boiler(noise.KindInlineRelate, describe(n), h, hl)
	in.items.Kinds[noise.KindInlineRelate]++
}

// sidebars adds one or two boxes of related headlines.
func (in *injector) sidebars() {
	for range 1 + in.r.IntN(2) {
		in.sidebar()
	}
}

func (in *injector) sidebar() {
	shape := pick(in.r, sidebarShapes)
	cls := pick(in.r, in.w.Boilerplate.Classes)
	if in.chance(0.35) {
		cls = pick(in.r, in.w.Boilerplate.MisleadingClasses)
	}
	where := shape.name + " in ." + cls
	var kids []*html.Node
	if in.chance(0.8) {
		h := pick(in.r, in.w.Boilerplate.Headings)
		kids = append(kids, pick(in.r, headingMarkups)(in, h))
		in.boiler(noise.KindSidebar, where, h)
	}
	items := make([]item, 3+in.r.IntN(5))
	glyphs := in.chance(0.4)
	for i := range items {
		hl := in.headline()
		items[i] = item{hl: hl, shown: hl, href: fmt.Sprintf("/%d/%d.html", 2020+i, in.r.IntN(1e7))}
		if glyphs {
			items[i].shown = in.glyph(noise.KindSidebar) + " " + hl
		}
		in.boiler(noise.KindSidebar, where, hl)
	}
	kids = append(kids, shape.build(in, items, where)...)
	box := el(pick(in.r, []string{"div", "aside", "section"}), class(cls), kids...)
	switch in.r.IntN(3) {
	case 0:
		insertAfter(in.paras[len(in.paras)-1], box)
	case 1:
		insertAfter(in.para(1), box)
	default:
		insertAfter(in.container, box)
	}
	in.items.Kinds[noise.KindSidebar]++
}

// widgets adds one or two boilerplate boxes after the body or at the end
// of the page.
func (in *injector) widgets() {
	for range 1 + in.r.IntN(2) {
		wd := pick(in.r, in.w.Boilerplate.Widgets)
		box := widgetMarkups[wd.Markup](in, pick(in.r, wd.Classes), wd.Texts)
		if body := domtext.First(in.doc, atom.Body); body != nil && in.chance(0.5) {
			body.AppendChild(box)
		} else {
			insertAfter(in.container, box)
		}
		in.boiler(noise.KindWidget, wd.Name+" "+describe(box), wd.Texts...)
		in.items.Kinds[noise.KindWidget]++
	}
}

// linkFarm adds a block of 6 to 20 spam links, some repeated.
func (in *injector) linkFarm() {
	var brands []string
	for range 6 + in.r.IntN(15) {
		b := in.brand()
		if len(brands) > 0 && in.chance(0.25) {
			b = pick(in.r, brands)
		}
		brands = append(brands, b)
	}
	box := el("div", class(pick(in.r, in.w.Spam.Classes)), pick(in.r, farms)(in, brands, pick(in.r, in.w.Spam.FarmSeparators))...)
	seen := map[string]bool{}
	for _, b := range brands {
		if !seen[b] {
			seen[b] = true
			in.spam(noise.KindLinkFarm, b, describe(box))
		}
	}
	if body := domtext.First(in.doc, atom.Body); body != nil && in.chance(0.5) {
		body.AppendChild(box)
	} else {
		in.container.AppendChild(box)
	}
	in.items.Kinds[noise.KindLinkFarm]++
}
