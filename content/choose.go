package content

import (
	"fmt"
	"slices"
	"strings"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/pagetype"
	"golang.org/x/net/html"
)

// readabilityBonus weighs the readability pass's article against the
// structural candidates: it has already been cleaned of what sits inside
// the content but is not part of it (share bars, related links, forms), so
// it wins unless another candidate holds clearly more prose.
const readabilityBonus = 1.5

// gridBonus is readabilityBonus on a listing or a collection: there the
// readability pass has cleaned the item grid as if it were furniture (link
// lists, teaser cards), so its article is no better evidence than a
// structural candidate holding the whole grid.
const gridBonus = 1.2

// Score is a candidate's evidence of being the main content of a page of
// type typ: its prose (text outside links, furniture left out) weighed by
// the share of its text outside links. A teaser grid, a link list or a menu
// scores low by its links; a cookie banner, a signatory list or a review
// widget by its little prose next to the page's; one post of a thread against
// the element holding all of them. On a listing or a collection the linked
// item titles are the content: there the text in links counts as prose. The
// body itself is only a fallback: it would always hold the most prose.
func Score(c Candidate, typ string) float64 {
	if c.Name == "body" {
		return 0
	}
	var s float64
	switch typ {
	case pagetype.Listing, pagetype.Collection:
		s = float64(c.Stats.Text + c.Stats.Link)
	default:
		s = float64(c.Stats.Text) * (1 - c.Stats.LinkDensity())
	}
	if c.Name == "readability" {
		switch typ {
		case pagetype.Listing, pagetype.Collection:
			s *= gridBonus
		default:
			s *= readabilityBonus
		}
	}
	return s
}

// On an article or a product page, readability's pick is kept against a
// candidate holding it and more unless it holds less than articleShare of
// that candidate's prose and the candidate is link-light (at most articleLinks of its text in
// links): what surrounds a story in the same container (comments, related
// stories with their summaries, author boxes) is not the story. The
// candidate is the tightest one holding the pick (see tightest). At 0.3,
// half of the WCXB service pages read as articles lost their feature
// sections (readability keeping one of them); at 0.5, WCXB service 0.820 ->
// 0.830, article 0.947 -> 0.948, AEB unchanged. On a product page what
// surrounds the description in its container (buy box, reviews, other
// products) is not the product either: WCXB product 0.581 -> 0.586.
const (
	articleShare = 0.5
	articleLinks = 0.2
	// bareShare and bareLinks: on an article, readability's pick holding
	// less than bareShare of a candidate's prose loses to it too when the
	// candidate is nearly free of links (at most bareLinks): the rest of a
	// service page's sections, not a story's surroundings, which link
	// (related stories, other threads). WCXB dev: article 0.949 -> 0.951,
	// service 0.833 -> 0.834, listing 0.680 -> 0.682; AEB unchanged. At
	// bareLinks 0.2 a thread read as an article lost its posts to the
	// thread list around them.
	bareShare = 0.67
	bareLinks = 0.1
	// covered is the share of readability's text another candidate must
	// hold to count as holding it.
	covered = 0.9
	// smallShare and gridLinks: readability's pick holding less than
	// smallShare of a candidate's prose is one card of a grid or one part
	// of a page (a listing, a collection read as an article), not the
	// story, even when the candidate's items are linked (up to gridLinks
	// of its text in links).
	smallShare = 0.2
	gridLinks  = 0.35
)

// Choose returns the index of the candidate with the best Score on a page of
// type typ; when no candidate scores above 0, the first with any text (the
// body without its furniture, at worst), so that a page with text never
// comes out empty. On a product page, readability's pick held by the table
// candidate (see cellTable) is one cell of the product's specifications:
// the table wins. WCXB dev product 0.7280 -> 0.7288 (one page 0.772 ->
// 0.848), other types unchanged.
func Choose(cands []Candidate, typ string) int {
	w := choose(cands, typ)
	if typ == pagetype.Product {
		if t := slices.IndexFunc(cands, func(c Candidate) bool { return c.Name == "table" }); t >= 0 && cands[w].Name == "readability" && len(cands[t].Blocks) > 0 && holds(cands[t], cands[w]) {
			return t
		}
		return parts(cands, w)
	}
	return w
}

// partShare is the share of the chosen content's prose that the article
// candidate of a product page must hold to stand for it (see parts).
const partShare = 0.5

// parts returns, on a product page, the article or schema candidate (the
// element holding the page's <article>s or schema.org text: its
// description, its specifications) instead of cands[w] when cands[w] holds
// it with more around it, the part holding at least partShare of its prose
// with few links (articleLinks): what the chosen content adds is the
// shop's (warranty and delivery boxes, services, the range's other
// specifications, more questions), not the product's. WCXB dev: product
// 0.656 -> 0.662 (5 pages better, none worse), other types unchanged; the
// same at a share of 0.3.
func parts(cands []Candidate, w int) int {
	for i, c := range cands {
		if c.Name != "article" && c.Name != "schema" || i == w || len(c.Blocks) == 0 || c.Stats.LinkDensity() > articleLinks {
			continue
		}
		if share := float64(c.Stats.Text) / float64(max(cands[w].Stats.Text, 1)); share >= partShare && share < 1 && holds(cands[w], c) {
			return i
		}
	}
	return w
}

