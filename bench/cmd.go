package bench

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// Main runs a bench command: run gets the arguments, stdout and stderr, and
// a context cancelled by Ctrl-C; an error is printed as "name: error" and
// exits with status 1.
func Main(name string, run func(ctx context.Context, args []string, stdout, stderr io.Writer) error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
}
