package classname

import "testing"

func TestNames(t *testing.T) {
	for _, c := range []struct {
		name string
		f    func(string) bool
		v    string
		want bool
	}{
		{"Consent", Consent, "cookie-banner", true},
		{"Consent", Consent, "article-body", false},
		{"ScreenReader", ScreenReader, "price sr-only", true},
		{"ScreenReader", ScreenReader, "sr-only-focusable", false},
		{"Comments", Comments, "comment-list", true},
		{"Comments", Comments, "comment-body", false},
		{"Legal", Legal, "game_area_legal", true},
		{"Legal", Legal, "legalshipping", false},
		{"Reviews", Reviews, "product-reviews", true},
		{"Reviews", Reviews, "editorial-reviews", false},
		{"UtilityHidden", UtilityHidden, "tw-hidden", true},
		{"UtilityHidden", UtilityHidden, "overflow-hidden", false},
		{"Overlay", Overlay, "fixed inset-0 bg-black", true},
		{"Overlay", Overlay, "fixed top-0", false},
	} {
		if got := c.f(c.v); got != c.want {
			t.Errorf("%s(%q) = %v, want %v", c.name, c.v, got, c.want)
		}
	}
}
