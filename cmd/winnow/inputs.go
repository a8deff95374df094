package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/winnowhq/winnow/internal/pagefiles"
)

// input is one thing to clean, as named on the command line or found in a
// directory.
type input struct {
	source string // as the user wrote it, or the path found by walking
	isURL  bool
	err    error // why it cannot be read, found while walking: reported as its outcome
}

// expandInputs turns arguments into inputs. Directories are walked for pages
// by pagefiles.Walk: files named .html, .htm, .xhtml, .txt or .warc (optionally
// .gz), and any other regular file whose first KiB looks like HTML (.php,
// .aspx, no extension). An entry the walk cannot read becomes an
// input failing with that error, and the walk goes on. A directory named
// through a symbolic link is walked; links met inside a walk are followed to
// files only. An empty directory is an input whose outcome is the warning
// errNoPages. What else deserves a word but is no failure (a link to a
// directory inside a walk) is returned in warnings, what is only
// worth knowing (files skipped as not pages) in notes. "-" (standard input)
// may be given once.
// isURLArg reports an argument that names a page to fetch.
func isURLArg(a string) bool {
	return strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://")
}

// isDirArg reports an argument that names a directory.
func isDirArg(a string) bool {
	st, err := os.Stat(a)
	return err == nil && st.IsDir()
}

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
		if isURLArg(a) {
			inputs = append(inputs, input{source: a, isURL: true})
			continue
		}
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			inputs = append(inputs, input{source: a}) // a missing or special file is reported per input
			continue
		}
		entries, warns, skipped := pagefiles.Walk(a)
		found := make([]input, 0, len(entries))
		for _, e := range entries {
			found = append(found, input{source: e.Path, err: e.Err})
		}
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
