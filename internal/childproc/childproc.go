// Package childproc runs a test binary again as a child process, for the
// tests that must kill, signal or limit the process under test: the child
// runs one named test of the same binary (or, with no name, none: TestMain
// alone), told what to do by environment variables, and a normal test run
// skips that test.
package childproc

import (
	"os"
	"os/exec"
	"testing"
)

// Command returns the command that runs the test binary again as a child:
// only the test named test, once (with test "", no test, for a TestMain
// that acts on its environment), with env added to this process's
// environment.
func Command(test string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

// Getenv returns the value of the environment variable key, which Command
// sets for the child, and skips tb when it is unset or empty: the test is
// the child's body and does nothing in a normal run.
func Getenv(tb testing.TB, key string) string {
	tb.Helper()
	v := os.Getenv(key)
	if v == "" {
		tb.Skipf("child process only (%s unset)", key)
	}
	return v
}
