package batch

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestExpand_URLs: an address is told by its scheme whatever its case; one
// of a scheme that is not fetched, naming no file, fails with that said,
// not as a missing file ("open ftp://x/y: no such file or directory").
func TestExpand_URLs(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "page.html")
	writeFile(t, file, []byte(pageHTML))
	for _, c := range []struct {
		arg     string
		url     bool
		wantErr string // in Input.Err, "" for none
	}{
		{"https://example.com/a", true, ""},
		{"HTTP://Example.com/a", true, ""},
		{"Https://example.com/a", true, ""},
		{"ftp://example.com/a.html", false, `ftp://example.com/a.html: unsupported URL scheme "ftp"`},
		{"file:///etc/hosts", false, `file:///etc/hosts: unsupported URL scheme "file"`},
		{file, false, ""},
		{filepath.Join(dir, "missing.html"), false, ""}, // reported when read
	} {
		ins, _, _, err := Expand([]string{c.arg})
		if err != nil || len(ins) != 1 {
			t.Fatalf("Expand(%q) = %+v, %v", c.arg, ins, err)
		}
		in := ins[0]
		if in.IsURL != c.url {
			t.Errorf("Expand(%q): IsURL = %v, want %v", c.arg, in.IsURL, c.url)
		}
		switch {
		case c.wantErr == "" && in.Err != nil:
			t.Errorf("Expand(%q): Err = %v, want none", c.arg, in.Err)
		case c.wantErr != "" && (in.Err == nil || !strings.HasPrefix(in.Err.Error(), c.wantErr)):
			t.Errorf("Expand(%q): Err = %v, want %q...", c.arg, in.Err, c.wantErr)
		}
	}
}
