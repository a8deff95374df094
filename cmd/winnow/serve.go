package main

import (
	"context"
	"errors"
)

// runServe is replaced by the serve command (issue 4).
func runServe(ctx context.Context, args []string, e *env) error {
	return errors.New("serve: not implemented yet")
}
