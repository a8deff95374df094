package batch

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/loopback"
	"github.com/winnowhq/winnow/internal/netguard"
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

// TestFetch_Refusals: a page the server will not give says why with its
// URL: the status, and when to ask again if the server says so.
func TestFetch_Refusals(t *testing.T) {
	srv := loopback.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/busy":
			w.Header().Set("Retry-After", "120")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		case "/down":
			w.Header().Set("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
		case "/broken":
			w.Header().Set("Retry-After", "later \xff\xfe") // not printable: not shown
			http.Error(w, "oops", http.StatusInternalServerError)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		}
	}))
	f := NewFetcher("test", 5*time.Second, 1<<20, &netguard.Guard{AllowPrivate: true})
	for path, want := range map[string]string{
		"/busy":   srv.URL + "/busy: fetch: HTTP 429 Too Many Requests (Retry-After: 120)",
		"/down":   srv.URL + "/down: fetch: HTTP 503 Service Unavailable (Retry-After: Wed, 21 Oct 2026 07:28:00 GMT)",
		"/broken": srv.URL + "/broken: fetch: HTTP 500 Internal Server Error",
		"/loop":   srv.URL + "/loop: fetch: stopped after 10 redirects",
	} {
		_, err := f.Fetch(t.Context(), srv.URL+path)
		if err == nil || err.Error() != want {
			t.Errorf("Fetch(%s) = %v, want %q", path, err, want)
		}
	}
}

// TestFetch_NotText: a URL whose Content-Type is neither HTML nor text (a
// PDF, an image) is refused on its header, its body not read: the server
// gets to write no more than the connection buffers before the client
// hangs up, not the 16 MiB the size limit allows. A type that says nothing
// of the bytes (octet-stream) is read and sniffed.
func TestFetch_NotText(t *testing.T) {
	pdf := loopback.NewStream("application/pdf", bytes.Repeat([]byte("%PDF-1.7 binary "), 2048), 64<<20)
	srv := loopback.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/report.pdf":
			pdf.ServeHTTP(w, r)
		case "/page":
			w.Header().Set("Content-Type", "application/octet-stream")
			fmt.Fprint(w, "<html><body><p>A page served with the server's default type.</p></body></html>")
		}
	}))
	f := NewFetcher("test", 10*time.Second, 16<<20, &netguard.Guard{AllowPrivate: true})
	_, err := f.Fetch(t.Context(), srv.URL+"/report.pdf")
	want := srv.URL + "/report.pdf: fetch: binary data, not HTML or text (Content-Type application/pdf)"
	if !errors.Is(err, clean.ErrBinary) || err.Error() != want {
		t.Errorf("Fetch(report.pdf) = %v, want %q", err, want)
	}
	if !pdf.Wait(10 * time.Second) {
		t.Fatal("the server is still writing the PDF")
	}
	if n := pdf.Written.Load(); n > 8<<20 {
		t.Errorf("the server wrote %d bytes of the PDF before the client hung up", n)
	}
	if p, err := f.Fetch(t.Context(), srv.URL+"/page"); err != nil || !bytes.Contains(p.Body, []byte("default type")) {
		t.Errorf("Fetch(page served as octet-stream) = %v, %v", p, err)
	}
}
