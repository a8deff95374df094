package pagefiles

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestLooksLikeHTML(t *testing.T) {
	for _, c := range []struct {
		head string
		want bool
	}{
		{"<!DOCTYPE html><html><body>x</body></html>", true},
		{"<?php // generated ?>\n<!-- cached -->\nsome text <HTML lang=en>", true},
		{"  \n<body><p>hi</p></body>", true},
		{"just some plain text, no markup", false},
		{"%PDF-1.7 binary", false},
		{"", false},
	} {
		if got := LooksLikeHTML([]byte(c.head)); got != c.want {
			t.Errorf("LooksLikeHTML(%q) = %v, want %v", c.head, got, c.want)
		}
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.html":          "<p>a</p>",
		"b.txt":           "plain",
		"index.php":       "<?php ?><html><body>x</body></html>",
		"noext":           "<!doctype html><p>y</p>",
		"sub/c.htm":       "<p>c</p>",
		"notes.md":        "# not a page",
		"image.png":       "\x89PNG\r\n",
		"archive.html.gz": "gz",
		"data.json.gz":    "gz",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	found, warnings, skipped := Walk(dir)
	var got []string
	for _, e := range found {
		if e.Err != nil {
			t.Errorf("%s: %v", e.Path, e.Err)
		}
		rel, _ := filepath.Rel(dir, e.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{"a.html", "archive.html.gz", "b.txt", "index.php", "noext", "sub/c.htm"}
	if !slices.Equal(got, want) {
		t.Errorf("Walk found %v, want %v (in lexical order)", got, want)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings %v, want none", warnings)
	}
	if skipped != 3 {
		t.Errorf("skipped %d, want 3 (notes.md, image.png, data.json.gz)", skipped)
	}
}
