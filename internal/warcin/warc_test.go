package warcin

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/input"
)

// rec is one WARC record built by the tests: its type, target, WARC
// Content-Type and block.
type rec struct {
	typ, uri, ct, block string
	length              int // Content-Length when not len(block); -1 for none
}

func (r rec) bytes() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:x>\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n", r.typ)
	if r.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
	}
	if r.ct != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", r.ct)
	}
	switch n := r.length; {
	case n == 0:
		fmt.Fprintf(&b, "Content-Length: %d\r\n", len(r.block))
	case n > 0:
		fmt.Fprintf(&b, "Content-Length: %d\r\n", n)
	}
	b.WriteString("\r\n" + r.block + "\r\n\r\n")
	return b.Bytes()
}

// warcFile joins records, each gzip-compressed as a member of its own when
// gz. It also returns each record's offset.
func warcFile(gz bool, recs ...rec) ([]byte, []int64) {
	var out bytes.Buffer
	var offs []int64
	for _, r := range recs {
		offs = append(offs, int64(out.Len()))
		if gz {
			zw := gzip.NewWriter(&out)
			zw.Write(r.bytes())
			zw.Close()
		} else {
			out.Write(r.bytes())
		}
	}
	return out.Bytes(), offs
}

const httpCT = "application/http; msgtype=response"

func response(uri, header, body string) rec {
	return rec{typ: "response", uri: uri, ct: httpCT, block: "HTTP/1.1 200 OK\r\n" + header + "\r\n" + body}
}

