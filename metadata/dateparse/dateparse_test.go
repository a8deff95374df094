package dateparse

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string) string
		in    string
		want  string
	}{
		{"rfc 3339", ISO, "2025-09-04T08:15:00+02:00", "2025-09-04T08:15:00+02:00"},
		{"day alone", ISO, "2025-09-04", "2025-09-04"},
		{"trailing zone name", ISO, "2025-09-04T10:00:00+0200 CEST", "2025-09-04T10:00:00+02:00"},
		{"too old", ISO, "1970-01-01", ""},
		{"english month first", Text, "Published Sept 4th, 2025", "2025-09-04"},
		{"german day first", Text, "4. September 2025", "2025-09-04"},
		{"dotted", Text, "04.09.2025", "2025-09-04"},
		{"slashes are ambiguous", Text, "04/09/2025", ""},
		{"url path", InURL, "/2025/09/04/story/", "2025-09-04"},
		{"url compact", InURL, "/news/20250904/story", "2025-09-04"},
		{"no 31 February", InURL, "/2025/02/31/x", ""},
		{"url date before a plus", InURL, "/articles/2025-12-15+Rust+backend", "2025-12-15"},
		{"url month name", InURL, "/blog/2023/october/03/wine", "2023-10-03"},
		{"url word is no month", InURL, "/2023/topics/03/x", ""},
		{"any: machine-readable first", Any, "2025-09-04T08:15:00Z", "2025-09-04T08:15:00Z"},
		{"any: else written for people", Any, "Mar 24, 2025", "2025-03-24"},
		{"any: a long text is no date", Any, "Posted by a reader who wrote at length on March 24, 2025 about it", ""},
	}
	for _, tc := range tests {
		if got := tc.parse(tc.in); got != tc.want {
			t.Errorf("%s: parse(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

func TestMonthWeekday(t *testing.T) {
	for _, w := range []string{"December", "dec.", "Mai", "août"} {
		if !Month(w) {
			t.Errorf("Month(%q) = false", w)
		}
	}
	for _, w := range []string{"Sat,", "Friday", "jeudi"} {
		if !Weekday(w) {
			t.Errorf("Weekday(%q) = false", w)
		}
	}
	for _, w := range []string{"Luke", "Kim", "Marketing"} {
		if Month(w) || Weekday(w) {
			t.Errorf("%q read as a month or weekday", w)
		}
	}
}

// FuzzText checks that the quick test of Text drops no date the patterns
// find.
func FuzzText(f *testing.F) {
	for _, s := range []string{"Published Sept 4th, 2025", "4. September 2025", "04.09.2025", "2025-09-04", "1 de mayo de 1999", "no date", "Dec 12, 2025 ·"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Text(s), text(s); got != want {
			t.Errorf("Text(%q) = %q, the patterns say %q", s, got, want)
		}
	})
}
