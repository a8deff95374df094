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
	return newCleaner(t, clean.Options{})
}

// newCleaner is clean.New, failing the test on an error.
func newCleaner(t testing.TB, opts clean.Options) *clean.Cleaner {
	t.Helper()
	c, err := clean.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// noRules is the empty rule set: a Cleaner with it applies no rules.
func noRules(t testing.TB) *rules.Set {
	t.Helper()
	rs, err := rules.NewSet()
	if err != nil {
		t.Fatal(err)
	}
	return rs
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
			// Plain text cannot mark lines as the items of one list or the
			// rows of one table: they come back as paragraphs, same lines.
			if again := clean.PlainText(res) + "\n"; textLines(again) != textLines(want) {
				t.Errorf("cleaning the expected text again changes it:\n%s", fixture.Diff("expected", "again", want, again))
			}
		})
	}
}

// TestLegitFixtures checks the legitimate pages about gambling and the
// pages with ordinary outbound links (fixtures/*-legit-*, written by hand:
// their expected.txt is the whole article): the spam rules keep at least
// 98% of the article's words, and the page never gets the spam verdict.
func TestLegitFixtures(t *testing.T) {
	cases, err := fixture.Load("../fixtures")
	if err != nil {
		t.Fatal(err)
	}
	c := builtinCleaner(t)
	n := 0
	for _, tc := range cases {
		if !strings.Contains(tc.Name, "-legit-") {
			continue
		}
		n++
		t.Run(tc.Name, func(t *testing.T) {
			got, res, err := tc.Run(t.Context(), c)
			if err != nil {
				t.Fatal(err)
			}
			want, err := tc.Want()
			if err != nil {
				t.Fatal(err)
			}
			if r := wordRecall(want, got); r < 0.98 {
				t.Errorf("body recall %.3f, want >= 0.98:\n%s", r, fixture.Diff(tc.Expected, "got", want, got))
			}
			if res.Spam {
				t.Errorf("spam verdict (score %.2f) on a legitimate page: %s", res.Verdict.Score, res.Verdict.Evidence)
			}
		})
	}
	if n < 8 {
		t.Errorf("found %d legitimate gambling-topic fixtures, want at least 8", n)
	}
}

// wordRecall is the share of want's words (a multiset, lower-cased) found
// in got.
func wordRecall(want, got string) float64 {
	have := map[string]int{}
	for _, w := range strings.Fields(strings.ToLower(got)) {
		have[w]++
	}
	total, found := 0, 0
	for _, w := range strings.Fields(strings.ToLower(want)) {
		total++
		if have[w] > 0 {
			have[w]--
			found++
		}
	}
	if total == 0 {
		return 1
	}
	return float64(found) / float64(total)
}
