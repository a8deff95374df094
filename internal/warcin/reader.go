// Package warcin reads web pages out of WARC files (ISO 28500: Common Crawl,
// Heritrix, wget --warc-file, browsertrix, warcprox), streaming: one record
// at a time, its block read through a reader bounded by its Content-Length,
// never the whole record nor the whole file in memory. Reader walks the
// records of a file, plain or gzip (one member per record, as the standard
// recommends, or the whole file in one member), and resynchronises after a
// corrupt record at the next record it can find; ReadPage turns a response
// or resource record into a page: the HTTP message parsed (chunked transfer
// coding undone), gzip and deflate content coding undone, the payload read
// up to a size limit.
//
// Why no library: the two WARC readers the module proxy serves here were
// read and tried. github.com/nlnwa/gowarc/v3 (v3.1.0) is well kept, but its
// Unmarshaler consumes every record's whole block before returning it: with
// validation on it computes the digests and spools the block (1 MiB in
// memory, the rest to a temporary file, with no exported cap on the total),
// and with validation off the block is discarded before the caller sees it.
// A limit per record (--max-bytes) can then only be applied after the whole
// record, a gzip bomb or a 4 GiB video included, has gone to disk.
// github.com/CorentinB/warc (v0.8.33) reads gzip WARCs only, buffers each
// whole gzip member in memory without bound, ignores Content-Length, and
// brings a crawler's dependencies (uTLS, SOCKS). WARC framing is small (a
// version line, header fields, Content-Length bytes, two CRLFs), so it is
// read here with the standard library, and the tests check it against WARC
// files that gowarc's writer builds.
//
// It is internal, not a top-level package for library users: a library user
// who holds WARC files already has a WARC library of their choice, and what
// winnow's API needs from it is a clean.Input (URL, Content-Type, body),
// which any of them gives.
package warcin

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Limits on what is read before a record's block.
const (
	maxHeaderBytes = 256 << 10 // a record's header fields, all told
	bufSize        = 64 << 10
)

// Record is one WARC record. Its Block is valid until the next call of Next.
type Record struct {
	// Offset is where the record starts in the file: the byte offset of
	// the gzip member that holds it in a compressed file (what a CDX index
	// gives), of the record itself in a plain one. InMember is the
	// record's offset inside that member's decompressed data when it does
	// not start the member (a file gzipped whole); 0 otherwise.
	Offset, InMember int64
	// Version is the version line: WARC/1.0, WARC/1.1.
	Version string
	// Header holds the record's header fields by lower-case name (the
	// first of repeated names).
	Header map[string]string
	// Length is the block's length, from Content-Length.
	Length int64
	// Block is the record's content block, Length bytes; a read past the
	// end of a truncated file fails with ErrTruncated.
	Block io.Reader
}

// Where names the record's place in its file: "1234", or "1234+567" for a
// record 567 bytes into the decompressed data of the gzip member at 1234.
func (r *Record) Where() string {
	if r.InMember > 0 {
		return fmt.Sprintf("%d+%d", r.Offset, r.InMember)
	}
	return strconv.FormatInt(r.Offset, 10)
}

// Type is the record's WARC-Type, lower-cased.
func (r *Record) Type() string { return strings.ToLower(r.Header["warc-type"]) }

// TargetURI is the record's WARC-Target-URI, without the angle brackets
// of the WARC/1.1 drafts.
func (r *Record) TargetURI() string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(r.Header["warc-target-uri"]), "<"), ">")
}

