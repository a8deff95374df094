package main

import (
	"context"
	"errors"
)

// runCrawl is replaced by the crawl command (issue 4).
func runCrawl(ctx context.Context, args []string, e *env) error {
	return errors.New("crawl: not implemented yet")
}
