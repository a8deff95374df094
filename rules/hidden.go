package rules

import (
	"strings"

	"golang.org/x/net/html"
)

// IsHidden reports whether n is hidden by its own markup: the hidden
// attribute, or an inline style with display:none, visibility:hidden, a zero
// font size, a far off-screen position or text indent, or zero size with
// overflow hidden. Stylesheets are not consulted.
func IsHidden(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	style := ""
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			style = a.Val
		}
	}
	if style == "" {
		return false
	}
	decl := parseStyle(style)
	switch {
	case decl["display"] == "none", decl["visibility"] == "hidden", decl["visibility"] == "collapse":
		return true
	case isZero(decl["font-size"]):
		return true
	case isFarOff(decl["left"]) || isFarOff(decl["top"]) || isFarOff(decl["text-indent"]) ||
		isFarOff(decl["margin-left"]) || isFarOff(decl["right"]):
		return true
	case decl["overflow"] == "hidden" && (isZero(decl["height"]) || isZero(decl["width"])):
		return true
	}
	return false
}

// parseStyle reads an inline style into lower-case property: value pairs,
// !important dropped. Hand-written: a full CSS parser is not needed to read
// the handful of properties that hide text.
func parseStyle(s string) map[string]string {
	m := map[string]string{}
	for _, d := range strings.Split(s, ";") {
		k, v, ok := strings.Cut(d, ":")
		if !ok {
			continue
		}
		v = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important")))
		m[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
	}
	return m
}

func isZero(v string) bool {
	if v == "" {
		return false
	}
	v = strings.TrimRight(v, "abcdefghijklmnopqrstuvwxyz%")
	v = strings.TrimLeft(v, "+-")
	return strings.Trim(v, "0.") == "" && v != ""
}

// isFarOff reports a negative length of at least 999 units (px, em, ...).
func isFarOff(v string) bool {
	if !strings.HasPrefix(v, "-") {
		return false
	}
	num := strings.TrimRight(v[1:], "abcdefghijklmnopqrstuvwxyz%")
	if i := strings.IndexByte(num, '.'); i >= 0 {
		num = num[:i]
	}
	return len(num) >= 3 && strings.Trim(num, "0123456789") == "" && (len(num) > 3 || num >= "999")
}
