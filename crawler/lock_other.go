//go:build !unix

package crawler

import "os"

// flock is a no-op where flock(2) is missing: one writer per output dir is
// then the operator's duty.
func flock(*os.File, bool) (bool, error) { return false, nil }
