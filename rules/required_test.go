package rules

import (
	"regexp"
	"strings"
	"testing"
)

func setString(s *byteSet) string {
	if s == nil {
		return "nil"
	}
	var b strings.Builder
	for c := 0; c < 256; c++ {
		if s.has(byte(c)) {
			b.WriteByte(byte(c))
		}
	}
	return b.String()
}

func TestRequiredBytes(t *testing.T) {
	tests := []struct{ re, want string }{
		{`\d{1,4}`, "0123456789"},
		{`(?i)(?:\p{L}{1,10}\d{1,4}|\d{1,4}\p{L}{1,10})[\p{L}\d]{0,6}`, "0123456789"},
		{`(?i)bet|win`, "BWbw"},
		{`(?i)bet|win|club`, "nil"}, // too many common letters to be worth a scan
		{`a\s+b`, "a"},
		{`(?i)\d+bet|win\d`, "0123456789"},
		{`x*`, "nil"},
		{`a?Q`, "Q"},
		{`^\s*$`, "nil"},
		{`.+`, "nil"},
		{`\p{L}{3}`, "nil"}, // letters: too many lead bytes to be worth a scan
		{`[0-9]+|Foo`, "0123456789F"},
		{`(?:ab)+`, "a"},
		{`(?:ab\.)+`, "."},
		{`[.!?:;]$`, "!.:;?"},
	}
	for _, tc := range tests {
		if got := setString(requiredBytes(tc.re)); got != tc.want {
			t.Errorf("requiredBytes(%q) = %q, want %q", tc.re, got, tc.want)
		}
	}
}

// FuzzRequiredBytes: whenever a regex matches a text, the text holds one of
// its required bytes; the prefilter may skip only texts that cannot match.
func FuzzRequiredBytes(f *testing.F) {
	rs, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	for _, r := range rs.Rules() {
		if r.text != nil {
			f.Add(r.text.String(), "kv79 bet, tk88 club; 2024-11-22 nhà cái ก Ⓚ \xff")
		}
	}
	f.Add(`(?i)k`, "\u212a")
	f.Add(`\x{FFFD}`, "\xff")
	f.Fuzz(func(t *testing.T, src, text string) {
		re, err := regexp.Compile(src)
		if err != nil || len(src) > 200 {
			return
		}
		req := requiredBytes(src)
		if req != nil && re.MatchString(text) && !req.in(text) {
			t.Errorf("%q matches %q, which holds none of its required bytes %q", src, text, setString(req))
		}
	})
}

func TestEdgeBytes(t *testing.T) {
	ascii := func(skip string) string { // the ASCII bytes but skip's
		var b []byte
		for c := 0; c < 128; c++ {
			if !strings.ContainsRune(skip, rune(c)) {
				b = append(b, byte(c))
			}
		}
		return string(b)
	}
	tests := []struct {
		re          string
		first, last string
	}{
		{`(?i)(?:bet|win|club|casino)[\s|})\]]*$`, "nil", "\t\n\f\r )BNOT]bnot|}"},
		{`(?i)\((?:photo|source)\s*:\s*[^()]{1,60}\)\s*$`, "nil", "\t\n\f\r )"},
		{`(?i)k$`, "nil", "Kk"},
		{`\d+\.?$`, "nil", ".0123456789"},
		{`x?$`, "nil", "nil"},
		{`(?:a|b*)$`, "nil", "nil"},
		{`a\b$`, "nil", "a"},
		{`é$`, "nil", ""},
		{`(?s).$`, "nil", ascii("")},
		{`.$`, "nil", ascii("\n")},
		{`(?i)^\(?\s*(?:reporting|editing) by\b.*\)?$`, "\t\n\f\r (ERer", ascii("\n")},
		{`^(?:https?://|www\.)\S+$`, "hw", ascii("\t\n\f\r ")},
		{`^a*b`, "ab", "nil"},
		{`(?m)^a$`, "nil", "nil"},
		{`^a|^b`, "nil", "nil"},
	}
	for _, tc := range tests {
		if got := setString(edgeBytes(tc.re, false)); got != tc.first {
			t.Errorf("edgeBytes(%q, first) = %q, want %q", tc.re, got, tc.first)
		}
		if got := setString(edgeBytes(tc.re, true)); got != tc.last {
			t.Errorf("edgeBytes(%q, last) = %q, want %q", tc.re, got, tc.last)
		}
	}
}

// FuzzEdgeBytes: whenever an anchored regex matches a text, the text may
// start and end as edgeBytes says; the checks may skip only texts that
// cannot match.
func FuzzEdgeBytes(f *testing.F) {
	rs, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	for _, r := range rs.Rules() {
		for _, re := range []*regexp.Regexp{r.text, r.pattern, r.notText} {
			if re != nil {
				f.Add(re.String(), "The delegation left on Saturday. kv79 bet")
				f.Add(re.String(), "(Reporting by Anna Keller; Editing by Tom Ward)")
			}
		}
	}
	f.Add(`(?i)k$`, "\u212a")
	f.Add(`(?i)^s`, "\u017f")
	f.Add(`\x{FFFD}$`, "a\xff")
	f.Fuzz(func(t *testing.T, src, text string) {
		re, err := regexp.Compile(src)
		if err != nil || len(src) > 200 || !re.MatchString(text) {
			return
		}
		if first := edgeBytes(src, false); !mayStart(first, text) {
			t.Errorf("%q matches %q, whose start mayStart rules out (%q)", src, text, setString(first))
		}
		if last := edgeBytes(src, true); !mayEnd(last, text) {
			t.Errorf("%q matches %q, whose end mayEnd rules out (%q)", src, text, setString(last))
		}
	})
}
