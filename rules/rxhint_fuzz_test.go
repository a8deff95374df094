package rules

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/rxhint"
)

// FuzzRequiredBytes: whenever a regex matches a text, the text holds one of
// its required bytes, one of its required runes and, lower-cased, one of
// its literals; the prefilters may skip only texts that cannot match.
func FuzzRequiredBytes(f *testing.F) {
	rs := builtin(f)
	for _, r := range rs.Rules() {
		if r.match.Text.Re != nil {
			f.Add(r.match.Text.Re.String(), "kv79 bet, tk88 club; 2024-11-22 nhà cái ก Ⓚ \xff")
		}
	}
	f.Add(`(?i)k`, "\u212a")
	f.Add(`\x{FFFD}`, "\xff")
	f.Add(`[é-ü]|\x{FFFD}`, "a\xe2b")
	f.Add(`(?i)é`, "É")
	f.Add(`(?i)see more`, "\u017fEE MORE")
	f.Add(`(?i)kelvin|İstanbul`, "\u212aelvin")
	f.Add(`(?i)[\x{2190}-\x{21FF}]+`, "x \u2192")
	f.Fuzz(func(t *testing.T, src, text string) {
		re, err := regexp.Compile(src)
		if err != nil || len(src) > 200 {
			return
		}
		if !re.MatchString(text) {
			return
		}
		if req := rxhint.Required(src); req != nil && !req.In(text) {
			t.Errorf("%q matches %q, which holds none of its required bytes %x", src, text, *req)
		}
		if rs := rxhint.RequiredRunes(src); rs != nil && !rs.In(text) {
			t.Errorf("%q matches %q, which holds none of its required runes", src, text)
		}
		if lits := rxhint.Literals(src); lits != nil && !slices.ContainsFunc(lits, func(l string) bool {
			return strings.Contains(strings.ToLower(text), l)
		}) {
			t.Errorf("%q matches %q, which holds none of its literals %q", src, text, lits)
		}
	})
}

// FuzzEdgeBytes: whenever an anchored regex matches a text, the text may
// start and end as rxhint.Edge says, and start as rxhint.StartsOf says;
// the checks may skip only texts that cannot match.
func FuzzEdgeBytes(f *testing.F) {
	rs := builtin(f)
	for _, r := range rs.Rules() {
		for _, re := range []*regexp.Regexp{r.match.Text.Re, r.params.Strip.Pattern, r.match.Text.Not} {
			if re != nil {
				f.Add(re.String(), "The delegation left on Saturday. kv79 bet")
				f.Add(re.String(), "(Reporting by Anna Keller; Editing by Tom Ward)")
			}
		}
	}
	f.Add(`(?i)k$`, "\u212a")
	f.Add(`(?i)^s`, "\u017f")
	f.Add(`\x{FFFD}$`, "a\xff")
	f.Add(`(?i)^[\s\p{P}]*(?:\+ ?)?(?:compare|add to cart|sign up|ſx)`, " +Compare")
	f.Add(`(?i)^\W*(?:k|ab)+c?`, "\u212ab")
	f.Add(`^(?:[ab]|cd)x`, "\xffx")
	f.Fuzz(func(t *testing.T, src, text string) {
		re, err := regexp.Compile(src)
		if err != nil || len(src) > 200 || !re.MatchString(text) {
			return
		}
		if first := rxhint.Edge(src, false); !rxhint.MayStart(first, text) {
			t.Errorf("%q matches %q, whose start mayStart rules out (%x)", src, text, first)
		}
		if last := rxhint.Edge(src, true); !rxhint.MayEnd(last, text) {
			t.Errorf("%q matches %q, whose end mayEnd rules out (%x)", src, text, last)
		}
		if st := rxhint.StartsOf(src); st != nil && !st.May(text) {
			t.Errorf("%q matches %q, whose start Starts rules out", src, text)
		}
	})
}
