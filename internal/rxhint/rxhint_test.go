package rxhint

import (
	"regexp"
	"strings"
	"testing"
)

func setString(s *ByteSet) string {
	if s == nil {
		return "nil"
	}
	var b strings.Builder
	for c := 0; c < 256; c++ {
		if s.Has(byte(c)) {
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
		if got := setString(Required(tc.re)); got != tc.want {
			t.Errorf("Required(%q) = %q, want %q", tc.re, got, tc.want)
		}
	}
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
		if got := setString(Edge(tc.re, false)); got != tc.first {
			t.Errorf("Edge(%q, first) = %q, want %q", tc.re, got, tc.first)
		}
		if got := setString(Edge(tc.re, true)); got != tc.last {
			t.Errorf("Edge(%q, last) = %q, want %q", tc.re, got, tc.last)
		}
	}
}

func TestEndAnchoredOnly(t *testing.T) {
	tests := map[string]bool{
		`\s*[—–]\s*\p{Lu}{2,6}$`:       true,
		`(?i)\((?:photo|source)\)\s*$`: true,
		`^abc$`:                        false,
		`(?i)^abc$`:                    false,
		`a|b$`:                         false,
		`abc`:                          false,
		`(?m)abc$`:                     false,
	}
	for src, want := range tests {
		if got := endAnchoredOnly(src); got != want {
			t.Errorf("endAnchoredOnly(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestRequiredRunes(t *testing.T) {
	tests := []struct {
		re      string
		in, out []string // texts that hold a required rune, and texts that do not
		none    bool     // no set can be told
	}{
		{re: `[\x{2190}-\x{21FF}]+`, in: []string{"a → b"}, out: []string{"“quoted” – dash", "plain"}},
		{re: `[.!?]\s*[\x{2190}-\x{21FF}\x{1F000}-\x{1FAFF}]+\s+\p{Lu}|^\s*[\x{16EB}-\x{16ED}]+\s`, in: []string{"x 🙂", "᛫ a"}, out: []string{"a ’quote’"}},
		{re: `(?i)café`, in: []string{"CAFÉ"}, out: []string{"cafe"}},
		{re: `\x{FFFD}`, in: []string{"a\xffb", "\uFFFD"}, out: []string{"abc"}},
		{re: `(?i)\x{212A}`, none: true}, // the Kelvin sign folds to ASCII k
		{re: `\p{L}+`, none: true},       // ASCII letters
		{re: `\p{Han}`, none: true},      // too many to be worth a scan
		{re: `é?x`, none: true},
		{re: `é|x`, none: true},
	}
	for _, tc := range tests {
		rs := RequiredRunes(tc.re)
		if (rs == nil) != tc.none {
			t.Errorf("RequiredRunes(%q) = %v, want none: %v", tc.re, rs, tc.none)
			continue
		}
		for _, s := range tc.in {
			if !rs.In(s) {
				t.Errorf("RequiredRunes(%q).In(%q) = false, want true", tc.re, s)
			}
		}
		for _, s := range tc.out {
			if rs.In(s) {
				t.Errorf("RequiredRunes(%q).In(%q) = true, want false", tc.re, s)
			}
		}
	}
}

func TestLiterals(t *testing.T) {
	tests := []struct{ re, want string }{
		{`(?i)^[\s\p{P}]*(?:see more|related(?: news)?|most read|tags)\W*$`, "ee more|related|t read|tag"},
		{`(?i)kelvin`, "kelvin"}, // the Kelvin sign lower-cases to k
		{`Reporting by`, "reporting by"},
		{`(?i)ab|cd`, ""}, // too short to be worth a scan
		{`[a-z]+@`, ""},
		{`(?i)(?:bet|win)\d*`, "bet|win"},
		{`x?abc`, "abc"},
		{`(?:abc)?def`, "def"},
	}
	for _, tc := range tests {
		if got := strings.Join(Literals(tc.re), "|"); got != tc.want {
			t.Errorf("Literals(%q) = %q, want %q", tc.re, got, tc.want)
		}
	}
}

func TestStarts(t *testing.T) {
	cta := `(?i)^[\s\p{P}\p{S}]*(?:sign up for|subscribe to|(?:\+ ?)?compare|get (?:the|our) .{1,30} app|ad)`
	for _, c := range []struct {
		src, text string
		want      bool
	}{
		{cta, "Sign up for our newsletter", true},
		{cta, "  » SUBSCRIBE TO", true},
		{cta, "+ Compare", true}, // '+' is in the skipped class and starts a branch
		{cta, "+compare", true},
		{cta, "Get the Example app", true},
		{cta, "ADS", true},
		{cta, "\u017fign up for", true}, // long s folds to s
		{cta, "The shop closes", false},
		{cta, "Signed", true}, // "sign": four runes are all Starts reads
		{cta, "Silence", false},
		{cta, "", false},
		{cta, "  ", false},
		{cta, "\xff sign up for", true}, // an invalid byte reads as U+FFFD, a symbol
		{cta, "x sign up for", false},
		{`(?i)^\W*(?:k|ab)+c?`, "\u212ab", true}, // Kelvin sign folds to k
		{`(?i)^\W*(?:k|ab)+c?`, "ac", false},
		{`^(?:[ab]|cd)x`, "cdx", true},
		{`^(?:[ab]|cd)x`, "dx", false},
	} {
		st := StartsOf(c.src)
		if st == nil {
			t.Fatalf("StartsOf(%q) = nil", c.src)
		}
		if got := st.May(c.text); got != c.want {
			t.Errorf("StartsOf(%q).May(%q) = %v, want %v", c.src, c.text, got, c.want)
		}
		if re := regexp.MustCompile(c.src); re.MatchString(c.text) && !st.May(c.text) {
			t.Errorf("%q matches %q, which Starts rules out", c.src, c.text)
		}
	}
	for _, src := range []string{`(?i)sign up`, `(?m)^sign`, `^\s*\w+`, `^(?:a|.)`, `^x?`, `^[a-z]+`} {
		if st := StartsOf(src); st != nil {
			t.Errorf("StartsOf(%q) = %v, want nil", src, st)
		}
	}
}
