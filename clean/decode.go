package clean

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// DefaultMaxBytes is the default cap on one input, after decompression.
const DefaultMaxBytes = 16 << 20

// Decode reads one page from r and returns it as UTF-8: gzip is detected by its
// magic bytes and decompressed, at most maxBytes bytes are accepted after
// decompression (ErrTooLarge beyond), and the charset is taken from, in order:
// a byte-order mark, contentType, a <meta> declaration in the first 16 KiB,
// then valid UTF-8, else windows-1252 (the WHATWG default). Binary data is ErrBinary.
func Decode(r io.Reader, contentType string, maxBytes int64) ([]byte, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	raw, err := readAll(r, maxBytes)
	if err != nil {
		return nil, err
	}
	return DecodeBytes(raw, contentType, maxBytes)
}

// DecodeBytes is Decode for a page already in memory. raw is never modified;
// when it is valid UTF-8 without a byte-order mark, the result shares its
// memory rather than copying it.
func DecodeBytes(raw []byte, contentType string, maxBytes int64) ([]byte, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if int64(len(raw)) > maxBytes {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, maxBytes)
	}
	if len(raw) >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
		raw, err = readAll(zr, maxBytes)
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
	}
	if isBinary(raw) {
		return nil, ErrBinary
	}
	valid := utf8.Valid(raw)
	enc := detectEncoding(raw, contentType, valid)
	if enc == nil {
		if valid {
			return bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")), nil
		}
		return toValidUTF8(raw), nil
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), raw)
	if err != nil {
		return nil, fmt.Errorf("decode charset: %w", err)
	}
	return toValidUTF8(out), nil
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
// sniffing of net/http, plus NUL bytes in the first KiB.
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
	if bytes.IndexByte(head, 0) >= 0 {
		return !(bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}))
	}
	return false
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

var metaCharsetRx = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)`)

// detectEncoding returns the page's encoding, or nil for UTF-8.
func detectEncoding(b []byte, contentType string, valid bool) encoding.Encoding {
	// BOM and Content-Type (and the spec's 1024-byte prescan) first.
	if e, name, certain := charset.DetermineEncoding(b, contentType); certain {
		return nilIfUTF8(e, name)
	}
	// Many pages declare their charset after 1 KiB of <head>: look further.
	head := b[:min(len(b), 16<<10)]
	if m := metaCharsetRx.FindSubmatch(head); m != nil {
		if e, err := htmlindex.Get(string(m[1])); err == nil {
			name, _ := htmlindex.Name(e)
			return nilIfUTF8(e, name)
		}
	}
	if valid {
		return nil
	}
	// Undeclared and not valid UTF-8: windows-1252, as the WHATWG encoding
	// sniffing algorithm and browsers do for Western locales.
	e, _ := htmlindex.Get("windows-1252")
	return e
}

func nilIfUTF8(e encoding.Encoding, name string) encoding.Encoding {
	if name == "utf-8" || e == nil {
		return nil
	}
	return e
}

func toValidUTF8(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if utf8.Valid(b) {
		return b
	}
	return bytes.ToValidUTF8(b, []byte("\uFFFD"))
}

var htmlSniffRx = regexp.MustCompile(`(?i)<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|a\s|br|table|h[1-6]|ul|script|style)[\s>/]`)

// looksLikeHTML sniffs the first 4 KiB for HTML markup.
func looksLikeHTML(b []byte) bool {
	return htmlSniffRx.Match(b[:min(len(b), 4096)])
}
