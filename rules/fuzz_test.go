package rules

import (
	"errors"
	"io/fs"
	"testing"

	"github.com/winnowhq/winnow/internal/yamlpos"
)

// FuzzLoad checks that any rule file either loads or fails with an ErrorList
// whose every position lies inside the input, and never panics.
func FuzzLoad(f *testing.F) {
	files, _ := fs.Glob(builtinFS, "builtin/*.yaml")
	for _, name := range files {
		b, _ := fs.ReadFile(builtinFS, name)
		f.Add(b)
	}
	bad, _ := fs.Glob(testdataFS(), "*.yaml")
	for _, name := range bad {
		b, _ := fs.ReadFile(testdataFS(), name)
		f.Add(b)
	}
	f.Add([]byte("rules:\n  - id: a.b\n    scope: {stage: text}\n    match: {text: '('}\n    action: drop\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := Parse("fuzz.yaml", data)
		if err == nil {
			if _, err := NewSet(rs...); err != nil {
				var el ErrorList
				if !errors.As(err, &el) {
					t.Fatalf("NewSet error is %T, want ErrorList", err)
				}
			}
			// Loaded rules must run without panicking.
			for _, r := range rs {
				for _, ex := range r.Examples {
					r.RunExample(ex)
				}
			}
			return
		}
		var el ErrorList
		if !errors.As(err, &el) {
			t.Fatalf("Parse error is %T, want ErrorList: %v", err, err)
		}
		lines := yamlpos.Lines(data)
		for _, e := range el {
			if e.Pos.File != "fuzz.yaml" || e.Pos.Line < 0 || e.Pos.Line > lines+1 {
				t.Fatalf("error position %v outside the input (%d lines): %v", e.Pos, lines, e)
			}
		}
	})
}
