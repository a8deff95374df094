package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// perFileSync is false on Linux: article files are written without their own
// fsync, and syncOutput makes a whole batch of them durable with one
// syncfs(2) just before the batch's index lines are synced. 5,000 fsyncs
// would otherwise dominate a crawl's first run.
const perFileSync = false

// syncOutput flushes the file system holding dir.
func syncOutput(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}
