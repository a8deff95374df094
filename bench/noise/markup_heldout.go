package noise

import (
	"fmt"

	"golang.org/x/net/html"
)

// heldOutMarkup fills the markup of the held-out half, disjoint from the
// tuning half's and adding hiding techniques it never shows; the words are
// in vocab/held-out.yaml.
func heldOutMarkup(p *pools) {
	p.hostShapes = []func(label, tld string, n int) string{
		func(l, t string, _ int) string { return "https://" + l + t },
		func(l, t string, n int) string { return fmt.Sprintf("https://m.%s%s/register?ref=%d", l, t, n) },
		func(l, t string, n int) string { return fmt.Sprintf("https://%s-%d%s/?daftar=slot-%d", l, n%100, t, n) },
		func(l, t string, n int) string { return fmt.Sprintf("https://cdn%d.%s%s/go", n%9, l, t) },
		func(l, _ string, n int) string { return fmt.Sprintf("https://bit.ly/%s%d", l, n) },
		func(l, t string, n int) string { return fmt.Sprintf("https://%s%s/vn/%d/index.html", l, t, n) },
	}
	p.spamLine = []func(in *injector, text, href string) *html.Node{
		spamLineListItem, spamLineTable, spamLineButton, spamLineH2Link, spamLineBlockquote, spamLineSpanColor,
	}
	p.anchorGlue = []func(in *injector, p, link *html.Node){
		glueEnd(" (", " → ", " » ", ". ", ", "), glueWrappedEnd("em", "u", "span"), glueStart, glueAfterSentence,
	}
	p.hide = []hideTechnique{
		{"font-size:0", hideStyle("font-size:0", "font-size: 0px; line-height:0")},
		{"1px overflow hidden", hideStyle("height:1px;width:1px;overflow:hidden", "overflow: hidden; height: 1px;", "max-height:0;overflow:hidden")},
		{"background colour", hideColour},
		{"aria-hidden clip", hideAria},
		{"opacity", hideStyle("opacity:0;height:0", "opacity: 0; position: absolute; z-index: -1")},
		{"text-indent", hideStyle("text-indent:-9999px;overflow:hidden;white-space:nowrap", "transform:scale(0)")},
		{"style sheet", hideStyleSheet},
	}
	p.farm = []func(in *injector, brands []string, sep string) []*html.Node{farmTable, farmTags, farmSmall}
	p.headingMarkup = []func(in *injector, h string) *html.Node{headingStrong, headingSpan, headingHeader, headingTag("div", "heading", "hd", "block-title")}
	p.sidebarShapes = []sidebarShape{shapeBareLinks, shapeTimeCards, shapeTableRows, shapeListMeta}
	p.inlineRelated = []func(in *injector, h string, link *html.Node) *html.Node{inlineQuote, inlineArrow, inlineList}
}
