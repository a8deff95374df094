package yamlpos_test

import (
	"errors"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/winnowhq/winnow/internal/yamlpos"
)

// read parses src as a small config (name, limit, tags, on, sub.rx) and
// returns the error list as text.
func read(src string) (string, map[string]any) {
	r := yamlpos.NewReader("c.yaml")
	got := map[string]any{}
	root := r.Parse([]byte(src))
	if root != nil {
		r.Mapping(root, "config", yamlpos.Fields{
			"name":  func(n *yaml.Node) { got["name"] = r.String(n, "name") },
			"limit": func(n *yaml.Node) { got["limit"] = r.Int(n, "limit", 0, 100) },
			"tags":  func(n *yaml.Node) { got["tags"] = r.Strings(n, "tags") },
			"on":    func(n *yaml.Node) { got["on"] = r.Bool(n, "on") },
			"mode":  func(n *yaml.Node) { got["mode"] = r.Enum(n, "mode", "fast", "slow") },
			"sub": func(n *yaml.Node) {
				r.Mapping(n, "sub", yamlpos.Fields{
					"rx": func(n *yaml.Node) { got["rx"] = r.Regexp(n, "rx") },
				})
			},
		})
	}
	if err := r.Err(); err != nil {
		return err.Error(), got
	}
	return "", got
}

