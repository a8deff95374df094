// Command winnow turns scraped web pages into clean article text.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], newEnv())
	if err != nil && !errors.Is(err, errSilent) {
		fmt.Fprintf(os.Stderr, "winnow: %v\n", err)
	}
	if err != nil {
		os.Exit(exitCode(err))
	}
}
