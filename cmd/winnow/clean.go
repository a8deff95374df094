package main

import (
	"context"
	"errors"
)

func runClean(ctx context.Context, args []string, e *env) error {
	return errors.New("clean: not implemented yet")
}

func runRules(ctx context.Context, args []string, e *env) error {
	return errors.New("rules: not implemented yet")
}
