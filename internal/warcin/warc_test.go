package warcin

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/input"
	"github.com/winnowhq/winnow/internal/warcin/warctest"
)

func deflated(s string) string {
	var b bytes.Buffer
	zw, _ := flate.NewWriter(&b, 5)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

const page = "<html><head><title>T</title></head><body><p>Ferry fares fall.</p></body></html>"

// got is what reading a file gave: one line per record, page or skip or
// error.
func read(t *testing.T, data []byte, max int64) []string {
	t.Helper()
	rd, err := NewReader(bytes.NewReader(data))
	if err != nil {
		return []string{"open: " + err.Error()}
	}
	var got []string
	for range 1000 {
		r, err := rd.Next()
		if err == io.EOF {
			return got
		}
		if err != nil {
			got = append(got, "error: "+err.Error())
			continue
		}
		p, skip, err := ReadPage(r, max)
		switch {
		case err != nil:
			got = append(got, fmt.Sprintf("%s error: %v", r.Where(), err))
		case skip != "":
			got = append(got, fmt.Sprintf("%s skip: %s", r.Where(), skip))
		default:
			got = append(got, fmt.Sprintf("%s page %s [%s] %q", r.Where(), p.URL, p.ContentType, p.Body))
		}
	}
	t.Fatal("reader does not end")
	return nil
}

func TestReader(t *testing.T) {
	chunked := "Transfer-Encoding: chunked\r\nContent-Type: text/html\r\n"
	recs := []warctest.Record{
		{Type: "warcinfo", ContentType: "application/warc-fields", Block: "software: test\r\n"},
		{Type: "request", URI: "http://a.example/", ContentType: "application/http; msgtype=request", Block: "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"},
		warctest.Response("http://a.example/", "Content-Type: text/html; charset=iso-8859-1\r\n", page),
		warctest.Response("http://a.example/c", chunked, "f\r\n<p>chunked body\r\n4\r\n</p>\r\n0\r\n\r\n"),
		warctest.Response("http://a.example/g", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", warctest.Gzip(page)),
		warctest.Response("http://a.example/d", "Content-Type: text/html\r\nContent-Encoding: deflate\r\n", deflated(page)),
		warctest.Response("http://a.example/br", "Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x0b\x02"),
		warctest.Response("http://a.example/brdone", "Content-Type: text/html\r\nContent-Encoding: br\r\n", page),
		warctest.Response("http://a.example/x.png", "Content-Type: image/png\r\n", "\x89PNG"),
		warctest.Response("http://a.example/none", "", page),
		warctest.Response("http://a.example/len", "Content-Type: text/html\r\nContent-Length: 10\r\n", page),
		{Type: "response", URI: "http://a.example/r", ContentType: warctest.HTTPResponse, Block: "HTTP/1.1 301 Moved\r\nLocation: /\r\nContent-Type: text/html\r\n\r\n<a href=/>moved</a>"},
		{Type: "response", URI: "http://a.example/h2", ContentType: warctest.HTTPResponse, Block: "HTTP/2 200\r\ncontent-type: text/html\r\n\r\n" + page},
		{Type: "resource", URI: "file:///saved.html", ContentType: "text/html; charset=utf-8", Block: page},
		{Type: "resource", URI: "file:///a.txt", ContentType: "text/plain", Block: "plain"},
		{Type: "metadata", URI: "http://a.example/", ContentType: "application/warc-fields", Block: "outlinks: x\r\n"},
		{Type: "revisit", URI: "http://a.example/", ContentType: warctest.HTTPResponse, Block: "HTTP/1.1 200 OK\r\n\r\n"},
	}
	want := []string{
		"skip: not a response or resource",
		"skip: not a response or resource",
		`page http://a.example/ [text/html; charset=iso-8859-1] "` + page + `"`,
		`page http://a.example/c [text/html] "<p>chunked body</p>"`,
		`page http://a.example/g [text/html] "` + page + `"`,
		`page http://a.example/d [text/html] "` + page + `"`,
		`error: HTTP Content-Encoding "br" not supported (gzip and deflate are)`,
		`page http://a.example/brdone [text/html] "` + page + `"`,
		"skip: not HTML",
		`page http://a.example/none [] "` + page + `"`,
		`page http://a.example/len [text/html] "` + page + `"`,
		"skip: HTTP status not 2xx",
		`page http://a.example/h2 [text/html] "` + page + `"`,
		`page file:///saved.html [text/html; charset=utf-8] "` + page + `"`,
		"skip: not HTML",
		"skip: not a response or resource",
		"skip: not a response or resource",
	}
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			data, offs := warctest.File(gz, recs...)
			got := read(t, data, 1<<20)
			if len(got) != len(want) {
				t.Fatalf("got %d records, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
			}
			for i := range want {
				w := fmt.Sprintf("%d %s", offs[i], want[i])
				if strings.HasPrefix(want[i], "error: ") {
					w = fmt.Sprintf("%d %s", offs[i], strings.Replace(want[i], "error: ", "error: ", 1))
				}
				if got[i] != w {
					t.Errorf("record %d:\n got %s\nwant %s", i, got[i], w)
				}
			}
		})
	}
}

