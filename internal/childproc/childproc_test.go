package childproc

import (
	"strings"
	"testing"
)

const childEnv = "WINNOW_CHILDPROC_TEST"

// TestChild is the child of TestCommand.
func TestChild(t *testing.T) {
	v := Getenv(t, childEnv)
	if v != "hello" {
		t.Fatalf("%s = %q, want hello", childEnv, v)
	}
	t.Log("child ran")
}

func TestCommand(t *testing.T) {
	out, err := Command("TestChild", childEnv+"=hello").CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "PASS") {
		t.Errorf("child output without PASS:\n%s", out)
	}
}
