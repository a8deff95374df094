//go:build unix

package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// flock takes an advisory lock on f without waiting: exclusive, or shared.
// It reports busy when another open file description holds a conflicting
// lock (another process, or another run in this one).
func flock(f *os.File, exclusive bool) (busy bool, err error) {
	how := unix.LOCK_SH
	if exclusive {
		how = unix.LOCK_EX
	}
	err = unix.Flock(int(f.Fd()), how|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		return true, nil
	}
	return false, err
}
