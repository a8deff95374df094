// Package cssvis tells whether CSS declarations make a box's text unseen:
// collapsed, made transparent, shrunk, clipped, moved off-screen or
// written in the colour of its background. It reads declarations already
// split into property: value pairs (domtext.ParseStyle), from an inline
// style or a style sheet's rule, and knows nothing of the page around them.
package cssvis

import (
	"strconv"
	"strings"
)

// Why says how declarations d (domtext.ParseStyle's map of an inline
// style or a rule's body) hide an element, or "": display:none,
// visibility:hidden, opacity:0, content-visibility:hidden, a tiny font, a
// far off-screen position, indent or translation, a tiny box with overflow
// hidden, scale(0), a clip that leaves nothing, transparent text, text in
// the background's colour.
func Why(d map[string]string) string {
	switch {
	case d["display"] == "none":
		return "display:none"
	case d["visibility"] == "hidden", d["visibility"] == "collapse":
		return "visibility:hidden"
	case d["opacity"] != "" && (strings.Trim(d["opacity"], "0.%") == "" || below(d["opacity"], 0.05)), zeroCall(d["filter"], "opacity("),
		strings.Contains(d["filter"], "opacity=0)"):
		return "opacity:0"
	case d["content-visibility"] == "hidden":
		return "content-visibility:hidden"
	case tiny(d["font-size"]) || tinyFont(d["font-size"]):
		return "font-size:" + d["font-size"]
	case strings.HasPrefix(d["font"], "0/") || strings.HasPrefix(d["font"], "0 ") || strings.HasPrefix(d["font"], "0px"):
		return "font:" + d["font"]
	case farOff(d["left"]) || farOff(d["top"]) || farOff(d["text-indent"]) || farOff(d["margin-left"]) || farOff(d["margin-top"]) ||
		farOff(d["right"]) || farOff(d["bottom"]) || farOff(d["inset"]) || offTranslate(d["transform"]) ||
		positioned(d) && (farRight(d["left"]) || farRight(d["top"])) || indentOut(d["text-indent"]) && clips(d["overflow"]):
		return "off-screen"
	case clips(d["overflow"]) && (tiny(d["height"]) || tiny(d["width"]) || tiny(d["max-height"]) || tiny(d["max-width"])),
		clips(d["overflow-y"]) && (tiny(d["height"]) || tiny(d["max-height"])), clips(d["overflow-x"]) && (tiny(d["width"]) || tiny(d["max-width"])),
		clips(d["overflow"]) && d["height"] == "" && tiny(d["line-height"]) && d["line-height"] != "1":
		return "tiny box, overflow hidden"
	case zeroCall(d["transform"], "scale(", "scalex(", "scaley(", "scale3d("), zeroArgs(d["scale"]), zeroArgs(d["zoom"]),
		strings.HasPrefix(d["transform"], "matrix(0,0,0,0,"), strings.HasPrefix(d["transform"], "matrix(0, 0, 0, 0,"):
		return "transform:scale(0)"
	case clipped(d["clip"], d["clip-path"]):
		return "clipped"
	case (d["color"] == "transparent" || zeroAlpha(d["color"]) || d["-webkit-text-fill-color"] == "transparent") && !clipsToText(d):
		return "transparent text"
	case sameColour(d["color"], firstNonEmpty(d["background-color"], d["background"])):
		return "text colour = background"
	}
	return more(d)
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
		if c == "rect(0000)" || c == "rect(1111)" || emptyRect(clip) {
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
	if translucent(bg) {
		return false // the colour behind it shows through
	}
	if fg == bg {
		_, ok := parseColour(fg)
		return ok || strings.HasPrefix(fg, "#") // not inherit, currentcolor, var(...)
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

// Unseen reports declarations that leave a box's text unseen by any
// reader, sighted or not, while no control of the page's own is likely to
// show it: collapsed (display:none, visibility:hidden,
// content-visibility:hidden), a font or box of no size, scale(0), moved
// far off-screen by its position or indent, transparent or in the
// background's colour. Not opacity (pages fade their content in from
// opacity:0 by script), not a translation (sliders and drawers move their
// tracks by one), and not a clipped or one-pixel box (text kept for
// screen readers).
func Unseen(d map[string]string) bool {
	switch Why(d) {
	case "", "opacity:0", "clipped":
		return false
	case "tiny box, overflow hidden":
		return zero(d["height"]) || zero(d["width"]) || zero(d["max-height"]) || zero(d["max-width"]) || zero(d["line-height"])
	case "off-screen":
		// Off the screen, not off the box: a slider's track is moved by
		// left:-100% to show its second slide.
		for _, p := range [...]string{"left", "top", "right", "bottom", "inset", "margin-left", "margin-top"} {
			if farOff(d[p]) && !strings.Contains(d[p], "%") {
				return true
			}
		}
		// An indent moves the text out of a box that shows its
		// background instead (a logo, a colour swatch): the text is the
		// picture's label.
		if d["background"] == "" && d["background-color"] == "" && d["background-image"] == "" &&
			(farOff(d["text-indent"]) && !strings.Contains(d["text-indent"], "%") || indentOut(d["text-indent"]) && clips(d["overflow"])) {
			return true
		}
		return positioned(d) && (farRight(d["left"]) || farRight(d["top"]))
	}
	return true
}

// zero reports a length of 0 in any unit.
func zero(v string) bool {
	num := strings.TrimRight(v, "abcdefghijklmnopqrstuvwxyz%")
	return num != "" && strings.Trim(num, "0.+") == ""
}

// below reports a number (or percentage, read as a fraction) under max.
func below(v string, max float64) bool {
	pct := strings.HasSuffix(v, "%")
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
	if err != nil {
		return false
	}
	if pct {
		f /= 100
	}
	return f >= 0 && f < max
}

// tinyFont reports a font size no reader can read: under 2 pixels or a
// tenth of an em.
func tinyFont(v string) bool {
	unit := strings.TrimLeft(v, "0123456789.")
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, unit), 64)
	if err != nil {
		return false
	}
	switch unit {
	case "px":
		return f < 2
	case "em", "rem", "%":
		if unit == "%" {
			f /= 100
		}
		return f < 0.1
	case "pt":
		return f < 1.5
	}
	return false
}

// positioned reports a box taken out of the flow (absolute or fixed),
// whose left and top place it on the page.
func positioned(d map[string]string) bool {
	return d["position"] == "absolute" || d["position"] == "fixed"
}

// farRight reports a positive length that puts a box beyond any screen's
// right or bottom edge: 5000 px or more, 300 em or more, 1000% or more.
func farRight(v string) bool {
	if v == "" || v[0] == '-' {
		return false
	}
	if f := strings.Fields(v); len(f) > 0 {
		v = f[0]
	}
	unit := strings.TrimLeft(v, "0123456789.")
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, unit), 64)
	if err != nil {
		return false
	}
	switch unit {
	case "em", "rem", "ch":
		return f >= 300
	case "%", "vw", "vh":
		return f >= 100 && unit != "%" || f >= 1000
	}
	return f >= 5000
}

