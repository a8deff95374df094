package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "devel"
}

const mainUsage = `winnow turns scraped web pages into clean article text.

Usage:
  winnow <command> [flags] [arguments]

Commands:
  clean    clean URLs, files, directories or stdin and print clean text
  rules    lint and test rule files against fixtures
  crawl    run one crawl job (YAML job file)
  serve    run crawl jobs on their schedules, with /healthz and /metrics
  version  print the version

Run "winnow help <command>" for a command's flags and examples.
`

func run(ctx context.Context, args []string, e *env) error {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, mainUsage)
		return &usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "-h", "--help", "-help":
		fmt.Fprint(e.stdout, mainUsage)
		return nil
	case "version", "--version", "-version":
		if len(rest) > 0 && rest[0] != "-h" && rest[0] != "--help" { // help version: the version
			return &usageError{fmt.Sprintf("version: unexpected argument %q", rest[0])}
		}
		fmt.Fprintf(e.stdout, "winnow %s\n", versionString())
		return nil
	case "help":
		if len(rest) == 0 {
			fmt.Fprint(e.stdout, mainUsage)
			return nil
		}
		return run(ctx, []string{rest[0], "-h"}, e)
	case "clean":
		return runClean(ctx, rest, e)
	case "rules":
		return runRules(ctx, rest, e)
	case "crawl":
		return runCrawl(ctx, rest, e)
	case "serve":
		return runServe(ctx, rest, e)
	}
	return &usageError{fmt.Sprintf("unknown command %q (see \"winnow -h\")", cmd)}
}
