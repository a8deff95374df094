// Package pagefiles finds the pages to clean in a directory: by name, or by
// sniffing a file's first KiB for HTML whatever its name (.php, .aspx, no
// extension), reading only regular files.
package pagefiles

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/winnowhq/winnow/internal/regfile"
	"github.com/winnowhq/winnow/internal/warcin"
)

// Entry is one file found by Walk: its path, and why it cannot be read when
// the walk could not read it.
type Entry struct {
	Path string
	Err  error
}

// Walk lists the pages under dir, in lexical order: files named .html, .htm,
// .xhtml, .txt or .warc (optionally .gz), and any other regular file whose
// first KiB looks like HTML or a WARC file (see IsPage). An entry the walk cannot read is listed with
// its error, and the walk goes on. When dir is a symbolic link, the directory
// it names is walked; links met inside the walk are followed to files only,
// and a link to a directory is reported in warnings. skipped counts the files
// that look like neither HTML nor text.
func Walk(dir string) (found []Entry, warnings []string, skipped int) {
	root := dir
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		root = dir + string(filepath.Separator) // walk the directory the link names
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			found = append(found, Entry{Path: p, Err: err})
			return nil // skip what cannot be read, walk on
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			st, err := os.Stat(p)
			switch {
			case err != nil:
				found = append(found, Entry{Path: p, Err: err})
				return nil
			case st.IsDir():
				warnings = append(warnings, fmt.Sprintf("%s: symbolic link to a directory, not followed", p))
				return nil
			}
		}
		switch ok, err := IsPage(p); {
		case err != nil:
			found = append(found, Entry{Path: p, Err: err})
		case ok:
			found = append(found, Entry{Path: p})
		default:
			skipped++
		}
		return nil
	})
	return found, warnings, skipped
}

// IsPage reports whether the file at p is a page to clean (or a WARC file
// of pages): named as one, or holding HTML or a WARC record at its start
// (plain or gzip) whatever its name.
func IsPage(p string) (bool, error) {
	name := strings.TrimSuffix(strings.ToLower(p), ".gz")
	switch filepath.Ext(name) {
	case ".html", ".htm", ".txt", ".xhtml", ".warc":
		return true, nil
	}
	if strings.HasSuffix(strings.ToLower(p), ".gz") {
		return false, nil
	}
	f, err := regfile.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return false, err
	}
	return LooksLikeHTML(head[:n]) || warcin.Sniff(head[:n]), nil
}

// htmlMarkers are what the first KiB of a page holds when a server-side
// script (.php, .aspx) writes a comment or some text before its markup, which
// net/http's sniffer (markup first) does not look past.
var htmlMarkers = [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body")}

// LooksLikeHTML sniffs the start of a file for HTML: net/http's content
// sniffing (the WHATWG algorithm), then the markers of a page anywhere in
// it.
func LooksLikeHTML(head []byte) bool {
	if strings.HasPrefix(http.DetectContentType(head), "text/html") {
		return true
	}
	lower := bytes.ToLower(head)
	for _, m := range htmlMarkers {
		if bytes.Contains(lower, m) {
			return true
		}
	}
	return false
}
