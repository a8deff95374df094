// Package warctest builds WARC files for tests: records of any type, plain
// or one gzip member per record, with their offsets, and records that are
// corrupt on purpose (a missing or wrong Content-Length).
package warctest

import (
	"bytes"
	"compress/gzip"
	"fmt"
)

// HTTPResponse is the WARC Content-Type of a response record holding an
// HTTP message.
const HTTPResponse = "application/http; msgtype=response"

// Record is one WARC record: its type, target URI, WARC Content-Type and
// block.
type Record struct {
	Type, URI, ContentType, Block string
	// Length is the Content-Length written when it is not len(Block)
	// (0); -1 writes none.
	Length int
}

// Bytes is the record as a WARC file holds it.
func (r Record) Bytes() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:x>\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n", r.Type)
	if r.URI != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.URI)
	}
	if r.ContentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", r.ContentType)
	}
	switch n := r.Length; {
	case n == 0:
		fmt.Fprintf(&b, "Content-Length: %d\r\n", len(r.Block))
	case n > 0:
		fmt.Fprintf(&b, "Content-Length: %d\r\n", n)
	}
	b.WriteString("\r\n" + r.Block + "\r\n\r\n")
	return b.Bytes()
}

// File joins records into a WARC file, each record a gzip member of its
// own when gz, and returns the file and each record's offset in it.
func File(gz bool, recs ...Record) ([]byte, []int64) {
	var out bytes.Buffer
	var offs []int64
	for _, r := range recs {
		offs = append(offs, int64(out.Len()))
		if gz {
			zw := gzip.NewWriter(&out)
			zw.Write(r.Bytes())
			zw.Close()
		} else {
			out.Write(r.Bytes())
		}
	}
	return out.Bytes(), offs
}

// Response is a response record holding the HTTP message "200 OK" with
// header (lines ending in CRLF) and body.
func Response(uri, header, body string) Record {
	return Record{Type: "response", URI: uri, ContentType: HTTPResponse, Block: "HTTP/1.1 200 OK\r\n" + header + "\r\n" + body}
}

// Gzip is s compressed as one gzip member.
func Gzip(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}
