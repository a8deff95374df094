// Package output writes a crawl's output dir: one file per article
// (WriteFile, through a temporary file and a rename), the append-only index
// (Index, or one segment per worker of a shared store), and the lock that
// keeps a second run out (LockFile).
package output

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
	"sort"
	"strings"
	"time"

	"github.com/winnowhq/winnow/metadata"
)

// IndexFile is the name of the append-only index in the output dir. A
// worker of a store shared by several processes writes its own segment instead,
// IndexSegment(worker); see ReadIndex for how the segments merge.
const IndexFile = "index.jsonl"

// LockFile is held (flock) by every run writing to an output dir: exclusively
// by a run on its own state, shared by the workers of a shared store, each
// of which also holds its own .winnow-WORKER.lock exclusively. It holds the
// last holder's pid, host and job, named when a second writer is refused.
const LockFile = ".winnow.lock"

// ErrLocked is returned by Open when another run writes to the same output
// dir (or, on a shared store, another worker of the same name).
var ErrLocked = errors.New("output dir in use")

// IndexSegment is the index file of one worker of a shared store.
func IndexSegment(worker string) string {
	return "index-" + safeName(worker) + ".jsonl"
}

// safeName keeps a worker name a plain file name.
func safeName(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			b[i] = '_'
		}
	}
	return strings.TrimLeft(string(b), ".")
}

// ReadIndex reads the index of an output dir: index.jsonl and every worker
// segment index-*.jsonl. The rule that merges them: every line is one whole
// record (a writer appends a line with one write, and a run cuts a torn
// last line of its own file before writing), lines are ordered by
// fetched_at, and lines with the same fetched_at by file name, then by
// their order in the file. A line that repeats the last kept line of its
// URL (same hash) is left out: see Dedupe. A line that does not parse is an
// error.
func ReadIndex(dir string) ([]IndexLine, error) {
	files, err := filepath.Glob(filepath.Join(dir, "index-*.jsonl"))
	if err != nil {
		return nil, err
	}
	files = append([]string{filepath.Join(dir, IndexFile)}, files...)
	var out []IndexLine
	for _, f := range files {
		b, err := os.ReadFile(f)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for n, line := range bytes.Split(b, []byte{'\n'}) {
			if len(line) == 0 {
				continue
			}
			var il IndexLine
			if err := json.Unmarshal(line, &il); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", f, n+1, err)
			}
			out = append(out, il)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].FetchedAt.Before(out[j].FetchedAt) })
	return Dedupe(out), nil
}

// Dedupe leaves out, from lines in fetched_at order, every line whose URL
// and hash equal those of the last line kept for its URL: the same page
// written twice with nothing changed between. Only a worker of a shared
// crawl that stalls past its lease between writing a batch's lines and
// committing them writes such a line (the worker that took its pages over
// writes them too, and the index is a local file, so no check in the store
// can stop it); a page that changes and changes back keeps all its lines.
// Dedupe works in place and returns the lines kept.
func Dedupe(lines []IndexLine) []IndexLine {
	last := make(map[string]string, len(lines))
	kept := lines[:0]
	for _, l := range lines {
		if h, ok := last[l.URL]; ok && h == l.Hash {
			continue
		}
		last[l.URL] = l.Hash
		kept = append(kept, l)
	}
	return kept
}

// tmpPrefix starts the name of every file being written; a crash leaves at
// most such files behind, and the next run removes them.
const tmpPrefix = ".tmp-"

// IndexLine is one line of index.jsonl: one article written.
type IndexLine struct {
	URL       string    `json:"url"`
	File      string    `json:"file,omitempty"`
	Status    string    `json:"status"` // "new", "changed", or "spam" (no file written)
	FetchedAt time.Time `json:"fetched_at"`
	Title     string    `json:"title,omitempty"`
	Hash      string    `json:"hash"`
	Bytes     int       `json:"bytes"`
	// Text is set in OutputJSONL format only.
	Text string `json:"text,omitempty"`
	// Spam and SpamScore: the page verdict of a page left out as spam.
	Spam      bool    `json:"spam,omitempty"`
	SpamScore float64 `json:"spam_score,omitempty"`
	// Metadata is what the crawler's Extract function read from the page
	// (authors, published, language...), flat in the line.
	metadata.Metadata
}

// Hash is the hash that decides "changed": of title and text together.
func Hash(title, text string) string {
	h := sha256.New()
	io.WriteString(h, title)
	h.Write([]byte{0})
	io.WriteString(h, text)
	return hex.EncodeToString(h.Sum(nil))
}

