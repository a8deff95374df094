package main

import (
	"os"
	"path/filepath"
	"testing"
)

// The job format's own tests are in package crawler (job_test.go).

const minimalJob = `name: example
seeds: ["http://127.0.0.1:8080/"]
scope:
  hosts: ["127.0.0.1:8080"]
output:
  dir: out
state:
  dir: state
`

func TestLoadJob_NotFound(t *testing.T) {
	_, err := loadJob(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil || !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("loadJob = %v, want not exist", err)
	}
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok || u.Unwrap() == nil {
			return err
		}
		err = u.Unwrap()
	}
}
