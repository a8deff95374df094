package main

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
)

// input is one thing to clean, as named on the command line or found in a
// directory.
type input struct {
	source string // as the user wrote it, or the path found by walking
	isURL  bool
	err    error // why it cannot be read, found while walking: reported as its outcome
}

// expandInputs turns arguments into inputs. Directories are walked, in
// lexical order, for pages: files named .html, .htm, .xhtml or .txt
// (optionally .gz), and any other regular file whose first KiB looks like
// HTML (.php, .aspx, no extension). An entry the walk cannot read becomes an
// input failing with that error, and the walk goes on. A directory named
// through a symbolic link is walked; links met inside a walk are followed to
// files only. An empty directory is an input whose outcome is the warning
// errNoPages. What else deserves a word but is no failure (a link to a
// directory inside a walk) is returned in warnings, what is only
// worth knowing (files skipped as not pages) in notes. "-" (standard input)
// may be given once.
func expandInputs(args []string) (inputs []input, warnings, notes []string, err error) {
	stdin := false
	for _, a := range args {
		if a == "-" {
			if stdin {
				return nil, nil, nil, &usageError{`clean: "-" (standard input) given more than once`}
			}
			stdin = true
			inputs = append(inputs, input{source: "-"})
			continue
		}
		if strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
			inputs = append(inputs, input{source: a, isURL: true})
			continue
		}
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			inputs = append(inputs, input{source: a}) // a missing or special file is reported per input
			continue
		}
		found, warns, skipped := walkPages(a)
		warnings = append(warnings, warns...)
		if skipped > 0 {
			notes = append(notes, fmt.Sprintf("%s: %d files skipped that look like neither HTML nor text", a, skipped))
		}
		if len(found) == 0 {
			// An outcome of its own, so that jsonl has a line saying so.
			found = append(found, input{source: a, err: errNoPages})
		}
		inputs = append(inputs, found...)
	}
	return inputs, warnings, notes, nil
}

// walkPages lists the pages under dir (see expandInputs).
func walkPages(dir string) (found []input, warnings []string, skipped int) {
	root := dir
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		root = dir + string(filepath.Separator) // walk the directory the link names
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			found = append(found, input{source: p, err: err})
			return nil // skip what cannot be read, walk on
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			st, err := os.Stat(p)
			switch {
			case err != nil:
				found = append(found, input{source: p, err: err})
				return nil
			case st.IsDir():
				warnings = append(warnings, fmt.Sprintf("%s: symbolic link to a directory, not followed", p))
				return nil
			}
		}
		switch ok, err := isPage(p); {
		case err != nil:
			found = append(found, input{source: p, err: err})
		case ok:
			found = append(found, input{source: p})
		default:
			skipped++
		}
		return nil
	})
	return found, warnings, skipped
}

// isPage reports whether the file at p is a page to clean: named as one, or
// holding HTML at its start whatever its name.
func isPage(p string) (bool, error) {
	name := strings.TrimSuffix(strings.ToLower(p), ".gz")
	switch filepath.Ext(name) {
	case ".html", ".htm", ".txt", ".xhtml":
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
	return looksLikeHTML(head[:n]), nil
}

// htmlMarkers are what the first KiB of a page holds when a server-side
// script (.php, .aspx) writes a comment or some text before its markup, which
// net/http's sniffer (markup first) does not look past.
var htmlMarkers = [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body")}

// looksLikeHTML sniffs the start of a file for HTML: net/http's content
// sniffing (the WHATWG algorithm), then the markers of a page anywhere in
// it.
func looksLikeHTML(head []byte) bool {
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
