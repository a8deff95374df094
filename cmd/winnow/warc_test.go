package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/warcin/warctest"
)

func readFixture(t *testing.T, name string) (page, url string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../../fixtures", name, "input.html"))
	if err != nil {
		t.Fatal(err)
	}
	u, err := os.ReadFile(filepath.Join("../../fixtures", name, "source.url"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b), strings.TrimSpace(string(u))
}

// TestClean_WARCGolden: the pages of a WARC file, plain or gzip, clean to
// the same text, title and URL as the fixture files they were made of, in
// file order and named FILE#OFFSET; the records that are no pages are
// counted in one note.
func TestClean_WARCGolden(t *testing.T) {
	fixtures := []string{"html-vn-portal-spam", "html-en-legacy-charset"}
	want := jsonLines(t, mustRun(t, "clean", "--format", "jsonl", "-j", "1",
		"../../fixtures/"+fixtures[0]+"/input.html", "../../fixtures/"+fixtures[1]+"/input.html"))
	vn, vnURL := readFixture(t, fixtures[0])
	legacy, legacyURL := readFixture(t, fixtures[1])
	recs := []warctest.Record{
		{Type: "warcinfo", ContentType: "application/warc-fields", Block: "software: test\r\n"},
		{Type: "request", URI: vnURL, ContentType: "application/http; msgtype=request", Block: "GET / HTTP/1.1\r\nHost: x\r\n\r\n"},
		warctest.Response(vnURL, "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
			chunk(warctest.Gzip(vn))),
		warctest.Response("https://example.com/logo.png", "Content-Type: image/png\r\n", "\x89PNG\r\n"),
		{Type: "metadata", URI: vnURL, ContentType: "application/warc-fields", Block: "via: x\r\n"},
		warctest.Response(legacyURL, "Content-Type: text/html; charset=windows-1252\r\n", legacy),
		{Type: "revisit", URI: legacyURL, ContentType: "application/http; msgtype=response", Block: "HTTP/1.1 200 OK\r\n\r\n"},
	}
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			data, offs := warctest.File(gz, recs...)
			name := filepath.Join(t.TempDir(), "crawl.warc")
			if gz {
				name += ".gz"
			}
			if err := os.WriteFile(name, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, stderr, err := runCmd(t, "", "clean", "--format", "jsonl", "-j", "2", name)
			if err != nil {
				t.Fatalf("err = %v\n%s", err, stderr)
			}
			got := jsonLines(t, out)
			if len(got) != 2 {
				t.Fatalf("got %d pages, want 2:\n%s", len(got), out)
			}
			for i, at := range []int64{offs[2], offs[5]} {
				if src := fmt.Sprintf("%s#%d", name, at); got[i].Source != src {
					t.Errorf("page %d: source %q, want %q", i, got[i].Source, src)
				}
				if got[i].Text != want[i].Text || got[i].Title != want[i].Title || got[i].URL != want[i].URL {
					t.Errorf("page %d differs from cleaning %s:\n got %q %q %q\nwant %q %q %q", i, fixtures[i],
						got[i].URL, got[i].Title, got[i].Text, want[i].URL, want[i].Title, want[i].Text)
				}
				if got[i].Removed["spam.line"] != want[i].Removed["spam.line"] {
					t.Errorf("page %d: removed %v, want %v", i, got[i].Removed, want[i].Removed)
				}
			}
			if n := strings.Count(stderr, "winnow: note: "); n != 1 ||
				!strings.Contains(stderr, name+": 5 WARC records skipped (4 not a response or resource, 1 not HTML)") {
				t.Errorf("stderr wants one note of 5 skipped records:\n%s", stderr)
			}

			// Text output: the same text as the files give.
			text := mustRun(t, "clean", name)
			wantText := mustRun(t, "clean", "../../fixtures/"+fixtures[0]+"/input.html", "../../fixtures/"+fixtures[1]+"/input.html")
			if text != wantText {
				t.Errorf("text output differs from the files':\n%s\n---\n%s", text, wantText)
			}
		})
	}
}

