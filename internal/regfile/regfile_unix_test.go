//go:build unix

package regfile

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
)

// TestOpen_FIFO: a named pipe with no writer is refused at once; it used to
// block the open (and the whole command) for ever.
func TestOpen_FIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "in.html")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	if _, err := Open(fifo); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Open(FIFO): err = %v, want ErrNotRegular", err)
	}
}
