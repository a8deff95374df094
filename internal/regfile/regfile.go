// Package regfile opens and reads regular files only, with a size limit, so
// that a path naming a FIFO, a device (/dev/zero) or a directory fails at
// once instead of hanging or filling memory. Inputs, rule files and job
// files are all read through it.
package regfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
)

// ErrNotRegular is returned for a path that is not a regular file (after
// symbolic links are followed).
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is returned by Read for a file over its size limit.
var ErrTooLarge = errors.New("file over the size limit")

// Open opens path for reading if it is a regular file. The file is opened
// non-blocking, so that opening a FIFO does not wait for a writer, and then
// checked: anything but a regular file is closed and ErrNotRegular.
func Open(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		what := "a special file"
		switch {
		case st.IsDir():
			what = "a directory"
		case st.Mode()&os.ModeNamedPipe != 0:
			what = "a named pipe"
		case st.Mode()&os.ModeDevice != 0:
			what = "a device"
		case st.Mode()&os.ModeSocket != 0:
			what = "a socket"
		}
		return nil, &os.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w: %s", ErrNotRegular, what)}
	}
	return f, nil
}

// Read reads the regular file path whole, failing with ErrTooLarge when it
// holds more than max bytes (checked on the bytes read, not only the size
// reported, as a file may grow while read).
func Read(path string, max int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > max {
		return nil, &os.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, st.Size(), max)}
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, &os.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w: limit %d bytes", ErrTooLarge, max)}
	}
	return data, nil
}