func TestReader_Errors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"ok", "name: a\nlimit: 5\ntags: [x, y]\non: true\nmode: slow\nsub: {rx: '^a'}\n", ""},
		{"empty", "", ""},
		{"comments only", "# nothing\n", ""},
		{"duplicate key", "name: a\nname: b\n", `c.yaml:2:1: duplicate key "name" in config`},
		{"unknown key", "name: a\ncolour: red\n", `c.yaml:2:1: unknown key "colour" in config (want: limit, mode, name, on, sub, tags)`},
		{"nested unknown key", "sub:\n  rx: a\n  ry: b\n", `c.yaml:3:3: unknown key "ry" in sub (want: rx)`},
		{"bad int", "limit: lots\n", `c.yaml:1:8: limit: expected a whole number from 0 to 100, got "lots"`},
		{"int out of range", "limit: 101\n", `c.yaml:1:8: limit: expected a whole number from 0 to 100, got "101"`},
		{"bad bool", "on: maybe\n", `c.yaml:1:5: on: expected true or false, got "maybe"`},
		{"bad enum", "mode: medium\n", `c.yaml:1:7: unknown mode "medium" (want fast or slow)`},
		{"bad regex", "sub: {rx: '(a'}\n", "c.yaml:1:11: bad regex in rx: missing closing ): `(a`"},
		{"empty regex", "sub: {rx: ''}\n", "c.yaml:1:11: rx: empty regex"},
		{"not a mapping", "- a\n- b\n", `c.yaml:1:1: config: expected a mapping, got a list`},
		{"string wanted", "name: [a]\n", `c.yaml:1:7: name: expected a string, got a list`},
		{"alias", "name: &x a\nlimit: *x\n", `c.yaml:2:8: limit: expected a whole number from 0 to 100, got an alias`},
		{"second document", "name: a\n---\nname: b\n", `c.yaml:2:1: a second YAML document: want one per file`},
		{"syntax", "name: a\n  limit: 5\n", `c.yaml:2:8: bad YAML: mapping values are not allowed in this context`},
		// Syntax errors at the line and column of the offending character,
		// with where the construct being read began when that is another
		// line (an unclosed bracket).
		{"parser: bad indent", "name: a\ntags:\n  - x\n - y\n", `c.yaml:4:2: bad YAML: did not find expected key (while parsing a block mapping from 1:1)`},
		{"parser: list in a mapping", "name: a\nlimit: 5\n- x\n", `c.yaml:3:1: bad YAML: did not find expected key (while parsing a block mapping from 1:1)`},
		{"parser: unclosed flow mapping", "name: a\nsub: {rx: a\nlimit: 5\n", `c.yaml:3:6: bad YAML: did not find expected ',' or '}' (while parsing a flow mapping from 2:6)`},
		{"scanner: tab indent", "name: a\nsub:\n\trx: a\n", `c.yaml:3:1: bad YAML: found character that cannot start any token (a tab: YAML indents with spaces)`},
		{"scanner: tab after a key", "name: a\nsub:\n  rx:\ta\n  ry: b\n\tlimit: 5\n", `c.yaml:5:1: bad YAML: found a tab character that violates indentation (while scanning a plain scalar from 4:7)`},
		{"scanner: unclosed quote", "name: \"a\nlimit: 5\n", `c.yaml:3:1: bad YAML: found unexpected end of stream (while scanning a quoted scalar from 1:7)`},
		{"all at once, sorted", "on: maybe\nname: a\nname: b\nlimit: x\n", strings.Join([]string{
			`c.yaml:1:5: on: expected true or false, got "maybe"`,
			`c.yaml:3:1: duplicate key "name" in config`,
			`c.yaml:4:8: limit: expected a whole number from 0 to 100, got "x"`,
		}, "\n")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, _ := read(tc.src); got != tc.want {
				t.Errorf("errors =\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestReader_DuplicateKeepsFirst: the value of a duplicate key is not read,
// so an error never comes with the last value silently applied.
func TestReader_DuplicateKeepsFirst(t *testing.T) {
	_, got := read("name: a\nname: b\n")
	if got["name"] != "a" {
		t.Errorf("name = %v, want a (the first)", got["name"])
	}
}

func TestReader_Values(t *testing.T) {
	errs, got := read("name: 1.10\nlimit: 7\ntags: x\non: false\nmode: fast\n")
	if errs != "" {
		t.Fatal(errs)
	}
	if got["name"] != "1.10" || got["limit"] != 7 || got["on"] != false || got["mode"] != 0 {
		t.Errorf("got %v", got)
	}
	if tags := got["tags"].([]string); len(tags) != 1 || tags[0] != "x" {
		t.Errorf("tags = %q, want [x] (a scalar reads as a list of one)", tags)
	}
}

func TestReader_PairsAndStringList(t *testing.T) {
	r := yamlpos.NewReader("w.yaml")
	root := r.Parse([]byte("en: [a, b]\nvi: []\nen: [c]\nth: x\n"))
	got := map[string][]string{}
	r.Pairs(root, "words", func(k string, v *yaml.Node) { got[k] = r.StringList(v, "words "+k) })
	want := "w.yaml:2:5: words vi: empty list\nw.yaml:3:1: duplicate key \"en\" in words\nw.yaml:4:5: words th: expected a list, got \"x\""
	if err := r.Err(); err == nil || err.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", err, want)
	}
	r = yamlpos.NewReader("m.yaml")
	m := r.Parse([]byte("a: 1\n"))
	r.Require(m, "config", r.Mapping(m, "config", yamlpos.Fields{"a": func(*yaml.Node) {}, "b": func(*yaml.Node) {}}), "a", "b")
	if err := r.Err(); err == nil || err.Error() != `m.yaml:1:1: config: missing key "b"` {
		t.Errorf("Require: %v", err)
	}
	if len(got["en"]) != 2 || got["en"][1] != "b" {
		t.Errorf("en = %q, want [a b] (the first)", got["en"])
	}
}

func TestErrorList_Err(t *testing.T) {
	var l yamlpos.ErrorList
	if l.Err() != nil {
		t.Fatal("empty list gives a non-nil error")
	}
	l.Add(yamlpos.Pos{File: "b.yaml", Line: 1, Col: 1}, "second")
	l.Add(yamlpos.Pos{File: "a.yaml"}, "first")
	err := l.Err()
	var el yamlpos.ErrorList
	if !errors.As(err, &el) || len(el) != 2 {
		t.Fatalf("Err() = %T %v", err, err)
	}
	if want := "a.yaml: first\nb.yaml:1:1: second"; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
}

func TestSyntaxError(t *testing.T) {
	r := yamlpos.NewReader("j.yaml")
	if n := r.Parse([]byte("a: b\n c: d\n")); n != nil {
		t.Errorf("Parse(bad YAML) = %v, want nil", n)
	}
	if err, want := r.Err(), "j.yaml:2:3: bad YAML: mapping values are not allowed in this context"; err == nil || err.Error() != want {
		t.Errorf("Err() = %v, want %q", err, want)
	}
}
