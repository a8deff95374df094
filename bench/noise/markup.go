package noise

import (
	"fmt"
	"strings"

	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The markup templates of every noise kind. Each half of the pools lists
// its own subset of them (pools.go), so that the held-out corpus glues,
// hides and lays out its noise in ways the tuning corpus never shows.

// --- spam lines: a visible gambling text and its link

func spamLineP(in *injector, text, _ string) *html.Node { return el("p", nil, txt(text)) }

func spamLineDivLink(in *injector, text, href string) *html.Node {
	return el("div", class(pick(in.r, in.p.words.Spam.Classes)), el("a", []attr{a("href", href)}, txt(text)))
}

func spamLineStrong(in *injector, text, _ string) *html.Node {
	return el("p", nil, el("strong", nil, txt(text)))
}

func spamLineH3(in *injector, text, _ string) *html.Node { return el("h3", nil, txt(text)) }

func spamLineListItem(in *injector, text, href string) *html.Node {
	return el("ul", class(pick(in.r, in.p.words.Spam.Classes)), el("li", nil, el("a", []attr{a("href", href)}, txt(text))))
}

func spamLineTable(in *injector, text, href string) *html.Node {
	return el("table", nil, el("tbody", nil, el("tr", nil, el("td", nil, el("a", []attr{a("href", href)}, el("b", nil, txt(text)))))))
}

func spamLineButton(in *injector, text, href string) *html.Node {
	return el("div", []attr{a("style", "text-align:center")},
		el("a", []attr{a("href", href), a("class", "btn btn-primary"), a("target", "_blank")}, txt(text)))
}

func spamLineH2Link(in *injector, text, href string) *html.Node {
	return el("h2", nil, el("a", []attr{a("href", href)}, txt(text)))
}

func spamLineBlockquote(in *injector, text, href string) *html.Node {
	return el("blockquote", nil, el("p", nil, el("a", []attr{a("href", href), a("rel", "nofollow")}, txt(text))))
}

func spamLineSpanColor(in *injector, text, href string) *html.Node {
	return el("p", nil, el("span", []attr{a("style", "color:#ff0000")}, el("a", []attr{a("href", href)}, txt(text))))
}

// --- spam anchors: a gambling link glued into a real paragraph

func glueEnd(seps ...string) func(in *injector, p, link *html.Node) {
	return func(in *injector, p, link *html.Node) {
		p.AppendChild(txt(pick(in.r, seps)))
		p.AppendChild(link)
	}
}

func glueWrappedEnd(tags ...string) func(in *injector, p, link *html.Node) {
	return func(in *injector, p, link *html.Node) {
		p.AppendChild(txt(" "))
		p.AppendChild(el(pick(in.r, tags), nil, link))
	}
}

// glueStart puts the link before the paragraph's text.
func glueStart(in *injector, p, link *html.Node) {
	p.InsertBefore(txt(" "), p.FirstChild)
	p.InsertBefore(link, p.FirstChild)
}

// glueAfterSentence puts the link after the first sentence of the
// paragraph's first text node (or at its end when there is none).
func glueAfterSentence(in *injector, p, link *html.Node) {
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode {
			continue
		}
		i := strings.Index(c.Data, ". ")
		if i < 0 {
			continue
		}
		rest := c.Data[i+2:]
		c.Data = c.Data[:i+2]
		after := txt(" " + rest)
		insertAfter(c, link)
		insertAfter(link, after)
		return
	}
	p.AppendChild(txt(" "))
	p.AppendChild(link)
}

// --- hiding techniques

func hideStyle(styles ...string) func(in *injector, box *html.Node) {
	return func(in *injector, box *html.Node) {
		box.Attr = append(box.Attr, a("style", pick(in.r, styles)))
	}
}

func hideAttr(in *injector, box *html.Node) { box.Attr = append(box.Attr, a("hidden", "")) }

