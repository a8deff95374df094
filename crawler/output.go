package crawler

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/winnowhq/winnow/metadata"
)

// IndexFile is the name of the append-only index in the output dir.
const IndexFile = "index.jsonl"

// tmpPrefix starts the name of every file being written; a crash leaves at
// most such files behind, and the next run removes them.
const tmpPrefix = ".tmp-"

// IndexLine is one line of index.jsonl: one article written.
type IndexLine struct {
	URL       string    `json:"url"`
	File      string    `json:"file,omitempty"`
	Status    string    `json:"status"` // "new" or "changed"
	FetchedAt time.Time `json:"fetched_at"`
	Title     string    `json:"title,omitempty"`
	Hash      string    `json:"hash"`
	Bytes     int       `json:"bytes"`
	// Text is set in OutputJSONL format only.
	Text string `json:"text,omitempty"`
	// Metadata is what Extract read from the page (authors, published,
	// language...), flat in the line.
	metadata.Metadata
}

// hostOf returns the host[:port] of a canonical URL.
func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Host
}

// textHash is the hash that decides "changed": of title and text together.
func textHash(title, text string) string {
	h := sha256.New()
	io.WriteString(h, title)
	h.Write([]byte{0})
	io.WriteString(h, text)
	return hex.EncodeToString(h.Sum(nil))
}

// fileName derives a stable, readable file name from a canonical URL: host
// and path as a slug, then 10 hex digits of the URL's hash so that URLs
// differing only in their query or in characters dropped from the slug
// never share a file.
func fileName(u string) string {
	sum := sha256.Sum256([]byte(u))
	var slug strings.Builder
	host, rest := hostOf(u), ""
	if p, err := url.Parse(u); err == nil {
		rest = p.Path
	}
	dash := false
	for _, r := range strings.ToLower(host + "/" + rest) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			slug.WriteRune(r)
			dash = false
		case r == '.' || r == '-' || r == '_':
			slug.WriteRune(r)
			dash = false
		default:
			if !dash {
				slug.WriteByte('_')
				dash = true
			}
		}
		if slug.Len() >= 100 {
			break
		}
	}
	s := strings.Trim(slug.String(), "_.-")
	return s + "-" + hex.EncodeToString(sum[:5]) + ".txt"
}

// writeFileAtomic writes data to dir/name through a temporary file and a
// rename, so that a reader or a crash sees the old file or the new one, never
// a torn one. Durability against power loss comes from syncOutput, run once
// per batch before the index lines naming these files are synced.
func writeFileAtomic(dir, name string, data []byte) error {
	f, err := os.CreateTemp(dir, tmpPrefix+"*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil && perFileSync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// sameFile reports whether dir/name already holds data: an article whose
// write outlived a crash but whose index line did not is not rewritten.
func sameFile(dir, name string, data []byte) bool {
	old, err := os.ReadFile(filepath.Join(dir, name))
	return err == nil && bytes.Equal(old, data)
}

// index is the append-only index.jsonl. Lines are buffered and written and
// fsync'd in batches by the committer; the store's checkpoint records how
// much of the file its URL states reflect.
type index struct {
	f    *os.File
	dir  string
	size int64
}

// openIndex opens the index for appending after cleaning up a crash: temp
// files are removed and a torn last line (no newline) is cut off. It returns
// the complete lines past checkpoint, which the store has not seen yet.
func openIndex(dir string, checkpoint int64) (*index, []IndexLine, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("output dir: %w", err)
	}
	if tmps, err := filepath.Glob(filepath.Join(dir, tmpPrefix+"*")); err == nil {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	path := filepath.Join(dir, IndexFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, nil, fmt.Errorf("open index: %w", err)
	}
	fail := func(err error) (*index, []IndexLine, error) {
		f.Close()
		return nil, nil, fmt.Errorf("open index %s: %w", path, err)
	}
	fi, err := f.Stat()
	if err != nil {
		return fail(err)
	}
	size := fi.Size()
	if checkpoint > size {
		checkpoint = 0 // the index was replaced or truncated by hand: replay it all
	}
	var replay []IndexLine
	if _, err := f.Seek(checkpoint, io.SeekStart); err != nil {
		return fail(err)
	}
	br := bufio.NewReader(f)
	good := checkpoint
	for {
		line, err := br.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			break // a line without its newline is torn: cut below
		}
		if err != nil {
			return fail(err)
		}
		var il IndexLine
		if json.Unmarshal(line, &il) == nil && il.URL != "" {
			replay = append(replay, il)
		}
		good += int64(len(line))
	}
	if good < size {
		if err := f.Truncate(good); err != nil {
			return fail(err)
		}
		if err := f.Sync(); err != nil {
			return fail(err)
		}
	}
	if _, err := f.Seek(good, io.SeekStart); err != nil {
		return fail(err)
	}
	return &index{f: f, dir: dir, size: good}, replay, nil
}

// append makes the batch's article files durable, then writes lines and
// syncs the index; it returns the new size.
func (x *index) append(lines [][]byte) (int64, error) {
	if len(lines) == 0 {
		return x.size, nil
	}
	if err := syncOutput(x.dir); err != nil {
		return x.size, fmt.Errorf("sync output: %w", err)
	}
	buf := bytes.Join(lines, nil)
	n, err := x.f.Write(buf)
	x.size += int64(n)
	if err != nil {
		return x.size, fmt.Errorf("append index: %w", err)
	}
	if err := x.f.Sync(); err != nil {
		return x.size, fmt.Errorf("sync index: %w", err)
	}
	return x.size, nil
}

func (x *index) close() error { return x.f.Close() }
