package batch

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/winnowhq/winnow/internal/pagefiles"
)

// Input is one thing to clean, as named on the command line or found in a
// directory.
type Input struct {
	Source string // as the user wrote it, or the path found by walking
	IsURL  bool
	Err    error // why it cannot be read, found while walking: reported as its Outcome
}

// ErrStdinTwice is Expand's error for arguments naming standard input ("-")
// more than once.
var ErrStdinTwice = errors.New(`"-" (standard input) given more than once`)

// IsURL reports an argument that names a page to fetch: an http or https
// URL, the scheme in any case.
func IsURL(a string) bool {
	s, ok := urlScheme(a)
	return ok && (strings.EqualFold(s, "http") || strings.EqualFold(s, "https"))
}

// urlScheme returns the scheme of an argument written as an address,
// "scheme://..." (RFC 3986 3.1: a letter, then letters, digits, "+", "-"
// and "."), and whether it is one.
func urlScheme(a string) (string, bool) {
	s, _, ok := strings.Cut(a, "://")
	if !ok || s == "" {
		return "", false
	}
	for i, c := range s {
		letter := 'a' <= c|0x20 && c|0x20 <= 'z'
		if !letter && (i == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return "", false
		}
	}
	return s, true
}

// Expand turns arguments into inputs. Directories are walked for pages by
// pagefiles.Walk: files named .html, .htm, .xhtml, .txt or .warc (optionally
// .gz), and any other regular file whose first KiB looks like HTML (.php,
// .aspx, no extension). An entry the walk cannot read becomes an input
// failing with that error, and the walk goes on. A directory named through
// a symbolic link is walked; links met inside a walk are followed to files
// only. An empty directory is an input whose Outcome is the warning
// ErrNoPages. What else deserves a word but is no failure (a link to a
// directory inside a walk) is returned in warnings, what is only worth
// knowing (files skipped as not pages) in notes. "-" (standard input) may
// be given once.
func Expand(args []string) (inputs []Input, warnings, notes []string, err error) {
	stdin := false
	for _, a := range args {
		if a == "-" {
			if stdin {
				return nil, nil, nil, ErrStdinTwice
			}
			stdin = true
			inputs = append(inputs, Input{Source: "-"})
			continue
		}
		if IsURL(a) {
			inputs = append(inputs, Input{Source: a, IsURL: true})
			continue
		}
		st, err := os.Stat(a)
		if s, ok := urlScheme(a); ok && err != nil {
			// An address of a scheme not fetched, naming no file either.
			inputs = append(inputs, Input{Source: a, Err: fmt.Errorf("%s: unsupported URL scheme %q: only http and https are fetched", a, s)})
			continue
		}
		if err != nil || !st.IsDir() {
			inputs = append(inputs, Input{Source: a}) // a missing or special file is reported per input
			continue
		}
		entries, warns, skipped := pagefiles.Walk(a)
		found := make([]Input, 0, len(entries))
		for _, e := range entries {
			found = append(found, Input{Source: e.Path, Err: e.Err})
		}
		warnings = append(warnings, warns...)
		if skipped > 0 {
			notes = append(notes, fmt.Sprintf("%s: %d files skipped that look like neither HTML nor text", a, skipped))
		}
		if len(found) == 0 {
			// An Outcome of its own, so that jsonl has a line saying so.
			found = append(found, Input{Source: a, Err: ErrNoPages})
		}
		inputs = append(inputs, found...)
	}
	return inputs, warnings, notes, nil
}
