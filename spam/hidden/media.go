package hidden

import (
	"strconv"
	"strings"
)

// desktopWidth is the viewport width, in CSS pixels, at which a media
// query is read: a desktop browser's window, where winnow's pages are
// judged.
const desktopWidth = 1280

// screenMedia reports an @media prelude (lower-cased, "@media" first)
// whose query holds on a desktop screen: a list of queries of which one is
// for all media or screens ("screen", "all", "only screen", none at all)
// and whose width conditions hold at desktopWidth ("(min-width: 768px)",
// "(max-width: 99999px)"). A query for print, for a narrow screen or with
// any other condition (orientation, hover, resolution, prefers-*) does
// not: what it hides a desktop reader may still see, or see another way.
func screenMedia(prelude string) bool {
	q := strings.TrimSpace(strings.TrimPrefix(prelude, "@media"))
	if q == "" {
		return true
	}
	for one := range strings.SplitSeq(q, ",") {
		if screenQuery(one) {
			return true
		}
	}
	return false
}

// screenQuery reports one media query that holds on a desktop screen (see
// screenMedia).
func screenQuery(q string) bool {
	for part := range strings.SplitSeq(q, " and ") {
		part = strings.TrimSpace(part)
		switch {
		case part == "" || part == "screen" || part == "all" || part == "only screen" || part == "only all":
		case strings.HasPrefix(part, "(") && strings.HasSuffix(part, ")"):
			if !widthHolds(part[1 : len(part)-1]) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// widthHolds reports a min-width or max-width feature, in px, em or rem,
// that holds at desktopWidth.
func widthHolds(f string) bool {
	name, val, ok := strings.Cut(f, ":")
	if !ok {
		return false
	}
	val = strings.TrimSpace(val)
	unit := strings.TrimLeft(val, "0123456789.")
	px, err := strconv.ParseFloat(strings.TrimSuffix(val, unit), 64)
	if err != nil {
		return false
	}
	switch unit {
	case "px":
	case "em", "rem":
		px *= 16
	default:
		return false
	}
	switch strings.TrimSpace(name) {
	case "min-width":
		return px <= desktopWidth
	case "max-width":
		return px >= desktopWidth
	}
	return false
}

// rootless returns a selector without the ancestors every element of a
// page's body has ("body .x", "html > body #y", ":root [data-z]", "* .x"):
// it names what the selector after them names.
func rootless(sel string) string {
	for {
		head, rest, ok := strings.Cut(sel, " ")
		if !ok {
			return sel
		}
		switch strings.TrimSpace(head) {
		case "html", "body", ":root", "*", ">":
			sel = strings.TrimSpace(rest)
		default:
			return sel
		}
	}
}
