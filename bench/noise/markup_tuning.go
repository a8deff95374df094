package noise

import (
	"fmt"
	"math/rand/v2"

	"github.com/winnowhq/winnow/bench/noise/shapes"
	"golang.org/x/net/html"
)

// tuningMarkup fills the markup of the tuning half: how spam is shown,
// glued to a paragraph, hidden and farmed, and the shapes of sidebars. Each
// list is disjoint from its held-out counterpart (TestPoolsDisjoint); the
// words are in vocab/tuning.yaml.
func tuningMarkup(p *pools) {
	p.hostShapes = []func(label, tld string, n int) string{
		func(l, t string, _ int) string { return "https://" + l + t + "/" },
		func(l, t string, _ int) string { return "https://www." + l + t + "/" },
		func(l, t string, n int) string { return fmt.Sprintf("https://%s%d%s/", l, n%10, t) }, shapes.Invite, shapes.BareIP,
	}
	p.spamLine = []func(in *injector, text, href string) *html.Node{spamLineP, spamLineDivLink, spamLineStrong, spamLineH3,
		spamLineTableCell, spamLineFigure, spamLineBreadcrumb, spamLineMarquee, spamLineHeadingLink, spamLineCenterFont}
	p.anchorGlue = []func(in *injector, p, link *html.Node){
		glueEnd(" ", " - ", " | "), glueWrappedEnd("strong", "b"), glueAfterBreak, glueBracketed,
	}
	p.hide = []hideTechnique{
		{"display:none", hideStyle("display:none", "display: none !important", "DISPLAY:NONE;")},
		{"visibility:hidden", hideStyle("visibility:hidden", "visibility: hidden;")},
		{"off-screen", hideStyle("position:absolute;left:-9999px", "position: absolute; top: -10000px; left: -10000px", "position:fixed;left:-5000px;top:0")},
		{"hidden attribute", hideAttr},
		{"transform off-screen", hideStyle("transform:translateX(-9999px)", "position:absolute; transform: translate(-3000px, 0)")},
		{"margin off-screen", hideStyle("margin-left:-99999px", "position:relative;margin-top:-5000px")},
		{"background-coloured text", hideStyle("color:#fff;background:#ffffff", "color:white;background-color:rgb(255,255,255)", "background:#FAFAFA;color:#fafafa", "color:rgb(0,0,0);background-color:#000")},
		{"transparent text", hideStyle("color:transparent", "color: rgba(0,0,0,0)")},
		{"noscript", hideInside("noscript")},
	}
	p.farm = []func(in *injector, brands []string, sep string) []*html.Node{farmAnchors, farmBraces, farmList, farmTagCloud, farmLineBreaks}
	p.headingMarkup = []func(in *injector, h string) *html.Node{headingTag("h3"), headingTag("h2", "title"), headingTag("div", "box-title", "title", "tit")}
	p.sidebarShapes = []sidebarShape{shapeLinkList, shapeTeaserCards, shapeLinkParas}
	p.inlineRelated = []func(in *injector, h string, link *html.Node) *html.Node{inlineStrongColon, inlineDivSpan, inlineEm}
	p.brandShapes = []func(r *rand.Rand, stem, digits, end string) string{brandSeparated, brandShort, shapes.Handle, shapes.Dose, shapes.Ticker, shapes.Phone}
	p.sentenceSites = []func(in *injector, text string) string{sentenceOnHeading}
}
