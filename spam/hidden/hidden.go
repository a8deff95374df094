// Package hidden tells how a page hides an element from the reader: by its
// own markup (the hidden attribute, aria-hidden, inline styles that collapse,
// clip, shrink or move it off-screen, text in the background's colour) or by
// a class or id its style sheets hide; and whether a hidden box is collapsed
// content the reader opens (accordions, tabs, FAQ answers, menus).
package hidden

import (
	"github.com/winnowhq/winnow/internal/cssvis"
	"github.com/winnowhq/winnow/internal/domtext"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Why says how n's own markup hides it, or "": the hidden attribute,
// aria-hidden, display:none, visibility:hidden, zero font size, a box of
// 0 or 1 px with overflow hidden, far off-screen position or indent, text
// colour equal to the background. Stylesheets are not read. Hiding is weak
// evidence: collapsed answers, tabs and menus hide content too.
func Why(n *html.Node) string {
	if n.Type != html.ElementNode {
		return ""
	}
	style := ""
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return "hidden attribute"
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return "aria-hidden"
			}
		case "style":
			style = a.Val
		}
	}
	if style == "" || !mayHide(style) {
		return ""
	}
	return by(domtext.ParseStyle(style))
}

// hidingProps are the property names, or parts of them, that by reads for
// a verdict: a style that names none of them cannot hide (widths and
// heights count only beside overflow, backgrounds only beside color).
var hidingProps = []string{"display", "visibility", "opacity", "font", "left", "top", "indent", "right", "bottom", "inset", "transform", "overflow", "clip", "color", "filter", "scale", "zoom", "rotate", "mask"}

// mayHide reports whether style may name a property by reads, without
// parsing it: ParseStyle's split and map were most of the time Why took.
func mayHide(style string) bool { return domtext.MayName(style, hidingProps) }

// by says how declarations d hide an element, or "" (cssvis.Why).
func by(d map[string]string) string { return cssvis.Why(d) }

// Conceals reports a way of hiding, as Why or a Sheet says it, that keeps
// a box in the page's flow of text while the reader cannot see it: moved
// far off-screen, its text transparent or in the background's colour.
// Pages toggle and animate menus, tabs, dialogs and tooltips with the
// hidden attribute, display:none, visibility:hidden, opacity or
// scale(0); truncate text in a box of no height; keep text for screen
// readers in a clipped box; and set font-size:0 on a row to close the
// gaps between its items. None of those is concealment.
func Conceals(why string) bool {
	switch why {
	case "off-screen", "transparent text", "text colour = background":
		return true
	}
	return false
}

// collapsedWords are class and id words of boxes that hide content the
// reader opens: accordions, tabs, FAQ answers, menus, dialogs.
var collapsedWords = []string{"accordion", "collapse", "tab", "faq", "panel", "answer", "toggle", "dropdown", "menu",
	"modal", "popup", "drawer", "expand", "spoiler", "more", "details", "hidden-content", "read-more"}

// Collapsed reports a hidden box that is collapsed content, not a hiding
// place: inside <details>, a tab panel, dialog, menu or region, a box
// another element's aria-controls or aria-expanded opens, or one whose
// class or id names an accordion, tab, FAQ answer, menu or dialog. Its
// hiding is no evidence; its text is scored like any other.
func Collapsed(n *html.Node) bool {
	for d := 0; n != nil && n.Type == html.ElementNode && d < 4; d++ {
		if n.Data == "details" || n.Data == "dialog" || n.Data == "nav" || n.Data == "menu" {
			return true
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "role":
				switch strings.ToLower(a.Val) {
				case "tabpanel", "dialog", "menu", "region", "tooltip", "alertdialog", "listbox":
					return true
				}
			case "aria-labelledby", "aria-expanded", "data-toggle", "data-bs-toggle", "data-target", "data-bs-parent":
				return true
			case "class", "id":
				v := strings.ToLower(a.Val)
				for _, w := range collapsedWords {
					if strings.Contains(v, w) {
						return true
					}
				}
			}
		}
		n = n.Parent
	}
	return false
}

// Sheet holds the classes, ids and attributes a page's own style sheets
// hide (".promo-x{display:none}", "#k1{font-size:0}", "[data-z]{...}"),
// read from <style> elements: spam hides behind a class as often as behind
// an inline style. A nil *Sheet hides nothing.
type Sheet struct {
	classes, ids, attrs map[string]entry // name (attrs: "name" or "name=value") -> how
	// valued holds attrs' "name=value" keys split at each of their "="
	// (name -> value -> how), so that lookup finds an attribute's
	// key=value without building the string.
	valued map[string]map[string]entry
}

