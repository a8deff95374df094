package bench_test

import (
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/winnowhq/winnow/bench"
)

// readPins reads a gate file (gate.json, spamgate.json) into a T.
func readPins[T any](t *testing.T, name string) T {
	t.Helper()
	var pins T
	data, err := os.ReadFile(name)
	if err == nil {
		err = json.Unmarshal(data, &pins)
	}
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return pins
}

// needCorpus fails t on err, or skips it when err says the benchmark folder
// dir is absent (the folders live next to the repository, in
// ../shared/bench, or where $env says); gate names what does not run.
func needCorpus(t *testing.T, err error, dir, env, gate string) {
	t.Helper()
	if errors.Is(err, bench.ErrAbsent) {
		t.Skipf("benchmark folder %s not found (it lives next to the repository, in ../shared/bench, or set $%s); %s not run", dir, env, gate)
	}
	if err != nil {
		t.Fatal(err)
	}
}
