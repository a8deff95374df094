package rxhint

import (
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
		if got := EndAnchoredOnly(src); got != want {
			t.Errorf("EndAnchoredOnly(%q) = %v, want %v", src, got, want)
		}
	}
}
