package hidden

import (
	"testing"

	"golang.org/x/net/html"
)

// TestSheetMedia: a rule inside an @media block that holds on a desktop
// screen hides as a top-level one does; one for print, a phone's width or
// another condition does not. Ancestors every body element has do not
// hide a selector's class.
func TestSheetMedia(t *testing.T) {
	for css, want := range map[string]bool{
		"@media screen{.x{display:none}}":                                       true,
		"@media all and (min-width: 768px){.x{position:absolute;left:-9999px}}": true,
		"@media (max-width: 99999px){.x{font-size:0}}":                          true,
		"@media only screen and (min-width:40em){.x{display:none}}":             true,
		"body .x{display:none}":                                                 true,
		"html > body .x{display:none}":                                          true,
		"@media print{.x{display:none}}":                                        false,
		"@media (max-width: 600px){.x{display:none}}":                           false,
		"@media screen and (orientation:portrait){.x{display:none}}":            false,
		"@media (min-width: 1600px){.x{display:none}}":                          false,
		"@supports (display:grid){.x{display:none}}":                            false,
		"div .x{display:none}":                                                  false,
	} {
		n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: "x"}}}
		if got := ParseSheet(css).Hides(n) != ""; got != want {
			t.Errorf("ParseSheet(%q).Hides(.x) = %v, want %v", css, got, want)
		}
	}
}
