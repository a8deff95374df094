package fetch

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/winnowhq/winnow/internal/loopback"
	"github.com/winnowhq/winnow/internal/netguard"
)

func TestDecodeHTML(t *testing.T) {
	for _, c := range []struct {
		name, body, ct string
		want           string
	}{
		{"utf8", "<p>café</p>", "text/html; charset=utf-8", "<p>café</p>"},
		{"meta", "<meta charset=iso-8859-1><p>caf\xe9</p>", "text/html", "<meta charset=iso-8859-1><p>café</p>"},
		{"header lies", "<meta charset=windows-1252><p>\x93q\x94</p>", "text/html; charset=utf-8", "<meta charset=windows-1252><p>“q”</p>"},
		{"meta lies", "<meta charset=utf-8><p>caf\xe9</p>", "text/html", "<meta charset=utf-8><p>café</p>"},
		{"legacy header over utf-8", "<p>café</p>", "text/html; charset=iso-8859-1", "<p>café</p>"},
		{"no hint", "<p>plain</p>", "", "<p>plain</p>"},
	} {
		if got := string(DecodeHTML([]byte(c.body), c.ct)); got != c.want {
			t.Errorf("%s: decodeHTML = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestGet_DeclaredCharset: a body fetched and decoded reads as its bytes
// say, also where the header's charset lies. colly converted bodies from
// the header's charset before DecodeHTML saw them, so a lie it believed
// (UTF-16 over ASCII markup, a legacy charset over UTF-8 text) came out as
// valid UTF-8 nonsense that DecodeHTML could only keep.
func TestGet_DeclaredCharset(t *testing.T) {
	pages := map[string]struct{ ct, body, want string }{
		"/utf16-over-ascii":  {"text/html; charset=utf-16", "<p>Plain text.</p>", "<p>Plain text.</p>"},
		"/latin1-over-utf8":  {"text/html; charset=iso-8859-1", "<p>Café “crème” – Zürich.</p>", "<p>Café “crème” – Zürich.</p>"},
		"/latin1":            {"text/html; charset=iso-8859-1", "<p>Caf\xe9 cr\xe8me.</p>", "<p>Café crème.</p>"},
		"/win1251":           {"text/html; charset=windows-1251", "<p>\xcf\xf0\xe8\xe2\xe5\xf2</p>", "<p>Привет</p>"},
		"/utf8":              {"text/html; charset=UTF-8", "<p>Zürich</p>", "<p>Zürich</p>"},
		"/meta-over-no-type": {"text/html", "<meta charset=iso-8859-1><p>caf\xe9</p>", "<meta charset=iso-8859-1><p>café</p>"},
	}
	srv := loopback.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := pages[r.URL.Path]
		w.Header().Set("Content-Type", p.ct)
		fmt.Fprint(w, p.body)
	}))
	f, err := New(t.Context(), Options{UserAgent: "test", Timeout: 5 * time.Second, MaxBodySize: 1 << 20}, &netguard.Guard{AllowPrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	for path, p := range pages {
		r, err := f.Get(srv.URL+path, nil)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if r.ContentType != p.ct {
			t.Errorf("%s: ContentType = %q, want %q as received", path, r.ContentType, p.ct)
		}
		if got := string(DecodeHTML(r.Body, r.ContentType)); got != p.want {
			t.Errorf("%s: decoded %q, want %q", path, got, p.want)
		}
	}
}
