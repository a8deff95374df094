package clean_test

import (
	"flag"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/fixture"
	"github.com/winnowhq/winnow/rules"
)

var update = flag.Bool("update", false, "rewrite fixtures/*/expected.txt with the current output")

func builtinCleaner(t testing.TB) *clean.Cleaner {
	t.Helper()
	rs, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return clean.New(rs, clean.Options{})
}

// TestCleanFixtures runs every golden case of fixtures/. With -update it
// rewrites expected.txt; `git diff fixtures/` then shows what changed.
func TestCleanFixtures(t *testing.T) {
	cases, err := fixture.Load("../fixtures")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 20 {
		t.Fatalf("found %d fixture cases, want at least 20", len(cases))
	}
	c := builtinCleaner(t)
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got, first, err := tc.Run(t.Context(), c)
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := tc.Update(got); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := tc.Want()
			if err != nil {
				t.Fatal(err)
			}
			if d := fixture.Diff(tc.Expected, "got", want, got); d != "" {
				t.Errorf("clean %s differs from expected (go test ./clean -run Fixtures -update to accept):\n%s", tc.Input, d)
			}
			// Idempotence: the clean text, cleaned again as text of the same
			// page type, is unchanged.
			res, err := c.Clean(t.Context(), clean.Input{Source: "expected", Kind: clean.InputText, PageType: first.PageType, Body: strings.NewReader(want)})
			if err != nil {
				t.Fatal(err)
			}
			if again := clean.Text(res) + "\n"; again != want {
				t.Errorf("cleaning the expected text again changes it:\n%s", fixture.Diff("expected", "again", want, again))
			}
		})
	}
}
