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
	if p, ok := bench.ByID(pages, "b"); !ok || p.ID != "b" {
		t.Errorf("ByID(b) = %v, %v", p.ID, ok)
	}
}

func TestLoadAEBAbsent(t *testing.T) {
	_, err := bench.LoadAEB(filepath.Join(t.TempDir(), "nowhere"))
	if !errors.Is(err, bench.ErrNoAEB) {
		t.Errorf("LoadAEB(absent) = %v, want ErrNoAEB", err)
	}
}

func TestLoadAEBMissingPage(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(`{"zz": {"articleBody": "x"}}`), 0o644)
	_, err := bench.LoadAEB(dir)
	if err == nil || errors.Is(err, bench.ErrNoAEB) {
		t.Errorf("LoadAEB(missing page) = %v, want an error naming the page", err)
	}
}
