package hidden

import "strings"

// utilityClasses are the classes CSS frameworks and CMS themes define to
// hide an element on every screen, whose rule sits in a style sheet the
// page links rather than holds (so ParseSheet never reads it): Bootstrap
// (d-none, invisible, hidden, hide, sr-only, visually-hidden), Tailwind
// (hidden, invisible, sr-only), Bulma (is-hidden, is-invisible,
// is-sr-only), Foundation (hide, invisible, show-for-sr), UIkit
// (uk-hidden, uk-invisible), W3.CSS (w3-hide), Spectre (d-hide,
// d-invisible), WordPress (screen-reader-text), Drupal
// (element-invisible, visually-hidden), HTML5 Boilerplate
// (visuallyhidden). Their screen-reader classes clip the box; the others
// collapse it.
var utilityClasses = map[string]string{
	"d-none": "display:none", "hidden": "display:none", "hide": "display:none", "is-hidden": "display:none",
	"uk-hidden": "display:none", "w3-hide": "display:none", "d-hide": "display:none", "display-none": "display:none",
	"u-hidden": "display:none", "hidden-all": "display:none",
	"invisible": "visibility:hidden", "is-invisible": "visibility:hidden", "uk-invisible": "visibility:hidden",
	"d-invisible": "visibility:hidden",
	"sr-only":     "clipped", "visually-hidden": "clipped", "is-sr-only": "clipped", "show-for-sr": "clipped",
	"screen-reader-text": "clipped", "element-invisible": "clipped", "visuallyhidden": "clipped", "screen-reader-only": "clipped",
}

// Utility says how a class attribute's framework utility class hides its
// element on a desktop screen (see utilityClasses), or "": a class list
// that also shows it from some width on ("d-none d-md-block", "hidden
// lg:flex") or names a focusable variant (sr-only-focusable) does not.
func Utility(class string) string {
	if !strings.Contains(class, "hid") && !strings.Contains(class, "none") && !strings.Contains(class, "invisible") &&
		!strings.Contains(class, "sr-") && !strings.Contains(class, "-sr") && !strings.Contains(class, "screen-reader") {
		return ""
	}
	why := ""
	for _, c := range strings.Fields(strings.ToLower(class)) {
		if w, ok := utilityClasses[c]; ok {
			why = w
			continue
		}
		if shows(c) {
			return ""
		}
	}
	if why == "" {
		return ""
	}
	return "utility class " + why
}

// shows reports a utility class that shows an element from some width or
// state on: Bootstrap's d-md-block, Tailwind's md:flex, focusable
// screen-reader text.
func shows(c string) bool {
	if strings.Contains(c, "focusable") {
		return true
	}
	if i := strings.LastIndexAny(c, ":-"); i >= 0 {
		switch c[i+1:] {
		case "block", "flex", "inline", "inline-block", "grid", "table", "contents", "visible", "show":
			return true
		}
	}
	return strings.HasPrefix(c, "visible-") || strings.HasPrefix(c, "show-for-") && c != "show-for-sr"
}
