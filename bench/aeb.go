// Package bench measures winnow against its baselines: the Article
// Extraction Benchmark pages (../shared/bench/aeb) and the noise corpus of
// package noise. The commands live in cmd/aeb and cmd/noise; the quality gate
// is gate_test.go, with its pinned figures in gate.json.
//
// Scoring policy: the benchmark's ground truth (articleBody) never starts
// with the page title, so every system is scored on its body text alone,
// without a title prepended.
package bench

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/winnowhq/winnow/clean"
)

// DefaultAEBDir is where the benchmark pages live, relative to the bench
// module directory: /work/shared/bench/aeb when the repository is /work/main.
const DefaultAEBDir = "../../shared/bench/aeb"

// AEBDirEnv names the environment variable that, when set, overrides
// DefaultAEBDir in the quality gate.
const AEBDirEnv = "WINNOW_AEB_DIR"

// AEBDir returns the benchmark folder: $WINNOW_AEB_DIR, or DefaultAEBDir.
func AEBDir() string { return envDir(AEBDirEnv, DefaultAEBDir) }

// envDir returns the folder the environment variable env names, or def
// when it is unset or empty.
func envDir(env, def string) string {
	if d := os.Getenv(env); d != "" {
		return d
	}
	return def
}

// MaxPageBytes caps one page after decompression, as winnow's default does.
const MaxPageBytes = 16 << 20

// ErrNoAEB is returned by LoadAEB when the benchmark folder is absent.
var ErrNoAEB = errors.New("benchmark folder absent")

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

// LoadAEB reads every page of the benchmark in dir, sorted by id. It returns
// an error wrapping ErrNoAEB when dir or its ground truth does not exist.
func LoadAEB(dir string) ([]Page, error) {
	gtPath := filepath.Join(dir, "ground-truth.json")
	data, err := os.ReadFile(gtPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", gtPath, ErrNoAEB)
	}
	if err != nil {
		return nil, fmt.Errorf("read ground truth: %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(data, &gt); err != nil {
		return nil, fmt.Errorf("read ground truth %s: %w", gtPath, err)
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := make([]Page, 0, len(ids))
	for _, id := range ids {
		body, err := readPage(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, fmt.Errorf("page %s: %w", id, err)
		}
		pages = append(pages, Page{ID: id, URL: gt[id].URL, HTML: body, Truth: gt[id].ArticleBody})
	}
	return pages, nil
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

// ByID returns the page with the given id.
func ByID(pages []Page, id string) (Page, bool) {
	for _, p := range pages {
		if MatchID(p.ID, id) {
			return p, true
		}
	}
	return Page{}, false
}

// MatchID reports whether id names the page pageID: the whole id, or a
// prefix of at least 8 characters.
func MatchID(pageID, id string) bool {
	return pageID == id || strings.HasPrefix(pageID, id) && len(id) >= 8
}
