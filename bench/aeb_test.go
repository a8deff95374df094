package bench_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/winnowhq/winnow/bench"
)

func writeGz(t *testing.T, path string, data []byte) {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadAEB(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	gt := `{"b": {"articleBody": "Café body", "url": "https://b.example/"}, "a": {"articleBody": "Naïve body", "url": "https://a.example/"}}`
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(gt), 0o644); err != nil {
		t.Fatal(err)
	}
	// a: UTF-8 without a declared charset; b: windows-1252 declared in a meta.
	writeGz(t, filepath.Join(dir, "html", "a.html.gz"), []byte("<html><body><p>Naïve body</p></body></html>"))
	writeGz(t, filepath.Join(dir, "html", "b.html.gz"), []byte("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 body</p></body></html>"))

	pages, err := bench.LoadAEB(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].ID != "a" || pages[1].ID != "b" {
		t.Fatalf("LoadAEB() = %d pages, want a and b in order", len(pages))
	}
	if !bytes.Contains(pages[0].HTML, []byte("Naïve body")) {
		t.Errorf("page a: UTF-8 page not kept as UTF-8: %q", pages[0].HTML)
	}
	if !bytes.Contains(pages[1].HTML, []byte("Café body")) {
		t.Errorf("page b: windows-1252 page not decoded: %q", pages[1].HTML)
	}
	if pages[1].Truth != "Café body" || pages[1].URL != "https://b.example/" {
		t.Errorf("page b = %+v", pages[1])
	}
	if !bench.MatchID("b", "b") || !bench.MatchID("0123456789ab", "01234567") || bench.MatchID("0123456789ab", "0123") {
		t.Error("MatchID: want the whole id or a prefix of 8 characters or more")
	}
}

func TestLoadAEBAbsent(t *testing.T) {
	_, err := bench.LoadAEB(filepath.Join(t.TempDir(), "nowhere"))
	if !errors.Is(err, bench.ErrAbsent) {
		t.Errorf("LoadAEB(absent) = %v, want ErrAbsent", err)
	}
}

func TestLoadAEBMissingPage(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(`{"zz": {"articleBody": "x"}}`), 0o644)
	_, err := bench.LoadAEB(dir)
	if err == nil || errors.Is(err, bench.ErrAbsent) {
		t.Errorf("LoadAEB(missing page) = %v, want an error naming the page", err)
	}
}

// TestLoadWCXB_Labels: the WCXB loader reads the labelled metadata too
// (bench/cmd/meta used to read the ground truth with its own copy of it):
// title, author, date and Markdown trimmed, "" when null; "category" is
// read as "collection".
func TestLoadWCXB_Labels(t *testing.T) {
	dir := t.TempDir()
	gtDir, htmlDir := filepath.Join(dir, "dev", "ground-truth"), filepath.Join(dir, "dev", "html")
	for _, d := range []string{gtDir, htmlDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"0002": `{"url": "https://b.example/", "file_id": "0002", "_internal": {"page_type": {"primary": "category"}},
			"ground_truth": {"title": null, "author": null, "publish_date": null, "main_content": "Shoes", "main_content_markdown": null}}`,
		"0001": `{"url": "https://a.example/", "file_id": "0001", "_internal": {"page_type": {"primary": "article"}},
			"ground_truth": {"title": " Story ", "author": "Jane Doe", "publish_date": "2025-09-04", "main_content": "Body.",
			"main_content_markdown": "# Story\n\nBody.\n", "with": ["Body"], "without": ["Menu"]}}`,
	}
	for id, gt := range files {
		if err := os.WriteFile(filepath.Join(gtDir, id+".json"), []byte(gt), 0o644); err != nil {
			t.Fatal(err)
		}
		writeGz(t, filepath.Join(htmlDir, id+".html.gz"), []byte("<p>page "+id+"</p>"))
	}
	pages, err := bench.LoadWCXB(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 {
		t.Fatalf("got %d pages, want 2", len(pages))
	}
	a, b := pages[0], pages[1]
	if a.ID != "0001" || a.Title != "Story" || a.Author != "Jane Doe" || a.Date != "2025-09-04" || a.Markdown != "# Story\n\nBody." || a.Type != "article" {
		t.Errorf("page 0001 = %+v", a)
	}
	if b.ID != "0002" || b.Title != "" || b.Author != "" || b.Date != "" || b.Markdown != "" || b.Type != "collection" {
		t.Errorf("page 0002 = %+v", b)
	}
	if html, err := a.Read(); err != nil || string(html) != "<p>page 0001</p>" {
		t.Errorf("Read = %q, %v", html, err)
	}
}
