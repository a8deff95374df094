package warcin

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

// TestGowarcInterop: records written by gowarc (a maintained WARC library)
// read here as pages, and gowarc's reader finds the records of a file at
// the offsets this one gives.
func TestGowarcInterop(t *testing.T) {
	type built struct {
		typ   gowarc.RecordType
		uri   string
		ct    string
		block string
	}
	recs := []built{
		{gowarc.Warcinfo, "", "application/warc-fields", "software: gowarc\r\n"},
		{gowarc.Request, "http://a.example/", "application/http;msgtype=request", "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"},
		{gowarc.Response, "http://a.example/", "application/http;msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + fmt.Sprint(len(page)) + "\r\n\r\n" + page},
		{gowarc.Resource, "http://a.example/r.html", "text/html", page},
	}
	for _, gz := range []bool{false, true} {
		var file bytes.Buffer
		var offs []int64
		for i, r := range recs {
			b := gowarc.NewRecordBuilder(r.typ, gowarc.WithStrictValidation())
			if _, err := b.WriteString(r.block); err != nil {
				t.Fatal(err)
			}
			b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:e9a0cecc-0221-11e7-adb1-0242ac12000%d>", i))
			b.AddWarcHeader(gowarc.WarcDate, "2006-01-02T15:04:05Z")
			b.AddWarcHeader(gowarc.ContentType, r.ct)
			if r.uri != "" {
				b.AddWarcHeader(gowarc.WarcTargetURI, r.uri)
			}
			wr, _, err := b.Build()
			if err != nil {
				t.Fatal(err)
			}
			offs = append(offs, int64(file.Len()))
			var w io.Writer = &file
			var zw *gzip.Writer
			if gz {
				zw = gzip.NewWriter(&file)
				w = zw
			}
			if _, _, err := gowarc.NewMarshaler().Marshal(w, wr, 0); err != nil {
				t.Fatal(err)
			}
			if zw != nil {
				zw.Close()
			}
		}
		got := read(t, file.Bytes(), 1<<20)
		want := []string{
			fmt.Sprintf("%d skip: %s", offs[0], SkipType),
			fmt.Sprintf("%d skip: %s", offs[1], SkipType),
			fmt.Sprintf("%d page http://a.example/ [text/html; charset=utf-8] %q", offs[2], page),
			fmt.Sprintf("%d page http://a.example/r.html [text/html] %q", offs[3], page),
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("gzip=%v: got\n%s\nwant\n%s", gz, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}

		// gowarc reads the same records at the same offsets.
		gr, err := gowarc.NewWarcFileReaderFromStream(bytes.NewReader(file.Bytes()), 0)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; ; i++ {
			rec, err := gr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("gowarc: %v", err)
			}
			if i >= len(offs) || rec.Offset != offs[i] {
				t.Errorf("gzip=%v: gowarc finds record %d at %d, want %v", gz, i, rec.Offset, offs)
			}
			rec.WarcRecord.Close()
		}
		gr.Close()
	}
}
