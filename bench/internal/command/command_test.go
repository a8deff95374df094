package command

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"testing"

	"github.com/winnowhq/winnow/bench"
)

// echo prints its -word flag and its arguments, or returns err.
type echo struct {
	word string
	err  error
}

func (e *echo) Flags(fs *flag.FlagSet) { fs.StringVar(&e.word, "word", "hi", "what to print") }

func (e *echo) Run(_ context.Context, args []string, stdout, _ io.Writer) error {
	fmt.Fprintln(stdout, e.word, args)
	return e.err
}

func TestExec(t *testing.T) {
	tests := []struct {
		name           string
		err            error
		args           []string
		code           int
		stdout, stderr string
	}{
		{"ok", nil, []string{"-word", "yo", "a"}, 0, "yo [a]\n", ""},
		{"failure", errors.New("boom"), nil, 1, "hi []\n", "x: boom\n"},
		{"absent AEB is a skip", Absent(fmt.Errorf("d: %w", bench.ErrAbsent), "d", "set -dir"), nil, 0, "hi []\n", "x: skipped: benchmark folder d not found (set -dir)\n"},
		{"absent WCXB is a skip", Absent(bench.ErrAbsent, "w", "set -dir"), nil, 0, "hi []\n", "x: skipped: benchmark folder w not found (set -dir)\n"},
		{"other errors stay", Absent(errors.New("bad json"), "d", "set -dir"), nil, 1, "hi []\n", "x: bad json\n"},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		code := Exec(context.Background(), "x", &echo{err: tc.err}, tc.args, &stdout, &stderr)
		if code != tc.code || stdout.String() != tc.stdout || stderr.String() != tc.stderr {
			t.Errorf("%s: Exec = %d, stdout %q, stderr %q; want %d, %q, %q", tc.name, code, stdout.String(), stderr.String(), tc.code, tc.stdout, tc.stderr)
		}
	}
}

func TestExecBadFlag(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Exec(context.Background(), "x", &echo{}, []string{"-nope"}, &stdout, &stderr); code != 1 || stdout.Len() != 0 {
		t.Errorf("Exec(-nope) = %d, stdout %q; want 1 and nothing run", code, stdout.String())
	}
	if !bytes.Contains(stderr.Bytes(), []byte("-word")) {
		t.Errorf("Exec(-nope) stderr %q lacks the usage", stderr.String())
	}
}