// hideAria hides the box from screen readers and clips it to nothing.
func hideAria(in *injector, box *html.Node) {
	box.Attr = append(box.Attr, a("aria-hidden", "true"),
		a("style", "position:absolute;clip:rect(0 0 0 0);clip-path:inset(50%);width:1px;height:1px;overflow:hidden"))
}

// hideColour writes the text in the colour of its background.
func hideColour(in *injector, box *html.Node) {
	c := pick(in.r, []string{"#ffffff", "#fff", "white", "#FEFEFE"})
	bg := c
	if in.chance(0.5) {
		bg = "#fff"
	}
	box.Attr = append(box.Attr, a("style", fmt.Sprintf("color:%s;background-color:%s", c, bg)))
}

// hideStyleSheet hides the box by a class rule in a <style> element of the
// page's head.
func hideStyleSheet(in *injector, box *html.Node) {
	cls := fmt.Sprintf("%s%d", pick(in.r, []string{"x", "s", "ft", "k", "m"}), in.r.IntN(1000))
	rule := pick(in.r, []string{"{display:none}", "{position:absolute;left:-10000px}", "{height:0;overflow:hidden}", "{opacity:0;height:1px;overflow:hidden}"})
	sheet := el("style", nil, txt("."+cls+rule))
	if head := domtext.First(in.doc, atom.Head); head != nil {
		head.AppendChild(sheet)
	} else {
		in.container.InsertBefore(sheet, in.container.FirstChild)
	}
	box.Attr = append(box.Attr, a("class", cls))
}

// --- link farms

func farmAnchors(in *injector, brands []string, sep string) []*html.Node {
	var kids []*html.Node
	for i, b := range brands {
		if i > 0 {
			kids = append(kids, txt(sep))
		}
		kids = append(kids, el("a", []attr{a("href", in.hostURL(b)), a("title", b)}, txt(b)))
	}
	return kids
}

// farmBraces is seed 003's bare "{brand}|{brand}|..." text.
func farmBraces(in *injector, brands []string, sep string) []*html.Node {
	var parts []string
	for _, b := range brands {
		parts = append(parts, "{"+b+"}")
	}
	return []*html.Node{txt(strings.Join(parts, "|"))}
}

func farmList(in *injector, brands []string, sep string) []*html.Node {
	ul := el("ul", nil)
	for _, b := range brands {
		ul.AppendChild(el("li", nil, el("a", []attr{a("href", in.hostURL(b))}, txt(b))))
	}
	return []*html.Node{ul}
}

func farmTable(in *injector, brands []string, sep string) []*html.Node {
	tb := el("tbody", nil)
	var tr *html.Node
	for i, b := range brands {
		if i%3 == 0 {
			tr = el("tr", nil)
			tb.AppendChild(tr)
		}
		tr.AppendChild(el("td", nil, el("a", []attr{a("href", in.hostURL(b))}, txt(b))))
	}
	return []*html.Node{el("table", nil, tb)}
}

// farmTags is a "tags" line: a label, then links separated by sep.
func farmTags(in *injector, brands []string, sep string) []*html.Node {
	kids := []*html.Node{el("span", nil, txt(pick(in.r, []string{"Tags:", "Tag:", "标签：", "Etiketler:", "Теги:", "Từ khóa:"})+" "))}
	for i, b := range brands {
		if i > 0 {
			kids = append(kids, txt(sep))
		}
		kids = append(kids, el("a", []attr{a("href", in.hostURL(b)), a("rel", "tag")}, txt(b)))
	}
	return kids
}

// farmSmall is a line of small-print links in a <font> or <small>.
func farmSmall(in *injector, brands []string, sep string) []*html.Node {
	w := el(pick(in.r, []string{"small", "font"}), nil)
	for i, b := range brands {
		if i > 0 {
			w.AppendChild(txt(sep))
		}
		w.AppendChild(el("a", []attr{a("href", in.hostURL(b))}, txt(b)))
	}
	return []*html.Node{w}
}

