package main

import (
	"context"
	"errors"
)

func runRules(ctx context.Context, args []string, e *env) error {
	return errors.New("rules: not implemented yet")
}
