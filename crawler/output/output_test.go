package output_test

import (
	"testing"

	"github.com/winnowhq/winnow/crawler/output"
)

func TestFileName(t *testing.T) {
	a := output.FileName("http://127.0.0.1:8080/news/2026/Summit Opens?id=1")
	b := output.FileName("http://127.0.0.1:8080/news/2026/Summit Opens?id=2")
	if a == b {
		t.Errorf("FileName: URLs differing in the query share %q", a)
	}
	if want := "127.0.0.1_8080_news_2026_summit_opens-"; a[:len(want)] != want || a[len(a)-4:] != ".txt" {
		t.Errorf("FileName = %q, want prefix %q", a, want)
	}
	if a != output.FileName("http://127.0.0.1:8080/news/2026/Summit Opens?id=1") {
		t.Errorf("FileName not stable")
	}
}