// RecordError is a record that cannot be read: where it starts and why.
// After one, Next goes on with the next record it can find.
type RecordError struct {
	Offset, InMember int64
	Err              error
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("record at offset %s: %v", e.Where(), e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// Errors of records.
var (
	// ErrTruncated is a block or a gzip member cut short by the end of the
	// file.
	ErrTruncated = errors.New("truncated: the file ends inside the record")
	errNoRecord  = errors.New("no WARC record here")
	// ErrCorrupt is gzip data of the file that does not decompress.
	ErrCorrupt = errors.New("corrupt gzip data")
	// ErrUnsynced ends a file: after a corrupt record, no further record
	// could be found in the rest of it.
	ErrUnsynced = errors.New("no further WARC record found after a corrupt one: the rest of the file is skipped")
)

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// Reader reads the records of one WARC file in order.
type Reader struct {
	file *countReader  // the file's bytes
	raw  *bufio.Reader // over file: gzip reads its members from it exactly
	gz   *gzip.Reader  // nil for a plain file
	dec  *countReader  // the decompressed bytes of the current member (or the plain file)
	br   *bufio.Reader // over dec: what records are read from

	member int64 // offset of the current gzip member in the file
	block  *blockReader
	resync bool // the last record was corrupt: look for the next one
	done   bool
}

// NewReader returns a Reader of the WARC file r, plain or gzip (told by its
// magic bytes).
func NewReader(r io.Reader) (*Reader, error) {
	rd := &Reader{file: &countReader{r: r}}
	rd.raw = bufio.NewReaderSize(rd.file, bufSize)
	head, err := rd.raw.Peek(2)
	if err != nil && len(head) == 0 {
		if err == io.EOF {
			return nil, errors.New("empty file")
		}
		return nil, err
	}
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		if rd.gz, err = gzip.NewReader(rd.raw); err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		rd.gz.Multistream(false)
		rd.dec = &countReader{r: rd.gz}
	} else {
		rd.dec = &countReader{r: rd.raw}
	}
	rd.br = bufio.NewReaderSize(rd.dec, bufSize)
	return rd, nil
}

// pos is the offset of the next unread byte: in the file, or in the current
// member's decompressed data.
func (rd *Reader) pos() int64 { return rd.dec.n - int64(rd.br.Buffered()) }

// rawPos is the offset of the next byte gzip will read from the file.
func (rd *Reader) rawPos() int64 { return rd.file.n - int64(rd.raw.Buffered()) }

// where is the place of the next unread byte, as Record.Offset and InMember.
func (rd *Reader) where() (off, in int64) {
	if rd.gz == nil {
		return rd.pos(), 0
	}
	return rd.member, rd.pos()
}

// Next returns the next record, io.EOF at the end of the file, or a
// *RecordError for a record that cannot be read; after one, the next call
// goes on with the next record found (ErrUnsynced when none is). The
// previous record's block need not have been read: its rest is skipped.
func (rd *Reader) Next() (rec *Record, err error) {
	defer func() {
		if p := recover(); p != nil {
			// Nothing is known of where the stream stands: the file ends.
			off, in := rd.where()
			rec, err, rd.done = nil, &RecordError{Offset: off, InMember: in, Err: fmt.Errorf("internal error, rest of the file skipped: %v", p)}, true
		}
	}()
	if rd.done {
		return nil, io.EOF
	}
	after := rd.block != nil // right after a record's block
	if rd.block != nil {
		if err := rd.skipBlock(); err != nil {
			return nil, err
		}
		if rd.done {
			return nil, io.EOF
		}
		after = after && !rd.resync
	}
	if rd.resync {
		rd.resync = false
		if err := rd.seekRecord(); err != nil {
			rd.done = true
			return nil, err
		}
	}
	if err := rd.skipBlank(); err != nil {
		if err == io.EOF {
			rd.done = true
			return nil, io.EOF
		}
		off, in := rd.where()
		if rd.gz == nil {
			rd.done = true // a plain file that cannot be read
		} else {
			rd.resync = true // a corrupt gzip member: look for the next one
		}
		return nil, &RecordError{Offset: off, InMember: in, Err: err}
	}
	off, in := rd.where()
	rec, err = rd.header()
	if err != nil {
		if after && (rd.gz == nil || in > 0) && errors.Is(err, errNoRecord) {
			// In the same gzip member or plain stream as that block.
			err = fmt.Errorf("%w (is the Content-Length of the record before wrong?)", err)
		}
		rd.resync = true
		return nil, &RecordError{Offset: off, InMember: in, Err: err}
	}
	rec.Offset, rec.InMember = off, in
	rd.block = &blockReader{r: rd.br, n: rec.Length, off: off, in: in}
	rec.Block = rd.block
	return rec, nil
}

// skipBlock reads past the rest of the last record's block and its end
// marker. A short block (a truncated file) ends the file.
func (rd *Reader) skipBlock() error {
	b := rd.block
	rd.block = nil
	seen := b.err != nil // the caller read the block and met its error
	if _, err := io.Copy(io.Discard, b); err != nil {
		if rd.gz == nil && errors.Is(err, ErrTruncated) {
			rd.done = true // the file ends here
		} else {
			rd.resync = true
		}
		if seen {
			if rd.done {
				return io.EOF
			}
			return nil
		}
		return &RecordError{Offset: b.off, InMember: b.in, Err: err}
	}
	if rd.resync {
		return nil
	}
	// The end marker, CRLF CRLF; a missing one is found out when the next
	// record does not begin where it should.
	for range 4 {
		c, err := rd.br.ReadByte()
		if err != nil {
			break
		}
		if c != '\r' && c != '\n' {
			rd.br.UnreadByte()
			break
		}
	}
	return nil
}

// skipBlank moves to the next record: past blank lines, and in a gzip
// file to the next member when this one is done. io.EOF is the end of the
// file.
func (rd *Reader) skipBlank() error {
	for {
		c, err := rd.br.ReadByte()
		if err == nil {
			if c == '\r' || c == '\n' {
				continue
			}
			rd.br.UnreadByte()
			return nil
		}
		if err != io.EOF {
			return readErr(err)
		}
		if rd.gz == nil {
			return io.EOF
		}
		if err := rd.nextMember(); err != nil {
			return err
		}
	}
}

// nextMember opens the gzip member that follows the current one; io.EOF
// at the end of the file.
func (rd *Reader) nextMember() error {
	if _, err := rd.raw.Peek(1); err != nil {
		if err == io.EOF {
			return io.EOF
		}
		return err
	}
	rd.member = rd.rawPos()
	rd.dec.n = 0
	rd.br.Reset(rd.dec) // empty: the member before was read to its end
	if err := rd.gz.Reset(rd.raw); err != nil {
		if err == io.EOF {
			err = ErrTruncated
		}
		return fmt.Errorf("gzip member: %w", err)
	}
	rd.gz.Multistream(false)
	return nil
}

// seekRecord finds the next record after a corrupt one: a line beginning
// "WARC/" in the rest of this gzip member (a file gzipped whole) or of the
// plain file, else the next gzip member that decompresses. It returns nil
// at the start of a record, io.EOF at the end of the file, and ErrUnsynced,
// at the place it began, when the file ends after bytes that hold no
// record.
func (rd *Reader) seekRecord() error {
	off, in := rd.where()
	unsynced := &RecordError{Offset: off, InMember: in, Err: ErrUnsynced}
	skipped := false
	for {
		head, _ := rd.br.Peek(5)
		if string(head) == "WARC/" {
			return nil
		}
		line, err := rd.br.ReadSlice('\n')
		skipped = skipped || len(bytes.TrimSpace(line)) > 0
		if err == nil || err == bufio.ErrBufferFull {
			continue
		}
		if rd.gz == nil {
			if err != io.EOF {
				return &RecordError{Offset: off, InMember: in, Err: readErr(err)}
			}
			if skipped {
				return unsynced
			}
			return io.EOF
		}
		// A gzip file: go on at the next member; if this one is corrupt,
		// at the next gzip magic after the point it broke.
		for {
			if err != io.EOF {
				if _, perr := rd.raw.Peek(1); perr != nil {
					return io.EOF // it broke at the end of the file
				}
				if !rd.scanMagic() {
					return unsynced
				}
			}
			if err = rd.nextMember(); err == nil {
				break
			}
			if err == io.EOF {
				if skipped {
					return unsynced
				}
				return io.EOF
			}
		}
		// The member just opened may itself not begin with a record:
		// go on looking line by line.
	}
}

// scanMagic moves the compressed stream to the next gzip magic (1f 8b 08)
// from where it stands, reporting whether there is one. (Each failed try
// to open a member reads its header: the next scan starts further on.)
func (rd *Reader) scanMagic() bool {
	for {
		b, err := rd.raw.Peek(3)
		if len(b) < 3 {
			return false
		}
		if b[0] == 0x1f && b[1] == 0x8b && b[2] == 8 {
			return true
		}
		if i := bytes.IndexByte(b[1:], 0x1f); i >= 0 {
			rd.raw.Discard(1 + i)
		} else {
			rd.raw.Discard(3)
		}
		if err != nil {
			return false
		}
	}
}

// header reads a record's version line and header fields.
func (rd *Reader) header() (*Record, error) {
	budget := maxHeaderBytes
	line, err := rd.line(&budget)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, fmt.Errorf("%w: found %q where a version line (WARC/1.1) should be", errNoRecord, clip(line))
	}
	rec := &Record{Version: line, Header: map[string]string{}}
	last := ""
	for {
		line, err := rd.line(&budget)
		if err != nil {
			return nil, err
		}
		if line == "" {
			break
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			rec.Header[last] += " " + strings.TrimSpace(line) // a folded line
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf("bad header line %q", clip(line))
		}
		last = strings.ToLower(strings.TrimSpace(name))
		if _, seen := rec.Header[last]; !seen {
			rec.Header[last] = strings.TrimSpace(value)
		} else {
			last = "" // a folded line after a repeated name is dropped with it
		}
	}
	cl, ok := rec.Header["content-length"]
	if !ok {
		return nil, errors.New("no Content-Length")
	}
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("bad Content-Length %q", clip(cl))
	}
	rec.Length = n
	return rec, nil
}

