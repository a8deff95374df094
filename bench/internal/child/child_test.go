package child

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []int64
		want int64
	}{
		{nil, 0},
		{[]int64{5}, 5},
		{[]int64{9, 1, 5}, 5},
		{[]int64{4, 1, 3, 2}, 2},
	}
	for _, tt := range tests {
		in := append([]int64(nil), tt.in...)
		if got := Median(tt.in); got != tt.want {
			t.Errorf("Median(%v) = %d, want %d", tt.in, got, tt.want)
		}
		for i := range in {
			if in[i] != tt.in[i] {
				t.Errorf("Median(%v) modified its input", in)
			}
		}
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	entries := []Entry{{ID: "a", URL: "https://a.example/", File: "a.html"}, {ID: "b", File: "b.html"}, {ID: "c", File: "c.html"}}
	for _, e := range entries {
		if err := os.WriteFile(filepath.Join(dir, e.File), []byte("<p>"+e.ID+"</p>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, _ := json.Marshal(entries)
	if err := os.WriteFile(filepath.Join(dir, ManifestName), data, 0o644); err != nil {
		t.Fatal(err)
	}
	extract := func(_ context.Context, page []byte, pageURL string) (Output, error) {
		switch string(page) {
		case "<p>b</p>":
			panic("boom")
		case "<p>c</p>":
			return Output{}, errors.New("no article")
		}
		return Output{Text: "text of " + pageURL, Type: "forum"}, nil
	}

	report := func(t *testing.T, args ...string) Report {
		t.Helper()
		var out bytes.Buffer
		if err := run("test", extract, append([]string{"-pages", dir}, args...), &out); err != nil {
			t.Fatal(err)
		}
		var rep Report
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatal(err)
		}
		return rep
	}
	t.Run("all pages", func(t *testing.T) {
		rep := report(t, "-passes", "2")
		if len(rep.Pages) != 3 || len(rep.PassNanos) != 2 || len(rep.PassCPUNanos) != 2 {
			t.Fatalf("report: %d pages, %d passes, %d cpu passes; want 3, 2, 2", len(rep.Pages), len(rep.PassNanos), len(rep.PassCPUNanos))
		}
		if rep.Pages[0].Text != "text of https://a.example/" || rep.Pages[0].Type != "forum" || rep.Pages[0].Err != "" {
			t.Errorf("page a = %+v", rep.Pages[0])
		}
		if !strings.HasPrefix(rep.Pages[1].Err, "page b: panic: boom") {
			t.Errorf("page b error = %q, want the recovered panic naming the page", firstLine(rep.Pages[1].Err))
		}
		if rep.Pages[2].Err != "page c: no article" {
			t.Errorf("page c error = %q", rep.Pages[2].Err)
		}
	})
	t.Run("one page", func(t *testing.T) {
		rep := report(t, "-only", "a")
		if len(rep.Pages) != 1 || rep.Pages[0].ID != "a" || len(rep.PassNanos) != 0 {
			t.Errorf("report = %+v, want page a only, untimed", rep)
		}
	})
	t.Run("unknown page", func(t *testing.T) {
		err := run("test", extract, []string{"-pages", dir, "-only", "zz"}, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "page zz") {
			t.Errorf("run(-only zz) = %v, want an error naming the page", err)
		}
	})
}

// TestTextOnly: a text-only extractor's text is kept and its type is empty.
func TestTextOnly(t *testing.T) {
	ex := TextOnly(func(_ context.Context, page []byte, _ string) (string, error) { return string(page), nil })
	out, err := ex(t.Context(), []byte("words"), "")
	if err != nil || out != (Output{Text: "words"}) {
		t.Errorf("TextOnly = %+v, %v; want the text and no type", out, err)
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
