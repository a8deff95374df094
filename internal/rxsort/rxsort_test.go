package rxsort

import (
	"regexp"
	"testing"
)

// sortedCases are regexes whose alternatives sorting moves, with texts
// that match them and texts that do not.
var sortedCases = []string{
	`(?i)^(?:[\s\p{P}\d+|]|mon(?:day)?|sun|may|tue|mar(?:ch)?|june?|jan(?:uary)?|am|pm|at|on|wit|wita|wib|gmt|utc|fri)+$`,
	`(?i)\b(?:zeta|alpha|al|beta|b|gamma|delta|ga|de|eta|theta|iota|kappa|mu)\b`,
	`^(?:cb|ca|c|b|a|ab|bb|ba|aa|dd|de|ee|fe|ff|gh|hg)*x$`,
	`(?:z|y(?:b|a)|x|wx|vw|uv|ta|tb|sa|ra|qa|pa)+`,
}

var sortedTexts = []string{"", "Monday, 23 March 2026 10:15 AM WIB", "on mar 3", "wita 10", "witam", "The talks ended on 23 May", "alpha", "AL", "alphabet",
	"beta b", "cbcax", "ccx", "cbd", "x", "yayb", "zq", "May 2026 | 10:15 PM"}

// TestSorted: a regex and its sorted form match the same texts.
func TestSorted(t *testing.T) {
	for _, src := range sortedCases {
		re := regexp.MustCompile(src)
		sorted := Sorted(re)
		if sorted == re {
			t.Errorf("%s: sorting moved nothing", src)
		}
		for _, s := range sortedTexts {
			if a, b := re.MatchString(s), sorted.MatchString(s); a != b {
				t.Errorf("%s on %q: %v, sorted (%s) %v", src, s, a, sorted, b)
			}
		}
	}
	if re := regexp.MustCompile(`^(?:ab|bc|cd|de|ef|fg|gh|hi)$`); Sorted(re) != re {
		t.Error("sorted alternatives were sorted again")
	}
	if re := regexp.MustCompile(`^(?:hi|gh|fg|ef|de|cd|bc)$`); Sorted(re) != re {
		t.Error("a short list was sorted")
	}
	if Sorted(nil) != nil {
		t.Error("nil sorted is not nil")
	}
}

// FuzzSorted: whatever the text, a regex and its sorted form
// agree on whether it matches.
func FuzzSorted(f *testing.F) {
	for _, s := range sortedTexts {
		f.Add(s)
	}
	var res, sorted []*regexp.Regexp
	for _, src := range sortedCases {
		re := regexp.MustCompile(src)
		res, sorted = append(res, re), append(sorted, Sorted(re))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range res {
			if a, b := res[i].MatchString(s), sorted[i].MatchString(s); a != b {
				t.Errorf("%s on %q: %v, sorted %v", res[i], s, a, b)
			}
		}
	})
}