// TestReader_WholeFileGzip: a file gzipped whole, one member for all its
// records, gives offsets inside the member.
func TestReader_WholeFileGzip(t *testing.T) {
	plain, offs := warctest.File(false, warctest.Response("http://a.example/1", "Content-Type: text/html\r\n", page), warctest.Response("http://a.example/2", "Content-Type: text/html\r\n", page))
	got := read(t, []byte(warctest.Gzip(string(plain))), 1<<20)
	if len(got) != 2 || !strings.HasPrefix(got[0], "0 page http://a.example/1") || !strings.HasPrefix(got[1], fmt.Sprintf("0+%d page http://a.example/2", offs[1])) {
		t.Errorf("got\n%s", strings.Join(got, "\n"))
	}
}

// TestReader_Limit: a payload over the limit after decoding is
// ErrTooLarge, and the next record is read.
func TestReader_Limit(t *testing.T) {
	big := strings.Repeat("<p>fares</p>", 1000)
	data, _ := warctest.File(true,
		warctest.Response("http://a.example/big", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", warctest.Gzip(big)),
		warctest.Response("http://a.example/small", "Content-Type: text/html\r\n", page))
	rd, _ := NewReader(bytes.NewReader(data))
	r, err := rd.Next()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadPage(r, 5000); !errors.Is(err, input.ErrTooLarge) {
		t.Errorf("big page: err = %v, want ErrTooLarge", err)
	}
	r, err = rd.Next()
	if err != nil || r.TargetURI() != "http://a.example/small" {
		t.Fatalf("next record: %v %v", r, err)
	}
}

// TestReader_Corrupt: a corrupt or truncated record is an error naming its
// offset and the problem, and reading goes on with the next record where
// one can be found.
func TestReader_Corrupt(t *testing.T) {
	good := warctest.Response("http://a.example/ok", "Content-Type: text/html\r\n", page)
	short := good
	short.Length = 20 // the block goes on past its Content-Length
	noLen := good
	noLen.Length = -1
	cases := []struct {
		name string
		data func() ([]byte, []int64)
		want []string // with %d for the offsets, in order
	}{
		{"garbage between records", func() ([]byte, []int64) {
			a, _ := warctest.File(false, good)
			b := append(append(a, "some garbage\r\nmore\r\n"...), good.Bytes()...)
			return b, []int64{0, int64(len(a)), int64(len(a) + 20)}
		}, []string{"%d page", `error: record at offset %d: no WARC record here: found "some garbage"`, "%d page"}},
		{"no content-length", func() ([]byte, []int64) {
			d, o := warctest.File(false, good, noLen, good)
			return d, o
		}, []string{"%d page", "error: record at offset %d: no Content-Length", "%d page"}},
		{"content-length too short", func() ([]byte, []int64) {
			d, o := warctest.File(false, short, good)
			return d, []int64{o[0], o[0] + int64(len(short.Bytes())-len(page)-4+(20-len("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"))), o[1]}
		}, []string{"%d error: HTTP response", "error: record at offset %d: no WARC record here", "%d page"}},
		{"truncated file", func() ([]byte, []int64) {
			d, o := warctest.File(false, good, good)
			return d[:len(d)-30], o
		}, []string{"%d page", "%d error: payload: truncated: the file ends inside the record"}},
		{"truncated gzip", func() ([]byte, []int64) {
			d, o := warctest.File(true, good, good)
			return d[:len(d)-30], o
		}, []string{"%d page", "%d error: payload: truncated: the file ends inside the record"}},
		{"corrupt gzip member", func() ([]byte, []int64) {
			d, o := warctest.File(true, good, good, good)
			for i := o[1] + 30; i < o[1]+60; i++ {
				d[i] ^= 0x55
			}
			return d, o
		}, []string{"%d page", "error: record at offset %d: corrupt gzip data", "%d page"}},
		{"bad gzip checksum", func() ([]byte, []int64) {
			d, o := warctest.File(true, good, good, good)
			d[o[2]-8] ^= 1 // the CRC-32 of the second member
			return d, []int64{o[0], o[1], o[1], o[2]}
		}, []string{"%d page", "%d page", "error: record at offset %d+", "%d page"}},
		{"trailing garbage", func() ([]byte, []int64) {
			d, o := warctest.File(false, good)
			return append(d, "junk at the end of the file\n"...), []int64{o[0], int64(len(d))}
		}, []string{"%d page", `error: record at offset %d: no WARC record here: found "junk at the end of the file"`}},
		{"not a warc", func() ([]byte, []int64) {
			return []byte("<html>\nhello\n</html>\n"), []int64{0, 7}
		}, []string{`error: record at offset %d: no WARC record here`, "error: record at offset %d: " + ErrUnsynced.Error()}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data, offs := c.data()
			got := read(t, data, 1<<20)
			if len(got) != len(c.want) {
				t.Fatalf("got %d results, want %d:\n%s", len(got), len(c.want), strings.Join(got, "\n"))
			}
			for i, w := range c.want {
				w = fmt.Sprintf(w, offs[i])
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("result %d:\n got %s\nwant %s…", i, got[i], w)
				}
			}
		})
	}
}

