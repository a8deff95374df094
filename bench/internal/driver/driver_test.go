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