// entry says how a rule hides what its selector names, and whether the
// reader never sees it (cssvis.Unseen) while no rule of the sheet shows it
// again under another class (".tab{display:none} .tab.on{display:block}").
type entry struct {
	why    string
	unseen bool
}

// maxSheet caps the style text read from one page (clean gathers at most
// this much, each style element cut to 512 KB).
const maxSheet = 1 << 20

// ParseSheet reads the rules of css whose selector is a lone class, id or
// attribute ("".x", "#y", "div.x", "[data-z]", "p[title=a]"; lists of
// them) and whose declarations hide (cssvis.Why). Other selectors, and
// rules inside conditional @-blocks (@supports, @container, and @media
// but for a query that holds on a desktop screen, screenMedia: what a
// printer or a phone's width hides), are ignored. Hand-written: only this
// much of CSS is read, and a parser of the whole language would cost more
// than it tells.
func ParseSheet(css string) *Sheet {
	if len(css) > maxSheet {
		css = css[:maxSheet]
	}
	var sh *Sheet
	var shows []string       // selectors of rules that may show a class, read once the sheet hides one
	d := map[string]string{} // the declarations of the rule at hand
	eachRule(css, func(sel, body string) {
		if !domtext.MayName(body, hidingProps) {
			return
		}
		if !hasSimpleSelector(sel) {
			// A rule naming a class in a compound (".tab.on",
			// "[aria-expanded] .x"): a state may show it.
			shows = append(shows, sel)
			return
		}
		domtext.ParseStyleInto(d, body)
		if v := d["display"]; v != "" && v != "none" || d["visibility"] == "visible" {
			shows = append(shows, sel) // a rule that shows a class
		}
		why := by(d)
		if why == "" {
			return
		}
		if sh == nil {
			sh = &Sheet{classes: map[string]entry{}, ids: map[string]entry{}, attrs: map[string]entry{}, valued: map[string]map[string]entry{}}
		}
		sh.add(sel, entry{why: why, unseen: cssvis.Unseen(d)})
	})
	if sh != nil {
		for _, sel := range shows {
			for _, c := range strings.Split(sel, ".")[1:] {
				c = strings.ToLower(strings.TrimRightFunc(c, notName))
				if e, ok := sh.classes[c]; ok {
					e.unseen = false
					sh.classes[c] = e
				}
			}
		}
	}
	return sh
}

// notName reports a rune that ends a class name in a selector.
func notName(r rune) bool {
	return !(r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r))
}

// eachRule calls f with the selector and declarations of each style rule of
// css at the top level or inside @layer, @scope and desktop-screen @media
// blocks (screenMedia), comments removed; rules inside other @-blocks are
// skipped.
func eachRule(css string, f func(sel, body string)) {
	css = stripComments(css)
	var skip []bool // per open @-block: whether its rules are skipped
	skipping := func() bool { return len(skip) > 0 && skip[len(skip)-1] }
	for pos := 0; pos < len(css); {
		i := strings.IndexAny(css[pos:], "{}")
		if i < 0 {
			return
		}
		i += pos
		if css[i] == '}' {
			if len(skip) > 0 {
				skip = skip[:len(skip)-1]
			}
			pos = i + 1
			continue
		}
		prelude := css[pos:i]
		if j := strings.LastIndexByte(prelude, ';'); j >= 0 {
			prelude = prelude[j+1:] // after an @import or @charset
		}
		prelude = strings.TrimSpace(prelude)
		if strings.HasPrefix(prelude, "@") {
			at := strings.ToLower(prelude)
			skip = append(skip, skipping() || !strings.HasPrefix(at, "@layer") && !strings.HasPrefix(at, "@scope") && !(strings.HasPrefix(at, "@media") && screenMedia(at)))
			pos = i + 1
			continue
		}
		end := strings.IndexByte(css[i:], '}')
		if end < 0 {
			end = len(css) - i
		}
		if !skipping() {
			f(prelude, css[i+1:i+end])
		}
		pos = i + end + 1
	}
}

// stripComments removes CSS comments.
func stripComments(css string) string {
	if !strings.Contains(css, "/*") {
		return css
	}
	var b strings.Builder
	b.Grow(len(css))
	for {
		i := strings.Index(css, "/*")
		if i < 0 {
			b.WriteString(css)
			return b.String()
		}
		b.WriteString(css[:i])
		j := strings.Index(css[i+2:], "*/")
		if j < 0 {
			return b.String()
		}
		css = css[i+2+j+2:]
	}
}