// --- sidebar headings

func headingTag(tag string, cls ...string) func(in *injector, h string) *html.Node {
	return func(in *injector, h string) *html.Node {
		var attrs []attr
		if len(cls) > 0 {
			attrs = class(pick(in.r, cls))
		}
		return el(tag, attrs, txt(h))
	}
}

func headingStrong(in *injector, h string) *html.Node { return el("p", nil, el("strong", nil, txt(h))) }

func headingSpan(in *injector, h string) *html.Node {
	return el(pick(in.r, []string{"h4", "h2"}), nil, el("span", nil, txt(h)))
}

func headingHeader(in *injector, h string) *html.Node {
	return el("header", class("section-header"), el("h2", class("section-title"), el("a", []attr{a("href", "/topics/")}, txt(h))))
}

// --- sidebar shapes

func (in *injector) sideLink(it sideItem) *html.Node { return el("a", it.href, txt(it.shown)) }

var (
	shapeLinkList = sidebarShape{"link list", func(in *injector, items []sideItem, _ string) []*html.Node {
		list := el(pick(in.r, []string{"ul", "ol"}), nil)
		for _, it := range items {
			list.AppendChild(el("li", nil, in.sideLink(it)))
		}
		return []*html.Node{list}
	}}
	// seed 002: label, headline (img alt and link), teaser
	shapeTeaserCards = sidebarShape{"teaser cards", func(in *injector, items []sideItem, where string) []*html.Node {
		var kids []*html.Node
		for _, it := range items {
			label, tz := pick(in.r, in.p.words.Sidebar.SectionLabels), in.teaser()
			in.boiler(KindSidebar, where, label, tz)
			kids = append(kids, el("div", class(pick(in.r, []string{"item", "story", "card", "news-item"})),
				el("a", it.href, el("img", []attr{a("src", "/thumb/"+in.fileName()), a("alt", it.hl)})),
				el("span", class("cat"), txt(label)),
				el("h3", nil, in.sideLink(it)),
				el("p", class("sapo"), txt(tz))))
		}
		return kids
	}}
	shapeLinkParas = sidebarShape{"link paragraphs", func(in *injector, items []sideItem, _ string) []*html.Node {
		var kids []*html.Node
		for _, it := range items {
			kids = append(kids, el("p", nil, in.sideLink(it)))
		}
		return kids
	}}
	shapeBareLinks = sidebarShape{"bare links", func(in *injector, items []sideItem, _ string) []*html.Node {
		var kids []*html.Node
		for _, it := range items {
			kids = append(kids, el("div", nil, in.sideLink(it)))
		}
		return kids
	}}
	// cards with a thumbnail figure, a headline and a <time>
	shapeTimeCards = sidebarShape{"dated cards", func(in *injector, items []sideItem, where string) []*html.Node {
		var kids []*html.Node
		for _, it := range items {
			d := in.date()
			in.boiler(KindSidebar, where, d)
			kids = append(kids, el("article", class(pick(in.r, []string{"post-card", "teaser", "entry", "c-card"})),
				el("figure", nil, el("a", it.href, el("img", []attr{a("src", "/img/"+in.fileName()), a("alt", "")}))),
				el("h4", nil, in.sideLink(it)),
				el("time", []attr{a("datetime", "2024-05-01")}, txt(d))))
		}
		return kids
	}}
	// a table of headlines and dates
	shapeTableRows = sidebarShape{"table rows", func(in *injector, items []sideItem, where string) []*html.Node {
		tb := el("tbody", nil)
		for _, it := range items {
			d := in.date()
			in.boiler(KindSidebar, where, d)
			tb.AppendChild(el("tr", nil, el("td", nil, in.sideLink(it)), el("td", class("date"), txt(d))))
		}
		return []*html.Node{el("table", nil, tb)}
	}}
	// a list whose items hold a headline and a span of comment count or date
	shapeListMeta = sidebarShape{"list with meta", func(in *injector, items []sideItem, where string) []*html.Node {
		list := el("ul", class(pick(in.r, []string{"posts", "news-list", "lst"})))
		for _, it := range items {
			d := in.date()
			in.boiler(KindSidebar, where, d)
			list.AppendChild(el("li", nil, el("span", class("num"), txt(fmt.Sprint(1+in.r.IntN(9)))), in.sideLink(it), el("span", class("meta"), txt(d))))
		}
		return []*html.Node{list}
	}}
)

