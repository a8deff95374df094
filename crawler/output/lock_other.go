//go:build !unix

package output

import "os"

// flock is a no-op where flock(2) is missing: one writer per output dir is
// then the operator's duty.
func flock(*os.File, bool) (bool, error) { return false, nil }