// chunk writes s in the chunked transfer coding, in pieces of 1000 bytes.
func chunk(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		n := min(len(s), 1000)
		fmt.Fprintf(&b, "%x\r\n%s\r\n", n, s[:n])
		s = s[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, stderr, err := runCmd(t, "", args...)
	if err != nil {
		t.Fatalf("%v: %v\n%s", args, err, stderr)
	}
	return out
}

// TestClean_WARCCorrupt: a corrupt record is a failure naming the file and
// the record's offset; the pages before and after it are cleaned; a page
// over --max-bytes fails alone.
func TestClean_WARCCorrupt(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			page := func(u string) warctest.Record { return warctest.Response(u, "Content-Type: text/html\r\n", pageHTML) }
			bad := page("https://example.com/bad")
			bad.Length = -1
			big := warctest.Response("https://example.com/big", "Content-Type: text/html\r\n", pageHTML+strings.Repeat("<p>more words here</p>", 200))
			data, offs := warctest.File(gz, page("https://example.com/a"), bad, big, page("https://example.com/b"))
			name := filepath.Join(t.TempDir(), "x.warc")
			if err := os.WriteFile(name, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, stderr, err := runCmd(t, "", "clean", "--format", "jsonl", "--max-bytes", "2000", name)
			if !errors.Is(err, errSilent) {
				t.Fatalf("err = %v, want the failure exit", err)
			}
			got := jsonLines(t, out)
			if len(got) != 4 {
				t.Fatalf("got %d lines, want 4:\n%s", len(got), out)
			}
			if got[0].URL != "https://example.com/a" || got[3].URL != "https://example.com/b" || got[3].Error != "" ||
				!strings.Contains(got[3].Text, "Ferry fares") {
				t.Errorf("pages around the bad records: %+v / %+v", got[0], got[3])
			}
			wantErr := fmt.Sprintf("%s: record at offset %d: no Content-Length", name, offs[1])
			if got[1].Source != fmt.Sprintf("%s#%d", name, offs[1]) || got[1].Error != wantErr {
				t.Errorf("bad record: %+v, want error %q", got[1], wantErr)
			}
			if !strings.Contains(got[2].Error, fmt.Sprintf("record at offset %d: payload: input over the size limit", offs[2])) {
				t.Errorf("big record: %+v", got[2])
			}
			for _, w := range []string{wantErr, "2 of 4 inputs failed"} {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
}

// TestClean_WARCDirectoryAndStdin: a WARC file found in a directory, or
// given on standard input, is read as one named on the command line.
func TestClean_WARCDirectoryAndStdin(t *testing.T) {
	dir := t.TempDir()
	data, offs := warctest.File(true, warctest.Response("https://example.com/w", "Content-Type: text/html\r\n", pageHTML),
		warctest.Record{Type: "resource", URI: "https://example.com/r", ContentType: "text/html", Block: pageHTML})
	write(t, filepath.Join(dir, "a.html"), pageHTML)
	write(t, filepath.Join(dir, "b.warc.gz"), string(data))
	write(t, filepath.Join(dir, "c"), string(data[:offs[1]])) // a WARC file by its content alone
	got := jsonLines(t, mustRun(t, "clean", "--format", "jsonl", dir))
	var srcs []string
	for _, r := range got {
		srcs = append(srcs, r.Source)
	}
	warc := filepath.Join(dir, "b.warc.gz")
	want := []string{filepath.Join(dir, "a.html"), warc + "#0", fmt.Sprintf("%s#%d", warc, offs[1]), filepath.Join(dir, "c") + "#0"}
	if strings.Join(srcs, " ") != strings.Join(want, " ") {
		t.Errorf("sources %v, want %v", srcs, want)
	}
	out, _, err := runCmd(t, string(data), "clean", "--format", "jsonl", "-")
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonLines(t, out); len(got) != 2 || got[0].Source != "-#0" || got[1].URL != "https://example.com/r" {
		t.Errorf("stdin: %s", out)
	}
}