// line reads one header line, without its CRLF (or LF), within budget.
func (rd *Reader) line(budget *int) (string, error) {
	var buf []byte
	for {
		part, err := rd.br.ReadSlice('\n')
		*budget -= len(part)
		if *budget < 0 {
			return "", fmt.Errorf("header over %d bytes", maxHeaderBytes)
		}
		buf = append(buf, part...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err == io.EOF {
				err = ErrTruncated
			}
			return "", readErr(err)
		}
		return strings.TrimRight(string(buf), "\r\n"), nil
	}
}

// readErr names a decompression failure as such.
func readErr(err error) error {
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, ErrTruncated):
		return err
	case err == io.ErrUnexpectedEOF:
		return ErrTruncated
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader), errors.As(err, &ce):
		return fmt.Errorf("%w (%v)", ErrCorrupt, err) // not %w: not the payload's own coding
	}
	return err
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// blockReader reads a record's block: n bytes, ErrTruncated if the file
// ends first.
type blockReader struct {
	r       *bufio.Reader
	n       int64
	off, in int64
	err     error
}

func (b *blockReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if b.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > b.n {
		p = p[:b.n]
	}
	n, err := b.r.Read(p)
	b.n -= int64(n)
	if err == io.EOF && b.n > 0 {
		err = ErrTruncated
	}
	if err != nil && err != io.EOF {
		b.err = readErr(err)
		return n, b.err
	}
	return n, nil
}

// Where names the record's place as Record.Where does.
func (e *RecordError) Where() string {
	r := Record{Offset: e.Offset, InMember: e.InMember}
	return r.Where()
}
