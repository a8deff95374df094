// Package hidden tells how a page hides an element from the reader: by its
// own markup (the hidden attribute, aria-hidden, inline styles that collapse,
// clip, shrink or move it off-screen, text in the background's colour) or by
// a class or id its style sheets hide; and whether a hidden box is collapsed
// content the reader opens (accordions, tabs, FAQ answers, menus).
package hidden

import (
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/litscan"
	"strconv"
	"strings"
	"sync"
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
var hidingProps = []string{"display", "visibility", "opacity", "font", "left", "top", "indent", "right", "bottom", "inset", "transform", "overflow", "clip", "color", "filter", "scale", "zoom"}

// mayHide reports whether style may name a property by reads, without
// parsing it: ParseStyle's split and map were most of the time Why took.
func mayHide(style string) bool { return domtext.MayName(style, hidingProps) }

// by says how declarations d hide an element, or "".
func by(d map[string]string) string {
	switch {
	case d["display"] == "none":
		return "display:none"
	case d["visibility"] == "hidden", d["visibility"] == "collapse":
		return "visibility:hidden"
	case d["opacity"] != "" && strings.Trim(d["opacity"], "0.%") == "", zeroCall(d["filter"], "opacity("):
		return "opacity:0"
	case d["content-visibility"] == "hidden":
		return "content-visibility:hidden"
	case tiny(d["font-size"]):
		return "font-size:" + d["font-size"]
	case strings.HasPrefix(d["font"], "0/") || strings.HasPrefix(d["font"], "0 ") || strings.HasPrefix(d["font"], "0px"):
		return "font:" + d["font"]
	case farOff(d["left"]) || farOff(d["top"]) || farOff(d["text-indent"]) || farOff(d["margin-left"]) || farOff(d["margin-top"]) ||
		farOff(d["right"]) || farOff(d["bottom"]) || farOff(d["inset"]) || offTranslate(d["transform"]):
		return "off-screen"
	case clips(d["overflow"]) && (tiny(d["height"]) || tiny(d["width"]) || tiny(d["max-height"]) || tiny(d["max-width"])),
		clips(d["overflow-y"]) && (tiny(d["height"]) || tiny(d["max-height"])), clips(d["overflow-x"]) && (tiny(d["width"]) || tiny(d["max-width"])):
		return "tiny box, overflow hidden"
	case zeroCall(d["transform"], "scale(", "scalex(", "scaley(", "scale3d("), zeroArgs(d["scale"]), zeroArgs(d["zoom"]):
		return "transform:scale(0)"
	case clipped(d["clip"], d["clip-path"]):
		return "clipped"
	case d["color"] == "transparent", zeroAlpha(d["color"]):
		return "transparent text"
	case sameColour(d["color"], firstNonEmpty(d["background-color"], d["background"])):
		return "text colour = background"
	}
	return ""
}

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

// clips reports an overflow value that hides what leaves the box (hidden,
// clip; "hidden auto" on either axis).
func clips(v string) bool {
	f := strings.Fields(v)
	return len(f) > 0 && (f[0] == "hidden" || f[0] == "clip")
}

// zeroCall reports a value that is one of the functions fns (with their
// open parenthesis) of zero arguments only: scale(0), scaleX(0),
// opacity(0%).
func zeroCall(v string, fns ...string) bool {
	for _, fn := range fns {
		if strings.HasPrefix(v, fn) && strings.HasSuffix(v, ")") {
			return zeroArgs(v[len(fn) : len(v)-1])
		}
	}
	return false
}

// zeroArgs reports a list of numbers that are all zero ("0", "0 0",
// "0, 0%").
func zeroArgs(v string) bool {
	args := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' })
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		if strings.Trim(a, "0.%") != "" || !strings.Contains(a, "0") {
			return false
		}
	}
	return true
}

