package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoad_BadFiles pins the exact error messages for malformed rule files:
// every problem, as file:line:col and what is wrong.
func TestLoad_BadFiles(t *testing.T) {
	tests := map[string]string{
		"unknown-key.yaml":    `testdata/bad/unknown-key.yaml:6:5: unknown key "colour" in rule (want: action, description, examples, id, match, scope)`,
		"duplicate-key.yaml":  `testdata/bad/duplicate-key.yaml:6:5: duplicate key "action" in rule`,
		"bad-regex.yaml":      "testdata/bad/bad-regex.yaml:5:13: bad regex in text: missing closing ): `(unclosed`",
		"bad-selector.yaml":   `testdata/bad/bad-selector.yaml:5:17: bad selector "div[[class": expected identifier, found [ instead`,
		"unknown-action.yaml": `testdata/bad/unknown-action.yaml:5:13: unknown action "obliterate" (want one of: remove, cut-after, drop, strip, dedupe, keep)`,
		"duplicate-id.yaml":   `testdata/bad/duplicate-id.yaml:6:5: duplicate rule id "spam.same" (first defined at testdata/bad/duplicate-id.yaml:2:5)`,
		"bad-yaml.yaml":       `testdata/bad/bad-yaml.yaml:3:19: bad YAML: mapping values are not allowed in this context`,
		"many.yaml": strings.Join([]string{
			`testdata/bad/many.yaml:2:9: id "Bad ID": want dotted lower-case words, e.g. spam.gambling-brand`,
			`testdata/bad/many.yaml:3:20: unknown stage "html" (want dom, article or text)`,
			`testdata/bad/many.yaml:3:34: bad host glob "[a": syntax error in pattern`,
			`testdata/bad/many.yaml:4:24: max-words: expected a whole number from 0 to 1000000, got "lots"`,
			`testdata/bad/many.yaml:4:37: unknown block kind "para" (want p, h, li, quote, caption, pre, line, row)`,
			`testdata/bad/many.yaml:6:5: rule has no id`,
			`testdata/bad/many.yaml:10:9: example needs both in and out`,
		}, "\n"),
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Load(os.DirFS("testdata/bad"), "testdata/bad", name)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			if got := err.Error(); got != want {
				t.Errorf("Load(%s) error =\n%s\nwant\n%s", name, got, want)
			}
		})
	}
}

func TestLoad_AllBadAtOnce(t *testing.T) {
	_, err := Load(os.DirFS("testdata/bad"), "testdata/bad")
	el, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("Load error is %T, want ErrorList", err)
	}
	files := map[string]bool{}
	for _, e := range el {
		files[filepath.Base(e.Pos.File)] = true
	}
	bad, _ := filepath.Glob("testdata/bad/*.yaml")
	if len(bad) == 0 || len(files) != len(bad) {
		t.Errorf("errors name %d files, want all %d bad files: %v", len(files), len(bad), err)
	}
}

func TestLoad_Builtin(t *testing.T) {
	set := builtin(t)
	if set.Len() < 20 {
		t.Errorf("built-in set has %d rules, want at least 20", set.Len())
	}
	if _, err := set.Without("no.such-rule"); err == nil || !strings.Contains(err.Error(), `no rule with id "no.such-rule"`) {
		t.Errorf("Without(unknown) error = %v", err)
	}
	if _, err := set.Merge(set); err == nil || !strings.Contains(err.Error(), "duplicate rule id") {
		t.Errorf("Merge(self) error = %v", err)
	}
}

// TestParse_SpareProseMisuse: spare-prose is a dom or article cut-after
// matcher; elsewhere it is an error at the rule's position.
func TestParse_SpareProseMisuse(t *testing.T) {
	src := "rules:\n  - id: test.rule\n    scope: {stage: text}\n    match: {text: '^Related$', spare-prose: 20}\n    action: cut-after\n"
	_, err := Parse("t.yaml", []byte(src))
	want := "t.yaml:2:5: rule test.rule: spare-prose only goes with action cut-after in stage dom or article"
	if err == nil || err.Error() != want {
		t.Errorf("Parse error = %v, want %s", err, want)
	}
}
