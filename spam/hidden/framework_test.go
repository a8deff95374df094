package hidden

import "testing"

// TestUtility: a framework's hide-everywhere class hides; one that a
// responsive class shows again on wider screens, or no utility at all,
// does not.
func TestUtility(t *testing.T) {
	for class, want := range map[string]string{
		"d-none":                    "utility class display:none",
		"box hidden":                "utility class display:none",
		"note is-hidden":            "utility class display:none",
		"invisible":                 "utility class visibility:hidden",
		"sr-only":                   "utility class clipped",
		"screen-reader-text":        "utility class clipped",
		"d-none d-md-block":         "",
		"hidden lg:flex":            "",
		"sr-only sr-only-focusable": "",
		"hidden-xs":                 "",
		"overflow-hidden":           "",
		"entry-content":             "",
		"hide-on-print":             "",
	} {
		if got := Utility(class); got != want {
			t.Errorf("Utility(%q) = %q, want %q", class, got, want)
		}
	}
}
