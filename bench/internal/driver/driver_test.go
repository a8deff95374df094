package driver

import (
	"slices"
	"testing"
)

func TestDiffLines(t *testing.T) {
	tests := []struct {
		name string
		a, b []string
		want []string
	}{
		{"same", []string{"one", "two"}, []string{"one", "two"}, []string{"  one", "  two"}},
		{"missing", []string{"one", "two", "three"}, []string{"one", "three"}, []string{"  one", "- two", "  three"}},
		{"extra", []string{"one"}, []string{"Title", "one", "See more"}, []string{"+ Title", "  one", "+ See more"}},
		{"punctuation is not a change", []string{"Hello, world."}, []string{"Hello world"}, []string{"  Hello, world."}},
		{"empty system", []string{"one"}, nil, []string{"- one"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DiffLines(tt.a, tt.b); !slices.Equal(got, tt.want) {
				t.Errorf("DiffLines(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// TestSelect: without -page every page; with it the page it names, whole
// or by a prefix of 8 characters or more; -page without -system is refused.
func TestSelect(t *testing.T) {
	ids := []string{"0001", "0042abcdef12", "0100"}
	id := func(s string) string { return s }
	if got, err := Select(&Flags{}, ids, id); err != nil || !slices.Equal(got, ids) {
		t.Errorf("no -page: %q, %v; want every page", got, err)
	}
	f := &Flags{Dir: "d", System: "winnow", Page: "0042abcd"}
	if got, err := Select(f, ids, id); err != nil || !slices.Equal(got, []string{"0042abcdef12"}) {
		t.Errorf("-page by prefix: %q, %v", got, err)
	}
	f.Page = "0100"
	if got, err := Select(f, ids, id); err != nil || !slices.Equal(got, []string{"0100"}) {
		t.Errorf("-page whole: %q, %v", got, err)
	}
	f.Page = "0042"
	if _, err := Select(f, ids, id); err == nil || err.Error() != "page 0042: not in d" {
		t.Errorf("-page by a short prefix: %v, want not found", err)
	}
	f.System = ""
	if _, err := Select(f, ids, id); err == nil {
		t.Error("-page without -system: no error")
	}
}
