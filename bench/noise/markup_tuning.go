package noise

import (
	"fmt"

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
		func(l, t string, n int) string { return fmt.Sprintf("https://%s%d%s/", l, n%10, t) },
	}
	p.spamLine = []func(in *injector, text, href string) *html.Node{spamLineP, spamLineDivLink, spamLineStrong, spamLineH3}
	p.anchorGlue = []func(in *injector, p, link *html.Node){
		glueEnd(" ", " - ", " | "), glueWrappedEnd("strong", "b"),
	}
	p.hide = []hideTechnique{
		{"display:none", hideStyle("display:none", "display: none !important", "DISPLAY:NONE;")},
		{"visibility:hidden", hideStyle("visibility:hidden", "visibility: hidden;")},
		{"off-screen", hideStyle("position:absolute;left:-9999px", "position: absolute; top: -10000px; left: -10000px", "position:fixed;left:-5000px;top:0")},
		{"hidden attribute", hideAttr},
	}
	p.farm = []func(in *injector, brands []string, sep string) []*html.Node{farmAnchors, farmBraces, farmList}
	p.headingMarkup = []func(in *injector, h string) *html.Node{headingTag("h3"), headingTag("h2", "title"), headingTag("div", "box-title", "title", "tit")}
	p.sidebarShapes = []sidebarShape{shapeLinkList, shapeTeaserCards, shapeLinkParas}
	p.inlineRelated = []func(in *injector, h string, link *html.Node) *html.Node{inlineStrongColon, inlineDivSpan, inlineEm}
}
