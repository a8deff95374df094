// Package bench measures winnow against its baselines: the Article
// Extraction Benchmark pages (../shared/bench/aeb, aeb.go), the development
// split of the Web Content Extraction Benchmark (../shared/bench/wcxb,
// wcxb.go) and the noise corpus of package noise. Every page goes through
// one front end (page.go). The commands live in cmd/ (aeb, wcxb, noise,
// meta and the rest); the quality gates are gate_test.go and
// spamgate_test.go, with their pinned figures in gate.json and
// spamgate.json.
//
// Scoring policy: the benchmark's ground truth (articleBody) never starts
// with the page title, so every system is scored on its body text alone,
// without a title prepended.
package bench

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/winnowhq/winnow/clean"
)

// envDir returns the folder the environment variable env names, or def
// when it is unset or empty.
func envDir(env, def string) string {
	if d := os.Getenv(env); d != "" {
		return d
	}
	return def
}

// ErrAbsent is returned by LoadAEB and LoadWCXB when the benchmark folder
// is absent: the folders live outside the repository, and a command or gate
// without one is skipped rather than failed.
var ErrAbsent = errors.New("benchmark folder absent")

// MaxPageBytes caps one page after decompression, as winnow's default does.
const MaxPageBytes = 16 << 20

// Page is one benchmark page after the common front end: gunzipped and
// decoded to UTF-8 by clean.Decode.
type Page struct {
	ID   string
	URL  string
	HTML []byte // UTF-8; nil until Read for a page loaded lazily
	// Truth is the human-labelled main text (AEB's articleBody, WCXB's
	// main_content).
	Truth string
	// file is the compressed page, read by Read when HTML is nil.
	file string
}

// Read returns the page's UTF-8 HTML: HTML when loaded, else its file read
// through the common front end. Large benchmarks load lazily, so that their
// pages are never all in memory at once.
func (p Page) Read() ([]byte, error) {
	if p.HTML != nil || p.file == "" {
		return p.HTML, nil
	}
	b, err := readPage(p.file)
	if err != nil {
		return nil, fmt.Errorf("page %s: %w", p.ID, err)
	}
	return b, nil
}

// readPage is the common front end: gunzip, then charset decoding to UTF-8.
func readPage(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r io.Reader = bytes.NewReader(raw)
	if bytes.HasPrefix(raw, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	return Decode(r, "")
}

// Decode is the front end shared by every system: winnow's charset decoding
// to UTF-8 with the page size cap.
func Decode(r io.Reader, contentType string) ([]byte, error) {
	b, err := clean.Decode(r, contentType, MaxPageBytes)
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	return b, nil
}

// MatchID reports whether id names the page pageID: the whole id, or a
// prefix of at least 8 characters.
func MatchID(pageID, id string) bool {
	return pageID == id || strings.HasPrefix(pageID, id) && len(id) >= 8
}