// zeroAlpha reports a colour whose alpha is zero: rgba(0,0,0,0),
// rgb(0 0 0 / 0), hsla(0,0%,0%,0), #rrggbb00, #rgb0.
func zeroAlpha(v string) bool {
	switch {
	case strings.HasPrefix(v, "#") && len(v) == 9:
		return v[7:] == "00"
	case strings.HasPrefix(v, "#") && len(v) == 5:
		return v[4] == '0'
	case strings.HasPrefix(v, "rgb") || strings.HasPrefix(v, "hsl"):
		i := strings.IndexByte(v, '(')
		if i < 0 || !strings.HasSuffix(v, ")") {
			return false
		}
		args := strings.FieldsFunc(v[i+1:len(v)-1], func(r rune) bool { return r == ',' || r == ' ' || r == '/' })
		return len(args) == 4 && zeroArgs(args[3])
	}
	return false
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// tiny reports a length of 0 (any unit) or 1 pixel: 1em, 1rem or 1% is
// a line of text's size, not a hiding place.
func tiny(v string) bool {
	if v == "" {
		return false
	}
	num := strings.TrimRight(v, "abcdefghijklmnopqrstuvwxyz%")
	unit := v[len(num):]
	num = strings.TrimLeft(num, "+")
	return num == "1" && (unit == "" || unit == "px") || num == "0.0" || num == ".0" || strings.Trim(num, "0.") == "" && num != ""
}

// farOff reports a negative length that puts a box off any screen: 500 px
// or more, 30 em or more, 100% or more of the viewport.
func farOff(v string) bool {
	if !strings.HasPrefix(v, "-") {
		return false
	}
	f0 := strings.Fields(v[1:])
	if len(f0) == 0 {
		return false
	}
	v = f0[0] // the first of a shorthand's values
	unit := strings.TrimLeft(v, "0123456789.")
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, unit), 64)
	if err != nil {
		return false
	}
	switch unit {
	case "", "px":
		return f >= 500
	case "em", "rem", "ch":
		return f >= 30
	case "%", "vw", "vh":
		return f >= 100
	}
	return f >= 500
}

// offTranslate reports a transform that moves a box far off-screen:
// translate(-9999px), translatex(-200%), translate3d(-100vw,0,0).
func offTranslate(v string) bool {
	i := strings.Index(v, "translate")
	if i < 0 {
		return false
	}
	open := strings.IndexByte(v[i:], '(')
	if open < 0 {
		return false
	}
	args := strings.TrimRight(v[i+open+1:], ") ")
	for _, a := range strings.FieldsFunc(args, func(r rune) bool { return r == ',' || r == ' ' || r == ')' }) {
		if farOff(a) {
			return true
		}
	}
	return false
}

// clipped reports a clip or clip-path that leaves nothing (or one pixel)
// of the box: rect(0 0 0 0), rect(1px,1px,1px,1px), inset(50%),
// circle(0).
func clipped(clip, path string) bool {
	if clip != "" {
		c := strings.NewReplacer(" ", "", ",", "", "px", "").Replace(clip)
		if c == "rect(0000)" || c == "rect(1111)" {
			return true
		}
	}
	if path != "" {
		p := strings.ReplaceAll(path, " ", "")
		switch p {
		case "inset(50%)", "inset(100%)", "circle(0)", "circle(0px)", "circle(0%)", "polygon(0000)":
			return true
		}
	}
	return false
}

// sameColour reports text and background colours a reader cannot tell
// apart: equal, or each channel within 16 of the other's (#fefefe on #fff).
func sameColour(fg, bg string) bool {
	if fg == "" || bg == "" {
		return false
	}
	if fg == bg {
		return true
	}
	a, ok1 := parseColour(fg)
	bgs := strings.Fields(bg)
	if len(bgs) == 0 {
		return false
	}
	b, ok2 := parseColour(bgs[0])
	if !ok1 || !ok2 {
		return false
	}
	for i := range a {
		if d := a[i] - b[i]; d > 16 || d < -16 {
			return false
		}
	}
	return true
}