func TestSniff(t *testing.T) {
	plain, _ := warctest.File(false, warctest.Response("http://a.example/", "", page))
	gz, _ := warctest.File(true, warctest.Response("http://a.example/", "", page))
	for _, c := range []struct {
		head []byte
		want bool
	}{
		{plain, true}, {gz[:100], true}, {[]byte(page), false}, {[]byte(warctest.Gzip(page)), false}, {[]byte("\x1f\x8b"), false}, {nil, false},
	} {
		if got := Sniff(c.head); got != c.want {
			t.Errorf("Sniff(%q) = %v, want %v", c.head[:min(len(c.head), 20)], got, c.want)
		}
	}
}

// FuzzReader: no input makes the reader panic or loop, and every record
// error names an offset.
func FuzzReader(f *testing.F) {
	good := warctest.Response("http://a.example/ok", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", warctest.Gzip(page))
	plain, _ := warctest.File(false, good, warctest.Record{Type: "resource", URI: "x", ContentType: "text/html", Block: page})
	gz, _ := warctest.File(true, good, warctest.Response("http://a.example/c", "Transfer-Encoding: chunked\r\n", "3\r\n<p>\r\n0\r\n\r\n"))
	f.Add(plain)
	f.Add(gz)
	f.Add(plain[:len(plain)/2])
	f.Add(gz[:len(gz)-10])
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rd, err := NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		for i := 0; ; i++ {
			if i > len(data)+10 {
				t.Fatalf("more results than bytes: the reader makes no progress")
			}
			r, err := rd.Next()
			if err == io.EOF {
				return
			}
			var re *RecordError
			if err != nil {
				if !errors.As(err, &re) {
					t.Fatalf("error without an offset: %v", err)
				}
				continue
			}
			ReadPage(r, 1<<16)
		}
	})
}