// FileName derives a stable, readable file name from a canonical URL: host
// and path as a slug, then 10 hex digits of the URL's hash so that URLs
// differing only in their query or in characters dropped from the slug
// never share a file.
func FileName(u string) string {
	sum := sha256.Sum256([]byte(u))
	var slug strings.Builder
	host, rest := "", ""
	if p, err := url.Parse(u); err == nil {
		host, rest = p.Host, p.Path
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

// WriteFile writes data to dir/name through a temporary file and a
// rename, so that a reader or a crash sees the old file or the new one, never
// a torn one. Durability against power loss comes from syncOutput, run once
// per batch before the index lines naming these files are synced.
func WriteFile(dir, name string, data []byte) error {
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

// SameFile reports whether dir/name already holds data: an article whose
// write outlived a crash but whose index line did not is not rewritten.
func SameFile(dir, name string, data []byte) bool {
	old, err := os.ReadFile(filepath.Join(dir, name))
	return err == nil && bytes.Equal(old, data)
}

// Index is the append-only index.jsonl (or this worker's segment). Lines
// are gathered by the crawler's committer and written at checkpoints, each with one
// write(2) on a file opened with O_APPEND, so two writers could never tear
// each other's lines (the lock stops a second one anyway), and a file
// truncated under it (logrotate's copytruncate) gets no hole of NUL bytes;
// then the file is fsync'd. The store's checkpoint records how much of the
// file its URL states reflect.
type Index struct {
	f     *os.File
	dir   string
	size  int64
	locks []*os.File
}

// Open locks the output dir for this run, opens the index for
// appending after cleaning up a crash (temp files removed, a torn last line
// cut off), and returns the complete lines past checkpoint, which the store
// has not seen yet. worker is empty for a run on its own state.
func Open(dir, worker, job string, checkpoint int64) (_ *Index, replay []IndexLine, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("output dir: %w", err)
	}
	x := &Index{dir: dir}
	defer func() {
		if err != nil {
			x.Close()
		}
	}()
	if err := x.lock(worker, job); err != nil {
		return nil, nil, err
	}
	if worker == "" { // a shared dir's temp files may be another worker's
		if tmps, err := filepath.Glob(filepath.Join(dir, tmpPrefix+"*")); err == nil {
			for _, t := range tmps {
				os.Remove(t)
			}
		}
	}
	name := IndexFile
	if worker != "" {
		name = IndexSegment(worker)
	}
	path := filepath.Join(dir, name)
	good, replay, err := repairIndex(path, checkpoint)
	if err != nil {
		return nil, nil, fmt.Errorf("open index %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, nil, fmt.Errorf("open index: %w", err)
	}
	x.f, x.size = f, good
	return x, replay, nil
}

// lock takes the output dir's locks (see LockFile), or names who holds them.
func (x *Index) lock(worker, job string) error {
	host, _ := os.Hostname()
	me := fmt.Sprintf("pid %d on %s, job %q, since %s", os.Getpid(), host, job, time.Now().UTC().Format(time.RFC3339))
	take := func(name string, exclusive bool, holder string) error {
		path := filepath.Join(x.dir, name)
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return fmt.Errorf("lock output dir: %w", err)
		}
		busy, err := flock(f, exclusive)
		if err != nil || busy {
			by, _ := io.ReadAll(io.LimitReader(f, 512))
			f.Close()
			if err != nil {
				return fmt.Errorf("lock output dir %s: %w", x.dir, err)
			}
			who := strings.TrimSpace(string(by))
			if who == "" {
				who = "another process"
			}
			return fmt.Errorf("%w: %s is being written by %s (lock %s)", ErrLocked, x.dir, who, path)
		}
		x.locks = append(x.locks, f)
		if err := f.Truncate(0); err == nil {
			f.WriteAt([]byte(holder+"\n"), 0)
		}
		return nil
	}
	if worker == "" {
		return take(LockFile, true, me)
	}
	if err := take(LockFile, false, fmt.Sprintf("the workers of a shared state (last: worker %q, %s)", worker, me)); err != nil {
		return err
	}
	return take(".winnow-"+safeName(worker)+".lock", true, fmt.Sprintf("worker %q, %s", worker, me))
}

// repairIndex cuts a torn last line (no newline) off the index at path and
// returns its size and its complete lines past checkpoint.
func repairIndex(path string, checkpoint int64) (int64, []IndexLine, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return 0, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, nil, err
	}
	size := fi.Size()
	if checkpoint > size {
		checkpoint = 0 // the index was replaced or truncated by hand: replay it all
	}
	var replay []IndexLine
	if _, err := f.Seek(checkpoint, io.SeekStart); err != nil {
		return 0, nil, err
	}
	br := bufio.NewReader(f)
	good := checkpoint
	for {
		line, err := br.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			break // a line without its newline is torn: cut below
		}
		if err != nil {
			return 0, nil, err
		}
		var il IndexLine
		if json.Unmarshal(line, &il) == nil && il.URL != "" {
			replay = append(replay, il)
		}
		good += int64(len(line))
	}
	if good < size {
		if err := f.Truncate(good); err != nil {
			return 0, nil, err
		}
		if err := f.Sync(); err != nil {
			return 0, nil, err
		}
	}
	return good, replay, nil
}

// Append makes the batch's article files durable, then appends lines (one
// write each) and syncs the index; it returns the new size.
func (x *Index) Append(lines [][]byte) (int64, error) {
	if len(lines) == 0 {
		return x.size, nil
	}
	if err := syncOutput(x.dir); err != nil {
		return x.size, fmt.Errorf("sync output: %w", err)
	}
	for _, l := range lines {
		if _, err := x.f.Write(l); err != nil {
			return x.size, fmt.Errorf("append index: %w", err)
		}
	}
	if err := x.f.Sync(); err != nil {
		return x.size, fmt.Errorf("sync index: %w", err)
	}
	// With O_APPEND the offset is the end of the file, wherever that is
	// now (a copytruncate may have moved it back).
	size, err := x.f.Seek(0, io.SeekCurrent)
	if err != nil {
		return x.size, fmt.Errorf("index size: %w", err)
	}
	x.size = size
	return size, nil
}

// Size is the index's length in bytes, up to its last complete line.
func (x *Index) Size() int64 { return x.size }

// Close closes the index and releases the output dir's locks.
func (x *Index) Close() error {
	var err error
	if x.f != nil {
		err = x.f.Close()
	}
	for _, l := range x.locks {
		l.Close() // closing releases the flock
	}
	return err
}
