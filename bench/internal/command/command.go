// Package command is what the bench commands (bench/cmd/*) share: running
// one as a process, its flag set, and loading a benchmark folder that may be
// absent, which skips the command rather than failing it.
package command

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/winnowhq/winnow/bench"
)

// Command is one bench command: Flags declares its flags, bound to the
// command's own fields, and Run runs it once they are parsed, with the
// arguments left after them, the output streams and a context cancelled by
// Ctrl-C.
type Command interface {
	Flags(fs *flag.FlagSet)
	Run(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// Main runs a bench command as the process and exits with Exec's status.
func Main(name string, c Command) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := Exec(ctx, name, c, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exec parses args into c's flags (a bad flag is an error, with the usage on
// stderr), runs c and returns the exit status. A *Skipped error prints
// "name: skipped: why" and is status 0; any other error prints
// "name: error" and is status 1.
func Exec(ctx context.Context, name string, c Command, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	c.Flags(fs)
	err := fs.Parse(args)
	if err == nil {
		err = c.Run(ctx, fs.Args(), stdout, stderr)
	}
	var skip *Skipped
	switch {
	case err == nil:
		return 0
	case errors.As(err, &skip):
		fmt.Fprintf(stderr, "%s: skipped: %v\n", name, skip)
		return 0
	}
	fmt.Fprintf(stderr, "%s: %v\n", name, err)
	return 1
}

// Skipped says that a command had nothing to measure: its benchmark folder
// is absent (the folders live outside the repository). Hint tells how to
// point the command at one.
type Skipped struct {
	Dir, Hint string
}

func (s *Skipped) Error() string {
	return fmt.Sprintf("benchmark folder %s not found (%s)", s.Dir, s.Hint)
}

// Absent returns a *Skipped for dir when err says a benchmark folder is
// absent (bench.ErrAbsent), and err itself otherwise.
func Absent(err error, dir, hint string) error {
	if errors.Is(err, bench.ErrAbsent) {
		return &Skipped{Dir: dir, Hint: hint}
	}
	return err
}

// AEB loads the Article Extraction Benchmark pages in dir (bench.LoadAEB);
// an absent folder is a *Skipped carrying hint.
func AEB(dir, hint string) ([]bench.Page, error) {
	pages, err := bench.LoadAEB(dir)
	return pages, Absent(err, dir, hint)
}

// WCXB loads the WCXB development pages in dir (bench.LoadWCXB); an absent
// folder is a *Skipped carrying hint.
func WCXB(dir, hint string) ([]bench.WCXBPage, error) {
	pages, err := bench.LoadWCXB(dir)
	return pages, Absent(err, dir, hint)
}