func gzipped(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

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
	recs := []rec{
		{typ: "warcinfo", ct: "application/warc-fields", block: "software: test\r\n"},
		{typ: "request", uri: "http://a.example/", ct: "application/http; msgtype=request", block: "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"},
		response("http://a.example/", "Content-Type: text/html; charset=iso-8859-1\r\n", page),
		response("http://a.example/c", chunked, "f\r\n<p>chunked body\r\n4\r\n</p>\r\n0\r\n\r\n"),
		response("http://a.example/g", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gzipped(page)),
		response("http://a.example/d", "Content-Type: text/html\r\nContent-Encoding: deflate\r\n", deflated(page)),
		response("http://a.example/br", "Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x0b\x02"),
		response("http://a.example/brdone", "Content-Type: text/html\r\nContent-Encoding: br\r\n", page),
		response("http://a.example/x.png", "Content-Type: image/png\r\n", "\x89PNG"),
		response("http://a.example/none", "", page),
		response("http://a.example/len", "Content-Type: text/html\r\nContent-Length: 10\r\n", page),
		{typ: "response", uri: "http://a.example/r", ct: httpCT, block: "HTTP/1.1 301 Moved\r\nLocation: /\r\nContent-Type: text/html\r\n\r\n<a href=/>moved</a>"},
		{typ: "response", uri: "http://a.example/h2", ct: httpCT, block: "HTTP/2 200\r\ncontent-type: text/html\r\n\r\n" + page},
		{typ: "resource", uri: "file:///saved.html", ct: "text/html; charset=utf-8", block: page},
		{typ: "resource", uri: "file:///a.txt", ct: "text/plain", block: "plain"},
		{typ: "metadata", uri: "http://a.example/", ct: "application/warc-fields", block: "outlinks: x\r\n"},
		{typ: "revisit", uri: "http://a.example/", ct: httpCT, block: "HTTP/1.1 200 OK\r\n\r\n"},
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
			data, offs := warcFile(gz, recs...)
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
	plain, offs := warcFile(false, response("http://a.example/1", "Content-Type: text/html\r\n", page), response("http://a.example/2", "Content-Type: text/html\r\n", page))
	got := read(t, []byte(gzipped(string(plain))), 1<<20)
	if len(got) != 2 || !strings.HasPrefix(got[0], "0 page http://a.example/1") || !strings.HasPrefix(got[1], fmt.Sprintf("0+%d page http://a.example/2", offs[1])) {
		t.Errorf("got\n%s", strings.Join(got, "\n"))
	}
}

// TestReader_Limit: a payload over the limit after decoding is
// ErrTooLarge, and the next record is read.
func TestReader_Limit(t *testing.T) {
	big := strings.Repeat("<p>fares</p>", 1000)
	data, _ := warcFile(true,
		response("http://a.example/big", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gzipped(big)),
		response("http://a.example/small", "Content-Type: text/html\r\n", page))
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
	good := response("http://a.example/ok", "Content-Type: text/html\r\n", page)
	short := good
	short.length = 20 // the block goes on past its Content-Length
	noLen := good
	noLen.length = -1
	cases := []struct {
		name string
		data func() ([]byte, []int64)
		want []string // with %d for the offsets, in order
	}{
		{"garbage between records", func() ([]byte, []int64) {
			a, _ := warcFile(false, good)
			b := append(append(a, "some garbage\r\nmore\r\n"...), good.bytes()...)
			return b, []int64{0, int64(len(a)), int64(len(a) + 20)}
		}, []string{"%d page", `error: record at offset %d: no WARC record here: found "some garbage"`, "%d page"}},
		{"no content-length", func() ([]byte, []int64) {
			d, o := warcFile(false, good, noLen, good)
			return d, o
		}, []string{"%d page", "error: record at offset %d: no Content-Length", "%d page"}},
		{"content-length too short", func() ([]byte, []int64) {
			d, o := warcFile(false, short, good)
			return d, []int64{o[0], o[0] + int64(len(short.bytes())-len(page)-4+(20-len("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"))), o[1]}
		}, []string{"%d error: HTTP response", "error: record at offset %d: no WARC record here", "%d page"}},
		{"truncated file", func() ([]byte, []int64) {
			d, o := warcFile(false, good, good)
			return d[:len(d)-30], o
		}, []string{"%d page", "%d error: payload: truncated: the file ends inside the record"}},
		{"truncated gzip", func() ([]byte, []int64) {
			d, o := warcFile(true, good, good)
			return d[:len(d)-30], o
		}, []string{"%d page", "%d error: payload: truncated: the file ends inside the record"}},
		{"corrupt gzip member", func() ([]byte, []int64) {
			d, o := warcFile(true, good, good, good)
			for i := o[1] + 30; i < o[1]+60; i++ {
				d[i] ^= 0x55
			}
			return d, o
		}, []string{"%d page", "error: record at offset %d: corrupt gzip data", "%d page"}},
		{"bad gzip checksum", func() ([]byte, []int64) {
			d, o := warcFile(true, good, good, good)
			d[o[2]-8] ^= 1 // the CRC-32 of the second member
			return d, []int64{o[0], o[1], o[1], o[2]}
		}, []string{"%d page", "%d page", "error: record at offset %d+", "%d page"}},
		{"trailing garbage", func() ([]byte, []int64) {
			d, o := warcFile(false, good)
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
	plain, _ := warcFile(false, response("http://a.example/", "", page))
	gz, _ := warcFile(true, response("http://a.example/", "", page))
	for _, c := range []struct {
		head []byte
		want bool
	}{
		{plain, true}, {gz[:100], true}, {[]byte(page), false}, {[]byte(gzipped(page)), false}, {[]byte("\x1f\x8b"), false}, {nil, false},
	} {
		if got := Sniff(c.head); got != c.want {
			t.Errorf("Sniff(%q) = %v, want %v", c.head[:min(len(c.head), 20)], got, c.want)
		}
	}
}

// FuzzReader: no input makes the reader panic or loop, and every record
// error names an offset.
func FuzzReader(f *testing.F) {
	good := response("http://a.example/ok", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gzipped(page))
	plain, _ := warcFile(false, good, rec{typ: "resource", uri: "x", ct: "text/html", block: page})
	gz, _ := warcFile(true, good, response("http://a.example/c", "Transfer-Encoding: chunked\r\n", "3\r\n<p>\r\n0\r\n\r\n"))
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