// choose is Choose before a product page's parts are weighed.
func choose(cands []Candidate, typ string) int {
	best, bestScore := -1, 0.0
	for i, c := range cands {
		if s := Score(c, typ); s > bestScore {
			best, bestScore = i, s
		}
	}
	if best >= 0 {
		if cands[best].Name == "readability" && listed(cands[best], typ) {
			if w := wider(cands, best); w >= 0 {
				return w
			}
		}
		if typ == pagetype.Forum {
			best = posts(cands, best)
			best = trimThread(cands, best)
		} else {
			best = trim(cands, best, typ)
		}
		if r := slices.IndexFunc(cands, func(c Candidate) bool { return c.Name == "readability" }); r >= 0 && r != best && (typ == pagetype.Article || typ == pagetype.Product) {
			rd := cands[r]
			if !holds(cands[best], rd) {
				return best
			}
			best = tightest(cands, best, r)
			w := cands[best]
			share, ld := float64(rd.Stats.Text)/float64(w.Stats.Text), w.Stats.LinkDensity()
			bare := typ == pagetype.Article && share < bareShare && ld <= bareLinks
			if !bare && !(share < articleShare && ld <= articleLinks) && !(share < smallShare && ld <= gridLinks) {
				if listed(rd, typ) {
					if w := wider(cands, r); w >= 0 {
						return w
					}
				}
				return r
			}
		}
		return best
	}
	for i, c := range cands {
		if len(c.Blocks) > 0 {
			return i
		}
	}
	return 0
}

// wider returns the tightest structural candidate that holds the text of
// cands[r], readability's article, and shows more than 1/widerShare times
// its text (links counted): readability kept one part of a page whose
// content is the whole (a list's first section, one card of a grid, the
// question of a thread without its answers); -1 when there is none.
func wider(cands []Candidate, r int) int {
	rd := cands[r]
	rt := rd.Stats.Text + rd.Stats.Link
	out := -1
	for i, c := range cands {
		ct := c.Stats.Text + c.Stats.Link
		if i == r || c.Name == "body" || len(c.Blocks) == 0 || float64(rt) >= widerShare*float64(ct) || !holds(c, rd) {
			continue
		}
		if out < 0 || ct < cands[out].Stats.Text+cands[out].Stats.Link {
			out = i
		}
	}
	return out
}

// listed reports whether readability's article rd, on a page of type typ,
// may be one part of a wider content (see wider): only when it is itself
// mostly links (listLinks), a list's first section rather than a story or
// a section of prose. A short story's container holds its comments and
// related stories, several times its text: five AEB stories lost half their
// F1 when any article's pick could widen. On a product page the pick is the
// description, what surrounds it the shop.
func listed(rd Candidate, typ string) bool {
	return typ != pagetype.Product && rd.Stats.LinkDensity() >= listLinks
}

// listLinks: see listed.
const listLinks = 0.5

// widerShare: see wider.
const widerShare = 1.0 / 3

// trim returns the smallest candidate inside cands[w] holding nearly all
// of its prose (trimShare) with fewer links: the wrapper's extra is links
// (menus, link lists) around the same text.
func trim(cands []Candidate, w int, typ string) int {
	if cands[w].Name == "readability" || cands[w].Node == nil {
		return w
	}
	out := w
	for i, c := range cands {
		if i != w && c.Name != "readability" && c.Node != nil && len(c.Blocks) > 0 && c.Node != cands[w].Node &&
			domtext.Contains(cands[w].Node, c.Node) && float64(c.Stats.Text) >= trimShare*float64(cands[w].Stats.Text) &&
			c.Stats.Link < cands[out].Stats.Link && !(typ == pagetype.Listing && headlines(cands[w], c)) {
			out = i
		}
	}
	return out
}

// headlines reports whether the blocks of c that inner does not hold
// include the items of a listing: minHeadlines or more headlines
// (minHeadline to maxHeadline words each), most of the blocks left out,
// holding headlineShare or more of c's text, links counted.
// A wrapper's menus and filters are few blocks of many short links each;
// the item titles a listing's prose wrapper leaves out are many blocks of a
// headline's words each.
func headlines(c, inner Candidate) bool {
	have := inner.texts()
	n, left, size := 0, 0, 0
	for _, b := range c.Blocks {
		if have[b.Text] {
			continue
		}
		left++
		if w := len(strings.Fields(b.Text)); w >= minHeadline && w <= maxHeadline {
			n++
			size += len(b.Text)
		}
	}
	return n >= minHeadlines && 2*n > left && float64(size) >= headlineShare*float64(c.Stats.Text+c.Stats.Link)
}

// Shapes of a listing's item titles (see headlines).
const (
	minHeadline   = 3
	maxHeadline   = 30
	minHeadlines  = 5
	headlineShare = 0.1
)

// trimShare is the share of a wrapper's prose a candidate inside it must
// hold to stand for it.
const trimShare = 0.9