// clipsToText reports a background clipped to the text, whose transparent
// text shows the background through its letters (gradient headings).
func clipsToText(d map[string]string) bool {
	return d["background-clip"] == "text" || d["-webkit-background-clip"] == "text"
}

// emptyRect reports a clip rect(top, right, bottom, left) in pixels that
// leaves no area: its bottom not below its top or its right not right of
// its left.
func emptyRect(v string) bool {
	if !strings.HasPrefix(v, "rect(") || !strings.HasSuffix(v, ")") {
		return false
	}
	var n [4]float64
	args := strings.FieldsFunc(v[5:len(v)-1], func(r rune) bool { return r == ',' || r == ' ' })
	if len(args) != 4 {
		return false
	}
	for i, a := range args {
		f, err := strconv.ParseFloat(strings.TrimSuffix(a, "px"), 64)
		if err != nil {
			return false
		}
		n[i] = f
	}
	return n[2] <= n[0] || n[1] <= n[3]
}

// translucent reports a background colour with an alpha under 1:
// rgba(255,255,255,0.2), #ffffff33.
func translucent(bg string) bool {
	f := strings.Fields(bg)
	if len(f) == 0 {
		return false
	}
	v := f[0]
	switch {
	case strings.HasPrefix(v, "#"):
		return len(v) == 9 && !strings.EqualFold(v[7:], "ff") || len(v) == 5 && !strings.EqualFold(v[4:], "f")
	case strings.HasPrefix(v, "rgba(") || strings.HasPrefix(v, "hsla(") || strings.Contains(v, "/"):
		args := strings.FieldsFunc(v[strings.IndexByte(v, '(')+1:], func(r rune) bool { return r == ',' || r == ' ' || r == ')' || r == '/' })
		return len(args) == 4 && below(args[3], 1)
	}
	return false
}

// indentOut reports a positive indent that pushes a line's text out of its
// box: far right, or 100% of the box or more.
func indentOut(v string) bool {
	return farRight(v) || strings.HasSuffix(v, "%") && !below(v, 1)
}
