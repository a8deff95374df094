package output_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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

func TestDedupe(t *testing.T) {
	at := func(s int) time.Time { return time.Unix(int64(s), 0) }
	tests := []struct {
		name string
		in   []output.IndexLine
		want []string // URL@hash of the lines kept, in order
	}{
		{"empty", nil, nil},
		{"stalled worker's repeat", []output.IndexLine{
			{URL: "a", Hash: "1", FetchedAt: at(1)}, {URL: "b", Hash: "2", FetchedAt: at(2)}, {URL: "a", Hash: "1", FetchedAt: at(3)},
		}, []string{"a@1", "b@2"}},
		{"changed and changed back", []output.IndexLine{
			{URL: "a", Hash: "1", FetchedAt: at(1)}, {URL: "a", Hash: "2", FetchedAt: at(2)}, {URL: "a", Hash: "1", FetchedAt: at(3)},
		}, []string{"a@1", "a@2", "a@1"}},
		{"same hash, other URL", []output.IndexLine{
			{URL: "a", Hash: "1", FetchedAt: at(1)}, {URL: "b", Hash: "1", FetchedAt: at(2)},
		}, []string{"a@1", "b@1"}},
		{"spam twice", []output.IndexLine{
			{URL: "s", Hash: "spam", Status: "spam", FetchedAt: at(1)}, {URL: "s", Hash: "spam", Status: "spam", FetchedAt: at(2)},
		}, []string{"s@spam"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range output.Dedupe(tt.in) {
				got = append(got, l.URL+"@"+l.Hash)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Dedupe = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestReadIndex_Segments: two workers' segments in one dir merge in
// fetched_at order, and the page a stalled worker wrote again is read once.
func TestReadIndex_Segments(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, lines ...string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(output.IndexSegment("w1"),
		`{"url":"a","status":"new","fetched_at":"2026-01-01T00:00:01Z","hash":"1"}`,
		`{"url":"c","status":"new","fetched_at":"2026-01-01T00:00:05Z","hash":"3"}`)
	write(output.IndexSegment("w2"),
		`{"url":"b","status":"new","fetched_at":"2026-01-01T00:00:02Z","hash":"2"}`,
		`{"url":"c","status":"new","fetched_at":"2026-01-01T00:00:04Z","hash":"3"}`)
	lines, err := output.ReadIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range lines {
		got = append(got, l.URL+"@"+l.FetchedAt.Format("05"))
	}
	if want := []string{"a@01", "b@02", "c@04"}; !slices.Equal(got, want) {
		t.Errorf("ReadIndex = %v, want %v", got, want)
	}
}
