// Package yamlpos reads hand-written YAML configuration (rule files, crawl
// job files) strictly, reporting every problem with its file:line:col.
//
// A Reader parses one file into go.yaml.in/yaml/v4 nodes and offers typed
// accessors on them. Nothing stops at the first problem: each accessor
// records an error at the node's position and returns a zero value, so that
// one pass reports everything wrong with a file, as an ErrorList:
//
//	r := yamlpos.NewReader("rules/spam.yaml")
//	root := r.Parse(data) // nil when empty or not YAML (the error is recorded)
//	r.Mapping(root, "file", yamlpos.Fields{
//		"name":  func(n *yaml.Node) { name = r.String(n, "name") },
//		"limit": func(n *yaml.Node) { limit = r.Int(n, "limit", 0, 100) },
//	})
//	if err := r.Err(); err != nil {
//		return err // rules/spam.yaml:12:5: limit: expected a whole number from 0 to 100, got "lots"
//	}
//
// Strict means: an unknown key, a duplicate key (where yaml nodes keep
// both and a naive walker silently takes the last), a second document, an
// alias, or a value of the wrong kind is an error. Syntax errors carry the
// line and column the yaml package (v4) names, and the construct it was in.
//
// Hand-written on the yaml package's nodes because its Decoder's KnownFields
// mode stops at the first problem and positions none of the value checks
// (bad regex, out of range) that configuration needs.
package yamlpos

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"
)

// Reader reads one YAML file and collects the errors found in it. It is not
// safe for concurrent use.
type Reader struct {
	file string
	errs ErrorList
}

// NewReader returns a Reader for the file named file (as the user should
// read it in errors, e.g. "rules/spam.yaml").
func NewReader(file string) *Reader { return &Reader{file: file} }

// Parse parses data, which must hold at most one YAML document, and returns
// its root node: nil when the document is empty, or on a syntax error (then
// recorded).
func (r *Reader) Parse(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if !errors.Is(err, io.EOF) {
			r.syntax(err, data)
		}
		return nil
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		r.Errorf(&next, "a second YAML document: want one per file")
	case !errors.Is(err, io.EOF):
		r.syntax(err, data)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil // a file of comments only
	}
	return root
}

