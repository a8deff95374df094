package main

import "testing"

// TestUsageErrors_OneLine: an argument missing or one too many, a bad
// subcommand or a bad value is one line naming the command and the problem
// (main prints it after "winnow: "), with exit code 2; neither stdout nor
// stderr gets the usage, which would push the error out of sight.
func TestUsageErrors_OneLine(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"crawl"}, `crawl: no job file given (see "winnow crawl -h")`},
		{[]string{"crawl", "a.yaml", "b.yaml"}, `crawl: unexpected argument "b.yaml" (see "winnow crawl -h")`},
		{[]string{"crawl", "--log-format", "xml", "a.yaml"}, `crawl: --log-format "xml": want text or json (see "winnow crawl -h")`},
		{[]string{"clean"}, `clean: no input given (see "winnow clean -h")`},
		{[]string{"serve"}, `serve: no --jobs DIR given (see "winnow serve -h")`},
		{[]string{"serve", "--jobs", "jobs", "extra"}, `serve: unexpected argument "extra" (see "winnow serve -h")`},
		{[]string{"serve", "--jobs", "jobs", "--log-format", "xml"}, `serve: --log-format "xml": want text or json (see "winnow serve -h")`},
		{[]string{"rules"}, `rules: no subcommand given: want test, lint or list (see "winnow rules -h")`},
		{[]string{"rules", "--update"}, `rules: no subcommand given: want test, lint or list (see "winnow rules -h")`},
		{[]string{"rules", "bogus"}, `rules: unknown subcommand "bogus": want test, lint or list (see "winnow rules -h")`},
		{[]string{"rules", "list", "extra"}, `rules: list: unexpected argument "extra" (see "winnow rules -h")`},
		{[]string{"rules", "lint", "extra"}, `rules: lint: unexpected argument "extra" (see "winnow rules -h")`},
		{[]string{"bogus"}, `unknown command "bogus" (see "winnow -h")`},
		{[]string{"help", "bogus"}, `unknown command "bogus" (see "winnow -h")`},
		{[]string{"version", "extra"}, `version: unexpected argument "extra"`},
	} {
		out, errOut, err := runCmd(t, "", tc.args...)
		if err == nil || err.Error() != tc.want || exitCode(err) != exitConfig || out != "" || errOut != "" {
			t.Errorf("winnow %q: error %v (exit %d), stdout %q, stderr %q; want the error %q alone, exit 2",
				tc.args, err, exitCode(err), out, errOut, tc.want)
		}
	}
}
