package regfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(file, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := Read(file, 10); err != nil || string(data) != "0123456789" {
		t.Errorf("Read = %q, %v", data, err)
	}
	if _, err := Read(file, 9); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Read over the limit: err = %v, want ErrTooLarge", err)
	}
	if _, err := Read(dir, 100); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Read(directory): err = %v, want ErrNotRegular", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := Read("/dev/zero", 100); !errors.Is(err, ErrNotRegular) {
			t.Errorf("Read(/dev/zero): err = %v, want ErrNotRegular", err)
		}
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(file, link); err == nil {
		if _, err := Read(link, 100); err != nil {
			t.Errorf("Read(symlink to a file): %v", err)
		}
	}
}
