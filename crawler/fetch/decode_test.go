package fetch

import (
	"testing"
)

func TestDecodeHTML(t *testing.T) {
	for _, c := range []struct {
		name, body, ct string
		converted      bool
		want           string
	}{
		{"utf8", "<p>café</p>", "text/html; charset=utf-8", false, "<p>café</p>"},
		{"meta", "<meta charset=iso-8859-1><p>caf\xe9</p>", "text/html", false, "<meta charset=iso-8859-1><p>café</p>"},
		{"header lies", "<meta charset=windows-1252><p>\x93q\x94</p>", "text/html; charset=utf-8", false, "<meta charset=windows-1252><p>“q”</p>"},
		{"meta lies", "<meta charset=utf-8><p>caf\xe9</p>", "text/html", false, "<meta charset=utf-8><p>café</p>"},
		{"colly converted", "<p>café</p>", "text/html; charset=iso-8859-1", true, "<p>café</p>"},
		{"no hint", "<p>plain</p>", "", false, "<p>plain</p>"},
	} {
		if got := string(DecodeHTML([]byte(c.body), c.ct, c.converted)); got != c.want {
			t.Errorf("%s: decodeHTML = %q, want %q", c.name, got, c.want)
		}
	}
}
