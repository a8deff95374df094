package warcin

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/winnowhq/winnow/internal/input"
)

// Page is the HTML page a record holds.
type Page struct {
	// URL is the record's WARC-Target-URI.
	URL string
	// ContentType is the payload's Content-Type: the HTTP header of a
	// response, the record's own of a resource. Its charset is the page's.
	ContentType string
	// Body is the payload, transfer and content coding undone.
	Body []byte
}

// Reasons a record holds no page, as ReadPage gives them.
const (
	SkipType    = "not a response or resource" // request, metadata, revisit, warcinfo, conversion...
	SkipNotHTML = "not HTML"
	SkipStatus  = "HTTP status not 2xx" // redirects, errors: not the page
)

// maxHTTPHeader caps the HTTP header of a response record.
const maxHTTPHeader = 1 << 20

// ReadPage reads the HTML page that rec holds, its payload at most max bytes
// after decoding (input.ErrTooLarge beyond). A record that holds none gives
// a reason (SkipType, SkipNotHTML, SkipStatus) and no error; one that cannot
// be read gives an error. It reads rec.Block, streaming, and no further than
// it must: a record skipped for its type is not read at all.
func ReadPage(rec *Record, max int64) (page *Page, skip string, err error) {
	defer func() {
		if p := recover(); p != nil {
			page, skip, err = nil, "", fmt.Errorf("internal error reading the record: %v", p)
		}
	}()
	switch rec.Type() {
	case "response", "resource":
	default:
		return nil, SkipType, nil
	}
	ct := rec.Header["content-type"]
	mt, _, _ := mime.ParseMediaType(ct)
	if rec.Type() == "resource" || mt != "application/http" {
		// The block is the payload (a resource, or a response of another
		// protocol than HTTP).
		if !isHTML(ct) {
			return nil, SkipNotHTML, nil
		}
		body, err := readLimited(rec.Block, max)
		if err != nil {
			return nil, "", err
		}
		return &Page{URL: rec.TargetURI(), ContentType: ct, Body: body}, "", nil
	}
	return readHTTP(rec, max)
}

// readHTTP reads the page of a response record holding an HTTP message.
func readHTTP(rec *Record, max int64) (*Page, string, error) {
	// The header is read within maxHTTPHeader; the limit is lifted for
	// the body, which readLimited bounds after decoding.
	lim := &io.LimitedReader{R: rec.Block, N: maxHTTPHeader}
	br := bufio.NewReader(lim)
	status, err := br.Peek(7)
	if err != nil && len(status) == 0 {
		return nil, "", fmt.Errorf("HTTP response: %w", blockErr(err, io.ErrUnexpectedEOF))
	}
	var r io.Reader = br
	if p := string(status); p == "HTTP/2 " || p == "HTTP/3 " {
		// HTTP/2 and 3 status lines carry no minor version, which
		// net/http asks for.
		br.Discard(6)
		r = io.MultiReader(strings.NewReader(p[:6]+".0"), br)
	}
	hbr := bufio.NewReader(r)
	resp, err := http.ReadResponse(hbr, nil)
	if err != nil {
		if lim.N <= 0 {
			return nil, "", fmt.Errorf("HTTP response: header over %d bytes", maxHTTPHeader)
		}
		return nil, "", fmt.Errorf("HTTP response: %w", blockErr(err, io.ErrUnexpectedEOF))
	}
	lim.N = 1<<63 - 1
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, SkipStatus, nil
	}
	ct := resp.Header.Get("Content-Type")
	if ct != "" && !isHTML(ct) {
		return nil, SkipNotHTML, nil
	}
	// The payload is the rest of the block, whatever the HTTP
	// Content-Length says: a crawler that decoded or cut the body may
	// have kept the header. Only the chunked coding is read by net/http.
	var payload io.Reader = hbr
	if len(resp.TransferEncoding) > 0 {
		payload = resp.Body
	}
	dec, err := decoded(payload, resp.Header.Get("Content-Encoding"))
	if err != nil {
		return nil, "", err
	}
	body, err := readLimited(dec, max)
	if err != nil {
		return nil, "", err
	}
	if ct == "" && !looksLikeHTML(body) {
		return nil, SkipNotHTML, nil
	}
	return &Page{URL: rec.TargetURI(), ContentType: ct, Body: body}, "", nil
}

// decoded undoes a response body's content coding: gzip and deflate (zlib or
// raw), identity; any other (br, zstd) is an error. A body that says it is
// compressed but is not (a crawler that decoded it and kept the header:
// no gzip magic, or plain markup) is taken as it is.
func decoded(body io.Reader, encoding string) (io.Reader, error) {
	enc := strings.ToLower(strings.TrimSpace(encoding))
	br := bufio.NewReader(body)
	head, _ := br.Peek(2)
	switch enc {
	case "", "identity", "none":
		return br, nil
	case "gzip", "x-gzip":
		if len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
			return br, nil
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("HTTP Content-Encoding gzip: %w", blockErr(err, io.ErrUnexpectedEOF))
		}
		return zr, nil
	}
	if plain(br) {
		// Decoded by the crawler, which kept the header (deflate and
		// brotli have no magic bytes to tell).
		return br, nil
	}
	if enc == "deflate" {
		if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("HTTP Content-Encoding deflate: %w", blockErr(err, io.ErrUnexpectedEOF))
			}
			return zr, nil
		}
		return flate.NewReader(br), nil
	}
	return nil, fmt.Errorf("HTTP Content-Encoding %q not supported (gzip and deflate are)", enc)
}

// plain reports whether a body that says it is compressed begins as markup
// does: '<' after white space, and no control byte in its first 512 bytes
// (compressed data has plenty).
func plain(br *bufio.Reader) bool {
	head, _ := br.Peek(512)
	t := bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(t) == 0 || t[0] != '<' {
		return false
	}
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f {
			return false
		}
	}
	return true
}

// readLimited reads r whole, at most max bytes (input.ErrTooLarge beyond).
// A body cut short (a chunked or gzip body that a crawler truncated) is kept
// as far as it goes; a block cut short by the end of the file is
// ErrTruncated.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if err != nil && !(errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, ErrTruncated)) {
		return nil, fmt.Errorf("payload: %w", blockErr(err, nil))
	}
	if int64(buf.Len()) > max {
		return nil, fmt.Errorf("payload: %w (%d bytes)", input.ErrTooLarge, max)
	}
	return buf.Bytes(), nil
}

// blockErr is err, or ErrTruncated when it says the block ended early
// (as plain, the HTTP message is read within a block that is whole).
func blockErr(err, short error) error {
	if short != nil && errors.Is(err, short) {
		return fmt.Errorf("the record's block ends early: %w", err)
	}
	var ce flate.CorruptInputError
	if errors.As(err, &ce) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, zlib.ErrChecksum) {
		return fmt.Errorf("corrupt compressed payload: %w", err)
	}
	return err
}

// isHTML reports a Content-Type of HTML or XHTML.
func isHTML(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// looksLikeHTML sniffs a payload that came without a Content-Type.
func looksLikeHTML(b []byte) bool {
	return strings.HasPrefix(http.DetectContentType(b), "text/html") || input.LooksLikeHTML(b)
}

// Sniff reports whether head, the first bytes of a file (4 KiB is plenty),
// begins a WARC file, plain or gzip.
func Sniff(head []byte) bool {
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(head))
		if err != nil {
			return false
		}
		var b [5]byte
		n, _ := io.ReadFull(zr, b[:])
		head = b[:n]
	}
	return bytes.HasPrefix(head, []byte("WARC/"))
}