// add records the lone classes, ids and attributes of a selector list as
// hidden, each as e says.
func (sh *Sheet) add(sel string, e entry) {
	for _, one := range strings.Split(sel, ",") {
		one = rootless(strings.TrimSpace(one))
		if !simple(one) {
			continue
		}
		switch i := strings.IndexAny(one, ".#["); {
		case i < 0:
		case one[i] == '.' && !strings.ContainsAny(one[i+1:], ".#["):
			sh.classes[strings.ToLower(one[i+1:])] = entry{"style sheet ." + one[i+1:] + " " + e.why, e.unseen}
		case one[i] == '#' && !strings.ContainsAny(one[i+1:], ".#["):
			sh.ids[strings.ToLower(one[i+1:])] = entry{"style sheet #" + one[i+1:] + " " + e.why, e.unseen}
		case one[i] == '[' && strings.HasSuffix(one, "]") && !strings.ContainsAny(one[i+1:len(one)-1], ".#[]~^$*|"):
			k, v, eq := strings.Cut(one[i+1:len(one)-1], "=")
			key := strings.ToLower(strings.TrimSpace(k))
			if eq {
				key += "=" + strings.Trim(strings.TrimSpace(v), `"'`)
			}
			sh.setAttr(key, entry{"style sheet " + one[i:] + " " + e.why, e.unseen})
		}
	}
}

// setAttr records key (an attribute "name" or "name=value") in attrs, and
// in valued at each "=" of it: a key is a.Key+"="+a.Val exactly when it
// has an "=" at len(a.Key) with a.Key before and a.Val after.
func (sh *Sheet) setAttr(key string, e entry) {
	sh.attrs[key] = e
	for j := 0; j < len(key); j++ {
		if key[j] != '=' {
			continue
		}
		vals := sh.valued[key[:j]]
		if vals == nil {
			vals = map[string]entry{}
			sh.valued[key[:j]] = vals
		}
		vals[key[j+1:]] = e
	}
}

// simple reports a selector of one compound, no combinator or pseudo-class:
// an attribute selector's value may hold spaces.
func simple(one string) bool {
	if one == "" {
		return false
	}
	if i := strings.IndexByte(one, '['); i >= 0 {
		return !strings.ContainsAny(one[:i], " >+~:") && strings.HasSuffix(one, "]")
	}
	return !strings.ContainsAny(one, " >+~:")
}

// hasSimpleSelector reports a selector list with at least one lone class,
// id or attribute in it.
func hasSimpleSelector(sel string) bool {
	for one := range strings.SplitSeq(sel, ",") {
		one = rootless(strings.TrimSpace(one))
		if strings.ContainsAny(one, ".#[") && simple(one) {
			return true
		}
	}
	return false
}

// classSpace reports the white space that separates the words of a class
// attribute.
func classSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// Hides says how the sheet hides n, or "".
func (sh *Sheet) Hides(n *html.Node) string {
	e, _ := sh.lookup(n)
	return e.why
}

// Unseen says how the sheet hides n from every reader (cssvis.Unseen), or
// "" when it does not or a rule may show it again.
func (sh *Sheet) Unseen(n *html.Node) string {
	if e, _ := sh.lookup(n); e.unseen {
		return e.why
	}
	return ""
}

// lookup finds the first rule of the sheet that names n's class, id or an
// attribute of it.
func (sh *Sheet) lookup(n *html.Node) (entry, bool) {
	if sh == nil {
		return entry{}, false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			if len(sh.classes) == 0 {
				continue
			}
			// Split by hand at the white space of HTML: strings.TrimLeft
			// and IndexAny built their byte set anew for every word.
			v := a.Val
			for start := 0; start < len(v); {
				end := start
				for end < len(v) && !classSpace(v[end]) {
					end++
				}
				c := v[start:end]
				start = end + 1
				if c == "" {
					continue
				}
				if strings.IndexFunc(c, unicode.IsUpper) >= 0 {
					c = strings.ToLower(c)
				}
				if e, ok := sh.classes[c]; ok {
					return e, true
				}
			}
		case "id":
			if e, ok := sh.ids[strings.ToLower(strings.TrimSpace(a.Val))]; ok {
				return e, true
			}
		}
		if len(sh.attrs) > 0 {
			if e, ok := sh.attrs[a.Key]; ok {
				return e, true
			}
			if e, ok := sh.valued[a.Key][a.Val]; ok { // sh.attrs[a.Key+"="+a.Val]
				return e, true
			}
		}
	}
	return entry{}, false
}