// parseColour reads #rgb, #rrggbb, rgb(r,g,b) and the named colours
// white and black.
func parseColour(v string) ([3]int, bool) {
	switch v {
	case "white":
		return [3]int{255, 255, 255}, true
	case "black":
		return [3]int{}, true
	}
	var c [3]int
	switch {
	case strings.HasPrefix(v, "#") && (len(v) == 4 || len(v) == 7):
		h := v[1:]
		for i := range c {
			var part string
			if len(h) == 3 {
				part = h[i : i+1]
				part += part
			} else {
				part = h[2*i : 2*i+2]
			}
			n, err := strconv.ParseUint(part, 16, 8)
			if err != nil {
				return c, false
			}
			c[i] = int(n)
		}
		return c, true
	case strings.HasPrefix(v, "rgb(") || strings.HasPrefix(v, "rgba("):
		args := strings.FieldsFunc(v[strings.IndexByte(v, '(')+1:], func(r rune) bool { return r == ',' || r == ' ' || r == ')' || r == '/' })
		if len(args) < 3 {
			return c, false
		}
		for i := range c {
			n, err := strconv.Atoi(args[i])
			if err != nil {
				return c, false
			}
			c[i] = n
		}
		return c, true
	}
	return c, false
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

// Sheet holds the classes and ids a page's own style sheets hide
// (".promo-x{display:none}"), read from <style> elements: spam hides behind
// a class as often as behind an inline style. A nil *Sheet hides nothing.
type Sheet struct {
	classes, ids map[string]string // name -> how it is hidden
}

// maxSheet caps the style text read from one page (clean gathers at most
// this much, each style element cut to 512 KB).
const maxSheet = 1 << 20

// ParseSheet reads the rules of css whose selector is a lone class or id
// (".x", "#y", "div.x"; lists of them) and whose declarations hide. Other
// selectors are ignored. It looks for the declarations that hide and reads
// only the rules around them. Hand-written: only this much of CSS is read,
// and a parser of the whole language would cost more than it tells.
func ParseSheet(css string) *Sheet {
	if len(css) > maxSheet {
		css = css[:maxSheet]
	}
	var sh *Sheet
	done := map[int]bool{}
	for _, mt := range hideMatcher().Matches([]byte(css)) {
		pos := mt.Start
		open := strings.LastIndexByte(css[:pos], '{')
		if open < 0 || done[open] || strings.IndexByte(css[open:pos], '}') >= 0 {
			continue
		}
		done[open] = true
		end := strings.IndexByte(css[pos:], '}')
		if end < 0 {
			end = len(css) - pos
		}
		sel := css[strings.LastIndexAny(css[:open], "};")+1 : open]
		if !hasSimpleSelector(sel) {
			continue
		}
		why := by(domtext.ParseStyle(css[open+1 : pos+end]))
		if why == "" {
			continue
		}
		if sh == nil {
			sh = &Sheet{classes: map[string]string{}, ids: map[string]string{}}
		}
		sh.add(sel, why)
	}
	return sh
}

// hideMatcher finds the declarations ParseSheet looks for, in one pass.
var hideMatcher = sync.OnceValue(func() *litscan.Matcher { return litscan.NewCased(hideWords) })

// hideWords are the declarations ParseSheet looks for.
var hideWords = []string{"display:none", "display: none", "visibility:hidden", "visibility: hidden", "font-size:0", "font-size: 0",
	"opacity:0", "opacity: 0", "left:-", "left: -", "top:-", "top: -", "indent:-", "indent: -", "right:-", "right: -", "bottom:-", "bottom: -", "scale(0", "height:0", "height: 0", "height:1px", "height: 1px", "width:0", "width: 0",
	"width:1px", "width: 1px", "clip", "transparent", "translate", "font:0", "font: 0"}

// add records the lone classes and ids of a selector list as hidden.
func (sh *Sheet) add(sel, why string) {
	for _, one := range strings.Split(sel, ",") {
		one = strings.TrimSpace(one)
		if one == "" || strings.ContainsAny(one, " >+~:[") {
			continue
		}
		if i := strings.IndexByte(one, '.'); i >= 0 && !strings.Contains(one[i+1:], ".") {
			sh.classes[strings.ToLower(one[i+1:])] = "style sheet ." + one[i+1:] + " " + why
		} else if i := strings.IndexByte(one, '#'); i >= 0 {
			sh.ids[strings.ToLower(one[i+1:])] = "style sheet #" + one[i+1:] + " " + why
		}
	}
}

// hasSimpleSelector reports a selector list with at least one lone class
// or id in it.
func hasSimpleSelector(sel string) bool {
	for sel != "" {
		one := sel
		if i := strings.IndexByte(sel, ','); i >= 0 {
			one, sel = sel[:i], sel[i+1:]
		} else {
			sel = ""
		}
		one = strings.TrimSpace(one)
		if one != "" && strings.ContainsAny(one, ".#") && !strings.ContainsAny(one, " >+~:[") {
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
	if sh == nil {
		return ""
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
				if why, ok := sh.classes[c]; ok {
					return why
				}
			}
		case "id":
			if why, ok := sh.ids[strings.ToLower(strings.TrimSpace(a.Val))]; ok {
				return why
			}
		}
	}
	return ""
}
