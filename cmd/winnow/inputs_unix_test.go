//go:build unix

package main

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestClean_FIFOs: a named pipe given as input, or lying in a rules
// directory, is refused at once; both used to block for ever.
func TestClean_FIFOs(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "in.html")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	_, stderr, err := runCmd(t, "", "clean", fifo)
	if !errors.Is(err, errSilent) || !strings.Contains(stderr, "named pipe") {
		t.Errorf("FIFO input: err %v, stderr %q", err, stderr)
	}
	rulesDir := mkdir(t, dir, "rules")
	if err := syscall.Mkfifo(filepath.Join(rulesDir, "x.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = runCmd(t, "", "clean", "--rules", rulesDir, seed003)
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("FIFO rule file: err = %v", err)
	}
}