// tightest returns the index of the smallest candidate inside cands[w]
// (w itself at most) that holds the text of cands[r]: the page's prose
// wrapper may hold a <main> holding the story, and the story's share is
// judged against the element around it, not against the whole page.
func tightest(cands []Candidate, w, r int) int {
	for i, c := range cands {
		if i != r && i != w && c.Stats.Text < cands[w].Stats.Text && len(c.Blocks) > 0 &&
			domtext.Contains(cands[w].Node, c.Node) && holds(c, cands[r]) {
			w = i
		}
	}
	return w
}

// texts is the set of the texts of c's blocks.
func (c Candidate) texts() map[string]bool {
	have := make(map[string]bool, len(c.Blocks))
	for _, b := range c.Blocks {
		have[b.Text] = true
	}
	return have
}

// holds reports whether c holds most of inner's text: the share covered of
// inner's block text is found among c's blocks.
func holds(c, inner Candidate) bool {
	have := c.texts()
	total, found := 0, 0
	for _, b := range inner.Blocks {
		total += len(b.Text)
		if have[b.Text] {
			found += len(b.Text)
		}
	}
	return total > 0 && float64(found) >= covered*float64(total)
}

// Explain says why won was kept rather than lost, on a page of type typ.
func Explain(won, lost Candidate, typ string) string {
	return fmt.Sprintf("score %.0f vs %.0f (prose %d vs %d B, links %.0f%% vs %.0f%%)",
		Score(won, typ), Score(lost, typ), won.Stats.Text, lost.Stats.Text, 100*won.Stats.LinkDensity(), 100*lost.Stats.LinkDensity())
}

// Drop is a block of text that content selection left out: it is in a
// candidate that lost and not in the one that won.
type Drop struct {
	From string // the first losing candidate holding it
	Text string
}

// Dropped returns the blocks of the losing candidates that the winner cands[win]
// does not hold, each once, in the candidates' order.
func Dropped(cands []Candidate, win int) []Drop {
	seen := cands[win].texts()
	var out []Drop
	for i, c := range cands {
		if i == win {
			continue
		}
		for _, b := range c.Blocks {
			if !seen[b.Text] {
				seen[b.Text] = true
				out = append(out, Drop{From: c.Name, Text: b.Text})
			}
		}
	}
	return out
}

// Grid returns, on a listing (of type typ), the index of the structural
// candidate holding the listing's items when cands[w], the chosen content,
// is only the listing's introduction beside them: cands[w] is mostly
// prose (under listLinks of its text in links), the other candidate
// mostly links (its items' titles) and at least gridSize times its
// text, and neither holds the other's text (an introduction above a grid
// that is a sibling of it, not inside one container). Their blocks
// together are the listing. -1 when there is none.
func Grid(cands []Candidate, w int, typ string) int {
	if typ != pagetype.Listing || w < 0 || w >= len(cands) {
		return -1
	}
	in := cands[w]
	if len(in.Blocks) == 0 || in.Stats.LinkDensity() >= listLinks {
		return -1
	}
	size := in.Stats.Text + in.Stats.Link
	out, outSize := -1, 0
	for i, c := range cands {
		cs := c.Stats.Text + c.Stats.Link
		if i == w || c.Name == "body" || c.Name == "readability" || len(c.Blocks) == 0 || c.Stats.LinkDensity() < listLinks ||
			float64(cs) < gridSize*float64(size) || overlaps(c, in) || overlaps(in, c) {
			continue
		}
		if cs > outSize {
			out, outSize = i, cs
		}
	}
	return out
}

// gridSize: see Grid.
const gridSize = 0.5

// overlaps reports whether c holds any of inner's blocks of text.
func overlaps(c, inner Candidate) bool {
	have := c.texts()
	n := 0
	for _, b := range inner.Blocks {
		if have[b.Text] {
			n++
		}
	}
	return n*10 > len(inner.Blocks)
}

// Join returns the blocks of c followed by those of other that c does not
// hold, in their order.
func Join(c, other Candidate) []block.Block {
	have := c.texts()
	out := append(make([]block.Block, 0, len(c.Blocks)+len(other.Blocks)), c.Blocks...)
	for _, b := range other.Blocks {
		if !have[b.Text] {
			out = append(out, b)
		}
	}
	return out
}

// Furnished reports whether all the text of the page whose <body> is body
// is furniture, so that it has no main content: the candidate standing for
// the whole body shows no text outside its furniture (navigation, footers,
// hidden elements), and readability's pick, which knows no furniture, is
// mostly links (listLinks): a footer's lists of help pages and sister
// sites, all that an application shell holds before its scripts fill it
// (winnow runs no script). A pick of prose is kept: a story may stand in
// an element the furniture test reads as a box.
func Furnished(cands []Candidate, body *html.Node) bool {
	whole, picked := false, false
	for _, c := range cands {
		switch {
		case c.Node == body && body != nil:
			whole = c.Stats.Text+c.Stats.Link == 0
		case c.Name == "readability":
			picked = c.Stats.LinkDensity() >= listLinks
		}
	}
	return whole && picked
}