// Root parses data as Parse does and returns its root node, or an error:
// the syntax errors recorded, or "FILE: empty WHAT" when the document holds
// nothing (what names the kind of file, e.g. "vocabulary file").
func (r *Reader) Root(data []byte, what string) (*yaml.Node, error) {
	root := r.Parse(data)
	if root != nil {
		return root, nil
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("%s: empty %s", r.file, what)
}

var yamlErrRx = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// syntax records an error of the yaml package at the line and column it
// names (a *yaml.LoadError carries both, 1-based, and the construct it was
// reading: "while parsing a flow mapping" and where that began, which is
// where an unclosed bracket is), or at the line its text names. data, when
// known, is the text parsed: a tab where the yaml package stopped is named,
// since its "found character that cannot start any token" does not say which.
func (r *Reader) syntax(err error, data []byte) {
	pos, msg := Pos{File: r.file}, err.Error()
	var le *yaml.LoadError
	switch {
	case errors.As(err, &le):
		pos.Line, pos.Col, msg = le.Mark.Line, le.Mark.Column, le.Message
		if i := le.Mark.Index; i >= 0 && i < len(data) && data[i] == '\t' && !strings.Contains(msg, "tab") {
			msg += " (a tab: YAML indents with spaces)"
		}
		if c := le.ContextMark; le.ContextMsg != "" && c.Line > 0 && c.Line != le.Mark.Line {
			msg += fmt.Sprintf(" (%s from %d:%d)", le.ContextMsg, c.Line, c.Column)
		}
	default:
		if m := yamlErrRx.FindStringSubmatch(msg); m != nil {
			pos.Line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
	}
	r.errs.Add(pos, "bad YAML: %s", msg)
}

// File is the file name given to NewReader.
func (r *Reader) File() string { return r.file }

// Pos is the position of n.
func (r *Reader) Pos(n *yaml.Node) Pos { return Pos{File: r.file, Line: n.Line, Col: n.Column} }

// Errorf records an error at n's position.
func (r *Reader) Errorf(n *yaml.Node, format string, args ...any) {
	r.errs.Add(r.Pos(n), format, args...)
}

// ErrorfAt records an error at pos.
func (r *Reader) ErrorfAt(pos Pos, format string, args ...any) {
	r.errs.Add(pos, format, args...)
}

// NumErrors is the number of errors recorded so far: compare it before and
// after reading a part to know whether that part was sound.
func (r *Reader) NumErrors() int { return len(r.errs) }

// Errors returns the errors recorded so far, unsorted.
func (r *Reader) Errors() ErrorList { return r.errs }

// Err returns the recorded errors as a sorted ErrorList, or nil when there
// are none.
func (r *Reader) Err() error { return r.errs.Err() }

// Fields maps each key a mapping may hold to the function that reads its
// value.
type Fields map[string]func(v *yaml.Node)

// Mapping reads the mapping n, calling fields[key] on the value of each key,
// in document order. what names the mapping in errors ("rule", "scope").
// A node that is not a mapping, a key that fields does not hold, and a key
// given twice are errors; the value of a duplicate key is not read. It
// returns the keys present.
func (r *Reader) Mapping(n *yaml.Node, what string, fields Fields) map[string]bool {
	seen := map[string]bool{}
	if n.Kind != yaml.MappingNode {
		r.Errorf(n, "%s: expected a mapping, got %s", what, KindName(n))
		return seen
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		read, ok := fields[k.Value]
		switch {
		case k.Kind != yaml.ScalarNode:
			r.Errorf(k, "%s: a key must be a plain word, got %s", what, KindName(k))
		case !ok:
			r.Errorf(k, "unknown key %q in %s (want: %s)", k.Value, what, strings.Join(keys(fields), ", "))
		case seen[k.Value]:
			r.Errorf(k, "duplicate key %q in %s", k.Value, what)
		default:
			seen[k.Value] = true
			read(v)
		}
	}
	return seen
}

// Pairs reads a mapping whose keys are names of the file's own (languages,
// hosts), calling f on each key and its value in document order. A node
// that is not a mapping, a key that is not a plain scalar and a key given
// twice are errors; the value of a duplicate key is not read.
func (r *Reader) Pairs(n *yaml.Node, what string, f func(key string, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		r.Errorf(n, "%s: expected a mapping, got %s", what, KindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		switch {
		case k.Kind != yaml.ScalarNode || k.Value == "":
			r.Errorf(k, "%s: a key must be a plain word, got %s", what, KindName(k))
		case seen[k.Value]:
			r.Errorf(k, "duplicate key %q in %s", k.Value, what)
		default:
			seen[k.Value] = true
			f(k.Value, n.Content[i+1])
		}
	}
}

// Require reports each of keys that the mapping n does not hold; seen is
// what Mapping returned for n.
func (r *Reader) Require(n *yaml.Node, what string, seen map[string]bool, keys ...string) {
	if n.Kind != yaml.MappingNode {
		return // Mapping said so
	}
	for _, k := range keys {
		if !seen[k] {
			r.Errorf(n, "%s: missing key %q", what, k)
		}
	}
}

// keys are the keys of fields in sorted order.
func keys(fields Fields) []string {
	out := make([]string, 0, len(fields))
	for k := range fields {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// List returns the items of n: the items of a sequence, or n itself when it
// is a single scalar (so that `hosts: a.com` reads as `hosts: [a.com]`).
// Anything else is an error and yields nil.
func (r *Reader) List(n *yaml.Node, what string) []*yaml.Node {
	switch n.Kind {
	case yaml.SequenceNode:
		return n.Content
	case yaml.ScalarNode:
		return []*yaml.Node{n}
	}
	r.Errorf(n, "%s: expected a list, got %s", what, KindName(n))
	return nil
}

// Sequence returns the items of the sequence n; anything else, a single
// scalar included, is an error and yields nil.
func (r *Reader) Sequence(n *yaml.Node, what string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		r.Errorf(n, "%s: expected a list, got %s", what, KindName(n))
		return nil
	}
	return n.Content
}

// String reads a scalar as a string. Numbers are taken as written (a
// version "1.10" stays "1.10"); an empty value is "".
func (r *Reader) String(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode {
		r.Errorf(n, "%s: expected a string, got %s", what, KindName(n))
		return ""
	}
	return n.Value
}

// Strings reads a scalar or a list of scalars.
func (r *Reader) Strings(n *yaml.Node, what string) []string {
	items := r.List(n, what)
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, r.String(it, what))
	}
	return out
}

// StringList reads a list of scalars that must not be empty (a word list
// the reader draws from); a single scalar is an error, as for Sequence.
func (r *Reader) StringList(n *yaml.Node, what string) []string {
	items := r.Sequence(n, what)
	if n.Kind == yaml.SequenceNode && len(items) == 0 {
		r.Errorf(n, "%s: empty list", what)
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, r.String(it, what))
	}
	return out
}

// Bool reads true or false (any case yaml accepts as a boolean).
func (r *Reader) Bool(n *yaml.Node, what string) bool {
	if n.Kind == yaml.ScalarNode {
		if b, err := strconv.ParseBool(n.Value); err == nil {
			return b
		}
	}
	r.Errorf(n, "%s: expected true or false, got %s", what, KindName(n))
	return false
}

// Int reads a whole number from lo to hi.
func (r *Reader) Int(n *yaml.Node, what string, lo, hi int) int {
	if n.Kind == yaml.ScalarNode {
		if v, err := strconv.Atoi(n.Value); err == nil && v >= lo && v <= hi {
			return v
		}
	}
	r.Errorf(n, "%s: expected a whole number from %d to %d, got %s", what, lo, hi, KindName(n))
	return lo
}

// Float reads a number from lo to hi.
func (r *Reader) Float(n *yaml.Node, what string, lo, hi float64) float64 {
	if n.Kind == yaml.ScalarNode {
		if v, err := strconv.ParseFloat(n.Value, 64); err == nil && v >= lo && v <= hi {
			return v
		}
	}
	r.Errorf(n, "%s: expected a number from %g to %g, got %s", what, lo, hi, KindName(n))
	return lo
}

// Duration reads a Go duration (500ms, 2s, 1h30m) of at least min.
func (r *Reader) Duration(n *yaml.Node, what string, min time.Duration) time.Duration {
	if n.Kind == yaml.ScalarNode {
		if d, err := time.ParseDuration(n.Value); err == nil && d >= min {
			return d
		}
	}
	r.Errorf(n, "%s: expected a duration of at least %s such as 500ms, 2s or 1m, got %s", what, min, KindName(n))
	return min
}

// Regexp compiles a scalar as a regular expression (RE2 syntax); an empty
// one is an error, as it would match everything.
func (r *Reader) Regexp(n *yaml.Node, what string) *regexp.Regexp {
	s := r.String(n, what)
	if s == "" {
		if n.Kind == yaml.ScalarNode {
			r.Errorf(n, "%s: empty regex", what)
		}
		return nil
	}
	rx, err := regexp.Compile(s)
	if err != nil {
		r.Errorf(n, "bad regex in %s: %s", what, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		return nil
	}
	return rx
}

// Enum reads a scalar that must be one of choices and returns its index, or
// -1 (after recording an error).
func (r *Reader) Enum(n *yaml.Node, what string, choices ...string) int {
	s := r.String(n, what)
	if i := slices.Index(choices, s); i >= 0 && n.Kind == yaml.ScalarNode {
		return i
	}
	if n.Kind == yaml.ScalarNode {
		r.Errorf(n, "unknown %s %q (want %s)", what, s, orList(choices))
	}
	return -1
}

// orList is "a", "a or b", "a, b or c".
func orList(s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// KindName describes a node in errors: a scalar by its value, quoted.
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}
