// Package input reads one page's bytes as UTF-8 text, the first step of
// cleaning: the size limit, gzip detected by its magic bytes, binary data
// refused, and the charset found and decoded (internal/toutf8). It also
// sniffs whether the text is HTML.
package input

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"regexp"
	"strings"

	"github.com/winnowhq/winnow/internal/toutf8"
)

// Errors of Read and Bytes; package clean exports them as clean.ErrBinary
// and clean.ErrTooLarge.
var (
	ErrBinary   = errors.New("binary data, not HTML or text")
	ErrTooLarge = errors.New("input over the size limit")
)

// Read reads one page from r and returns it as UTF-8: gzip is detected by
// its magic bytes and decompressed, at most max bytes are accepted after
// decompression (ErrTooLarge beyond), binary data is ErrBinary, and the
// charset is found and decoded as internal/toutf8 says: a byte-order mark,
// contentType, a <meta> declaration, UTF-16 or UTF-32 without a mark, valid
// UTF-8, else windows-1252. max must be positive.
func Read(r io.Reader, contentType string, max int64) ([]byte, error) {
	raw, err := readAll(r, max)
	if err != nil {
		return nil, err
	}
	return Bytes(raw, contentType, max)
}

// Bytes is Read for a page already in memory. raw is never modified; when
// it is valid UTF-8 without a byte-order mark, the result shares its memory
// rather than copying it.
func Bytes(raw []byte, contentType string, max int64) ([]byte, error) {
	if int64(len(raw)) > max {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)
	}
	if len(raw) >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
		raw, err = readAll(zr, max)
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
	}
	if !toutf8.IsWide(raw) && isBinary(raw) {
		return nil, ErrBinary
	}
	return toutf8.Decode(raw, contentType), nil
}

func readAll(r io.Reader, max int64) ([]byte, error) {
	// A reader that knows its length (bytes.Reader, strings.Reader) is read
	// into a slice of exactly that size: bytes.Buffer would double its
	// buffer for the final read that sees EOF.
	if l, ok := r.(interface{ Len() int }); ok && int64(l.Len()) <= max {
		b := make([]byte, l.Len())
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, err
		}
		var one [1]byte
		if n, _ := r.Read(one[:]); n == 0 {
			return b, nil
		}
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max) // it grew while read
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(r, max+1)); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)
	}
	return b, nil
}

// isBinary sniffs images, archives, PDFs and other non-text data: the MIME
// sniffing of net/http, plus NUL bytes in the first KiB (UTF-16 and UTF-32
// text, full of them, is told apart before).
func isBinary(b []byte) bool {
	head := b[:min(len(b), 1024)]
	ct := http.DetectContentType(head)
	if strings.HasPrefix(ct, "text/") {
		return false
	}
	if ct != "application/octet-stream" {
		// image/*, application/pdf, application/zip, video/*... Some
		// signatures are a few letters that also begin text ("BM" of a
		// bitmap: "BMW recalls..."; "OTTO" of a font: "OTTO Group..."), so a
		// head without control bytes is binary only for the formats whose
		// header is text anyway (PDF, PostScript).
		return hasControl(head) || ct == "application/pdf" || ct == "application/postscript"
	}
	return bytes.IndexByte(head, 0) >= 0
}

// hasControl reports whether b holds a C0 control byte other than tab, line
// feed, form feed and carriage return, or DEL: every binary format has some
// in its first KiB (lengths, NUL padding, PNG's \x1a), text has none.
func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' || c == 0x7f {
			return true
		}
	}
	return false
}

var htmlSniffRx = regexp.MustCompile(`(?i)<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|a\s|br|table|h[1-6]|ul|script|style)[\s>/]`)

// LooksLikeHTML sniffs the first 4 KiB for HTML markup.
func LooksLikeHTML(b []byte) bool {
	return htmlSniffRx.Match(b[:min(len(b), 4096)])
}

// TextType reports whether a Content-Type header may hold a page, a
// sitemap or a feed: HTML, XML, RSS, Atom or any text/ type. An empty or
// unparsable header may: the bytes are sniffed.
func TextType(contentType string) bool {
	if contentType == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return true
	}
	return strings.Contains(mt, "html") || strings.Contains(mt, "xml") ||
		strings.HasPrefix(mt, "text/") || strings.Contains(mt, "rss") || strings.Contains(mt, "atom")
}

// Sniffed reports whether a Content-Type header says nothing of the bytes'
// kind, so that they are read and sniffed: application/octet-stream (a
// server's default) or gzip (decompressed, then sniffed).
func Sniffed(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "application/octet-stream" || mt == "application/gzip" || mt == "application/x-gzip")
}