// --- inline related lines

func inlineStrongColon(in *injector, h string, link *html.Node) *html.Node {
	return el("p", nil, el("strong", nil, txt(h+":")), txt(" "), link)
}

func inlineDivSpan(in *injector, h string, link *html.Node) *html.Node {
	return el("div", class(pick(in.r, in.p.words.Sidebar.Classes)), el("span", nil, txt(h)), link)
}

func inlineEm(in *injector, h string, link *html.Node) *html.Node {
	return el("p", nil, txt(h+" "), el("em", nil, link))
}

func inlineQuote(in *injector, h string, link *html.Node) *html.Node {
	return el("blockquote", class(pick(in.r, []string{"related-inline", "embed", "note"})), el("p", nil, el("b", nil, txt(h)), el("br", nil), link))
}

func inlineArrow(in *injector, h string, link *html.Node) *html.Node {
	return el("p", nil, el("span", class("label"), txt(h+" »")), txt(" "), el("strong", nil, link))
}

func inlineList(in *injector, h string, link *html.Node) *html.Node {
	return el("div", nil, el("h5", nil, txt(h)), el("ul", nil, el("li", nil, link)))
}

// --- widgets

// widgetMarkups are the layouts a widget's texts can take, by the name its
// vocabulary file gives them.
var widgetMarkups = map[string]func(in *injector, cls, texts []string) *html.Node{
	"box": widgetBox, "links": widgetLinks, "form": widgetForm,
}

// widgetBox lays the texts out as a box: heading, paragraphs, button.
func widgetBox(in *injector, cls, texts []string) *html.Node {
	box := el(pick(in.r, []string{"div", "section", "aside"}), class(pick(in.r, cls)))
	for i, t := range texts {
		switch {
		case i == 0:
			box.AppendChild(el(pick(in.r, []string{"h3", "h4", "strong", "p"}), nil, txt(t)))
		case i == len(texts)-1:
			box.AppendChild(el(pick(in.r, []string{"button", "a", "span"}), []attr{a("href", "#")}, txt(t)))
		default:
			box.AppendChild(el("p", nil, txt(t)))
		}
	}
	return box
}

// widgetLinks lays the texts out as a bar of links (share bars).
func widgetLinks(in *injector, cls, texts []string) *html.Node {
	box := el("div", class(pick(in.r, cls)))
	for i, t := range texts {
		if i == 0 {
			box.AppendChild(el("span", nil, txt(t)))
			continue
		}
		box.AppendChild(el("a", []attr{a("href", "https://share.example/?u="+fmt.Sprint(i)), a("class", "share-"+fmt.Sprint(i))}, txt(t)))
	}
	return box
}

// widgetForm lays the texts out as a form: heading, label, input, button.
func widgetForm(in *injector, cls, texts []string) *html.Node {
	form := el("form", []attr{a("action", "/subscribe"), a("method", "post")})
	for i, t := range texts {
		switch {
		case i == 0:
			form.AppendChild(el("h3", nil, txt(t)))
		case i == len(texts)-1:
			form.AppendChild(el("input", []attr{a("type", "email"), a("name", "email")}))
			form.AppendChild(el("button", []attr{a("type", "submit")}, txt(t)))
		default:
			form.AppendChild(el("label", nil, txt(t)))
		}
	}
	return el("div", class(pick(in.r, cls)), form)
}
