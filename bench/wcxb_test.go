package bench_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/bench"
)

func TestLoadWCXB(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"dev/html", "dev/ground-truth"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	truths := map[string]string{
		"0002": `{"url": "https://b.example/", "file_id": "0002", "_internal": {"page_type": {"primary": "category"}}, "ground_truth": {"main_content": "Sofas", "with": ["Sofas"], "without": ["Cart"]}}`,
		"0001": `{"url": "https://a.example/", "file_id": "0001", "_internal": {"page_type": {"primary": "forum"}}, "ground_truth": {"main_content": "First post"}}`,
	}
	for id, gt := range truths {
		if err := os.WriteFile(filepath.Join(dir, "dev/ground-truth", id+".json"), []byte(gt), 0o644); err != nil {
			t.Fatal(err)
		}
		writeGz(t, filepath.Join(dir, "dev/html", id+".html.gz"), []byte("<p>page "+id+"</p>"))
	}
	pages, err := bench.LoadWCXB(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].ID != "0001" || pages[0].Type != "forum" || pages[1].Type != "collection" {
		t.Fatalf("pages = %+v, want 0001 (forum) then 0002 (category read as collection)", pages)
	}
	if pages[0].HTML != nil {
		t.Error("page HTML loaded eagerly, want it read on demand")
	}
	html, err := pages[1].Read()
	if err != nil || string(html) != "<p>page 0002</p>" {
		t.Errorf("Read = %q, %v", html, err)
	}
	if with, without := pages[1].Snippets("Our SOFAS. Add to cart"); with != 1 || without != 0 {
		t.Errorf("Snippets = %d with found, %d without absent; want 1, 0 (case-insensitive)", with, without)
	}
}

func TestLoadWCXB_Absent(t *testing.T) {
	_, err := bench.LoadWCXB(filepath.Join(t.TempDir(), "nowhere"))
	if !errors.Is(err, bench.ErrAbsent) {
		t.Errorf("LoadWCXB(absent) = %v, want ErrAbsent", err)
	}
}

// TestTypeConfusion: accuracy overall and per label, failed pages under
// NoType, and the table's rows in the order given with the share right.
func TestTypeConfusion(t *testing.T) {
	c := bench.TypeConfusion{}
	for _, p := range [][2]string{
		{"forum", "forum"}, {"forum", "article"}, {"forum", ""},
		{"article", "article"}, {"listing", "listing"}, {"listing", "collection"},
	} {
		c.Add(p[0], p[1])
	}
	for _, tc := range []struct {
		label    string
		right, n int
	}{
		{"", 3, 6}, {"forum", 1, 3}, {"article", 1, 1}, {"listing", 1, 2}, {"product", 0, 0},
	} {
		if right, n := c.Accuracy(tc.label); right != tc.right || n != tc.n {
			t.Errorf("Accuracy(%q) = %d, %d; want %d, %d", tc.label, right, n, tc.right, tc.n)
		}
	}
	var b strings.Builder
	c.Write(&b, []string{"article", "forum", "product", "listing", "collection"})
	want := `| labelled \ detected | article | forum | product | listing | collection | none | right |
|---|---|---|---|---|---|---|---|
| article | 1 | 0 | 0 | 0 | 0 | 0 | 1.00 (1/1) |
| forum | 1 | 1 | 0 | 0 | 0 | 1 | 0.33 (1/3) |
| listing | 0 | 0 | 0 | 1 | 1 | 0 | 0.50 (1/2) |
`
	if b.String() != want {
		t.Errorf("Write:\n%s\nwant:\n%s", b.String(), want)
	}
}
