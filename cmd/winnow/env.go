package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// env is the outside world of one invocation: standard streams and whether
// stderr is a terminal. Tests build their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// stderrTTY is true when stderr is a terminal (progress bars go there).
	stderrTTY bool
	// getenv reads an environment variable.
	getenv func(string) string
}

func newEnv() *env {
	return &env{
		stdin:     os.Stdin,
		stdout:    os.Stdout,
		stderr:    os.Stderr,
		stderrTTY: term.IsTerminal(int(os.Stderr.Fd())),
		getenv:    os.Getenv,
	}
}

// errSilent marks an error already reported to the user (for instance every
// failed page of a batch); main only sets the exit code.
var errSilent = errors.New("failed")

// Exit codes. winnow crawl tells a bad job from a failed run from a run
// that finished with some pages failed.
const (
	exitFailed  = 1 // the run failed or was interrupted; an input failed (clean)
	exitConfig  = 2 // bad flags, a bad job or rules file
	exitPartial = 3 // the crawl finished, but some pages failed
)

// usageError is a command-line mistake: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// configError is a bad job or rules file: exit code 2.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// errPartial marks a crawl that finished with some pages failed, already
// reported: exit code 3.
var errPartial = fmt.Errorf("%w: some pages failed", errSilent)

// parseFlags parses args into fs. On -h it prints the usage on stdout; done
// is then true, as it is on a bad flag, which err reports as a usage error
// of one line naming the flag and where the flags are listed (the whole
// usage would push the error itself out of sight).
func parseFlags(fs *flag.FlagSet, args []string, e *env) (done bool, err error) {
	// The flag package prints the usage itself on -h and on a bad flag, and
	// the error: they are printed here instead, once, on the right stream.
	usage, out := fs.Usage, fs.Output()
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err = fs.Parse(args)
	fs.Usage = usage
	fs.SetOutput(out)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(e.stdout)
		fs.Usage()
		return true, nil
	case err != nil:
		return true, flagError(fs, err)
	}
	return false, nil
}

// flagError is a bad flag's error from the flag package, which names the
// flag, with the command before it and the hint after it:
// "clean: flag provided but not defined: -bogus (see "winnow clean -h")".
func flagError(fs *flag.FlagSet, err error) error {
	return argError(fs, err.Error())
}

// argError is a usage error of the command of fs, on one line: its name,
// what is wrong (a bad flag, an argument missing or one too many) and where
// the usage is ("crawl: no job file given (see "winnow crawl -h")"). The
// usage itself is not printed: it would push the error out of sight.
func argError(fs *flag.FlagSet, msg string) error {
	name := strings.TrimPrefix(fs.Name(), "winnow ")
	return &usageError{fmt.Sprintf("%s: %s (see %q)", name, msg, fs.Name()+" -h")}
}

// argCount returns nil when args are want in number, else the usage error
// naming what is missing (what) or the first argument too many.
func argCount(fs *flag.FlagSet, want int, what string) error {
	switch args := fs.Args(); {
	case len(args) < want:
		return argError(fs, "no "+what+" given")
	case len(args) > want:
		return argError(fs, fmt.Sprintf("unexpected argument %q", args[want]))
	}
	return nil
}

func exitCode(err error) int {
	var ue *usageError
	var ce *configError
	switch {
	case errors.As(err, &ue), errors.As(err, &ce):
		return exitConfig
	case errors.Is(err, errPartial):
		return exitPartial
	}
	return exitFailed
}
