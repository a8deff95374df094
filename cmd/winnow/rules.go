package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/fixture"
	"github.com/winnowhq/winnow/internal/score"
	"github.com/winnowhq/winnow/rules"
)

const rulesUsage = `Usage: winnow rules <test|lint|list> [flags] [CASE...]

  test   run the golden fixtures: per case pass/fail, a unified diff and the
         4-token-shingle F1 against expected.txt; --update rewrites them
  lint   load the rules, run every rule's examples, and report rules that
         have no examples or never fire on the fixtures
  list   print every rule id with its stage, action and description

Examples:
  winnow rules test
  winnow rules test --rules ./myrules html-vn-portal-spam
  winnow rules test --update seed-003 && git diff fixtures/
  winnow rules lint --rules ./myrules

Flags:
`

func runRules(ctx context.Context, args []string, e *env) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fs := newRulesFlags(e).fs
		fs.SetOutput(e.stdout)
		fs.Usage()
		return nil
	}
	rf := newRulesFlags(e)
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return argError(rf.fs, "no subcommand given: want test, lint or list")
	}
	sub, rest := args[0], args[1:]
	if sub != "test" && sub != "lint" && sub != "list" {
		return argError(rf.fs, fmt.Sprintf("unknown subcommand %q: want test, lint or list", sub))
	}
	if done, err := parseFlags(rf.fs, rest, e); done {
		return err
	}
	if sub != "test" && rf.fs.NArg() > 0 { // only test takes fixture cases
		return argError(rf.fs, fmt.Sprintf("%s: unexpected argument %q", sub, rf.fs.Arg(0)))
	}
	rs, err := loadRules(rf.rulesDirs, rf.noDefaults, rf.disable)
	if err != nil {
		return err
	}
	switch sub {
	case "test":
		return rulesTest(ctx, e, rs, rf)
	case "lint":
		return rulesLint(ctx, e, rs, rf)
	}
	for _, r := range rs.Rules() {
		fmt.Fprintf(e.stdout, "%-28s %-7s %-9s %s\n", r.ID, r.Stage, r.Action, r.Description)
	}
	return nil
}

type rulesFlags struct {
	fs         *flag.FlagSet
	rulesDirs  multiFlag
	noDefaults bool
	disable    multiFlag
	fixtures   string
	update     bool
	quiet      bool
}

func newRulesFlags(e *env) *rulesFlags {
	rf := &rulesFlags{fs: flag.NewFlagSet("winnow rules", flag.ContinueOnError)}
	rf.fs.SetOutput(e.stderr)
	rf.fs.Usage = func() { fmt.Fprint(rf.fs.Output(), rulesUsage); rf.fs.PrintDefaults() }
	rf.fs.Var(&rf.rulesDirs, "rules", "rule file or directory of rule files added to the defaults (repeatable)")
	rf.fs.BoolVar(&rf.noDefaults, "no-default-rules", false, "do not load the built-in rules")
	rf.fs.Var(&rf.disable, "disable", "rule id not to apply (repeatable)")
	rf.fs.StringVar(&rf.fixtures, "fixtures", "fixtures", "directory of golden cases")
	rf.fs.BoolVar(&rf.update, "update", false, "test: rewrite expected.txt with the current output")
	rf.fs.BoolVar(&rf.quiet, "q", false, "test: print only failing cases and the summary")
	return rf
}

func rulesTest(ctx context.Context, e *env, rs *rules.Set, rf *rulesFlags) error {
	cases, err := fixture.Load(rf.fixtures, rf.fs.Args()...)
	if err != nil {
		return err
	}
	c, err := clean.New(clean.Options{Rules: rs})
	if err != nil {
		return err
	}
	pass, fail := 0, 0
	var f1sum float64
	for _, tc := range cases {
		got, _, err := tc.Run(ctx, c)
		if err != nil {
			fail++
			fmt.Fprintf(e.stdout, "FAIL %-36s error: %v\n", tc.Name, err)
			continue
		}
		want, err := tc.Want()
		if err != nil {
			return err
		}
		f1 := score.F1(got, want)
		f1sum += f1
		if rf.update && got != want {
			if err := tc.Update(got); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "UPD  %-36s F1 %.3f (was)\n", tc.Name, f1)
			pass++
			continue
		}
		if got == want {
			pass++
			if !rf.quiet {
				fmt.Fprintf(e.stdout, "ok   %-36s F1 %.3f\n", tc.Name, f1)
			}
			continue
		}
		fail++
		fmt.Fprintf(e.stdout, "FAIL %-36s F1 %.3f\n%s\n", tc.Name, f1, fixture.Diff(tc.Expected, "got", want, got))
	}
	fmt.Fprintf(e.stdout, "%d passed, %d failed\n", pass, fail)
	if len(cases) > 0 {
		fmt.Fprintf(e.stdout, "mean F1 %.4f over %d cases\n", f1sum/float64(len(cases)), len(cases))
	}
	if fail > 0 {
		return errSilent
	}
	return nil
}

func rulesLint(ctx context.Context, e *env, rs *rules.Set, rf *rulesFlags) error {
	broken := 0
	var noExamples []string
	for _, r := range rs.Rules() {
		if len(r.Examples) == 0 {
			noExamples = append(noExamples, r.ID)
		}
		for _, ex := range r.Examples {
			if got := r.RunExample(ex); got != ex.Out {
				broken++
				fmt.Fprintf(e.stdout, "%s: rule %s: example gives %q, want %q\n", ex.Pos, r.ID, got, ex.Out)
			}
		}
	}
	fired := map[string]int{}
	checked := true
	if cases, err := fixture.Load(rf.fixtures); err == nil {
		c, err := clean.New(clean.Options{Rules: rs})
		if err != nil {
			return err
		}
		for _, tc := range cases {
			if _, res, err := tc.Run(ctx, c); err == nil {
				for id, n := range res.Removed {
					fired[id] += n
				}
			}
		}
	} else {
		// Without fixtures every rule would "never fire": say once that
		// firing was not checked instead of a warning per rule.
		checked = false
		if errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(e.stderr, "winnow: lint: no fixtures directory %s: not checked whether the rules fire (--fixtures DIR)\n", rf.fixtures)
		} else {
			fmt.Fprintf(e.stderr, "winnow: lint: %v\n", err)
		}
	}
	var never []string
	for _, r := range rs.Rules() {
		if checked && fired[r.ID] == 0 && r.Action != rules.ActionKeep {
			never = append(never, fmt.Sprintf("%s (%s)", r.ID, r.Pos))
		}
	}
	sort.Strings(never)
	for _, id := range noExamples {
		fmt.Fprintf(e.stdout, "warning: rule %s has no examples\n", id)
	}
	for _, id := range never {
		fmt.Fprintf(e.stdout, "warning: rule %s never fires on the fixtures in %s\n", id, rf.fixtures)
	}
	fmt.Fprintf(e.stdout, "%d rules, %d broken examples, %d without examples, %d never firing\n",
		rs.Len(), broken, len(noExamples), len(never))
	if broken > 0 {
		return errSilent
	}
	return nil
}
