package clean

import (
	"io"

	"github.com/winnowhq/winnow/internal/input"
)

// DefaultMaxBytes is the default cap on one input, after decompression.
const DefaultMaxBytes = 16 << 20

// Decode reads one page from r and returns it as UTF-8: gzip is detected by
// its magic bytes and decompressed, at most maxBytes bytes are accepted after
// decompression (ErrTooLarge beyond; 0 or less: DefaultMaxBytes), binary
// data is ErrBinary, and the charset is found and decoded as
// internal/toutf8 says: a byte-order mark, contentType, a <meta>
// declaration, UTF-16 or UTF-32 without a mark, valid UTF-8, else
// windows-1252.
func Decode(r io.Reader, contentType string, maxBytes int64) ([]byte, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	return input.Read(r, contentType, maxBytes)
}
