package input

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
)

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// TestBytes: gzip is undone, the limit holds after decompression, binary
// data is refused but text that begins like a binary signature is not,
// and a declared charset is decoded.
func TestBytes(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
	cases := map[string]struct {
		raw     []byte
		ct      string
		max     int64
		want    string
		wantErr error
	}{
		"plain":                 {[]byte("<p>café</p>"), "", 100, "<p>café</p>", nil},
		"gzip":                  {gz("<p>hello</p>"), "", 100, "<p>hello</p>", nil},
		"over the limit":        {[]byte("<p>hello</p>"), "", 5, "", ErrTooLarge},
		"over once gunzipped":   {gz(strings.Repeat("a", 200)), "", 100, "", ErrTooLarge},
		"png":                   {[]byte(png), "", 100, "", ErrBinary},
		"text like a bitmap":    {[]byte("BMW recalls 300 cars"), "", 100, "BMW recalls 300 cars", nil},
		"latin-1 by its header": {[]byte("caf\xe9"), "text/plain; charset=iso-8859-1", 100, "café", nil},
	}
	for name, c := range cases {
		got, err := Bytes(c.raw, c.ct, c.max)
		if !errors.Is(err, c.wantErr) || string(got) != c.want {
			t.Errorf("%s: Bytes = %q, %v; want %q, %v", name, got, err, c.want, c.wantErr)
		}
		if c.wantErr == nil {
			if got, err := Read(bytes.NewReader(c.raw), c.ct, c.max); err != nil || string(got) != c.want {
				t.Errorf("%s: Read = %q, %v; want %q", name, got, err, c.want)
			}
		}
	}
	if !LooksLikeHTML([]byte("<?php echo 1; ?>\n<div>x</div>")) || LooksLikeHTML([]byte("a < b and c > d")) {
		t.Error("LooksLikeHTML: want true for a div, false for comparisons")
	}
}
