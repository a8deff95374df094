// Command score scores the JSON lines of `winnow clean --format jsonl` run on
// the Article Extraction Benchmark pages, by the benchmark's own metric:
//
//	go run ./cmd/winnow clean --format jsonl ../shared/bench/aeb/html > /tmp/aeb.jsonl
//	cd bench && go run ./cmd/score /tmp/aeb.jsonl
//
// A page is named by its file name (<id>.html.gz). A page missing from the
// file, or whose line carries an error, scores as empty text.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/internal/score"
)

func main() {
	dir := flag.String("dir", bench.AEBDir(), "benchmark folder holding ground-truth.json")
	worst := flag.Int("worst", 0, "also list the N pages of lowest F1")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: score [-dir DIR] [-worst N] FILE.jsonl")
		os.Exit(2)
	}
	if err := run(*dir, flag.Arg(0), *worst); err != nil {
		fmt.Fprintf(os.Stderr, "score: %v\n", err)
		os.Exit(1)
	}
}

func run(dir, jsonl string, worst int) error {
	pages, err := bench.LoadAEB(dir)
	if errors.Is(err, bench.ErrNoAEB) {
		fmt.Printf("benchmark folder %s is absent: nothing to score (set -dir or %s)\n", dir, bench.AEBDirEnv)
		return nil
	}
	if err != nil {
		return err
	}
	f, err := os.Open(jsonl)
	if err != nil {
		return err
	}
	defer f.Close()
	texts := map[string]string{}
	failed := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var rec struct {
			Source, Text, Error string
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("%s:%d: %w", jsonl, line, err)
		}
		id := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(rec.Source), ".gz"), ".html")
		if rec.Error != "" {
			failed++
		}
		texts[id] = rec.Text
	}
	if err := sc.Err(); err != nil {
		return err
	}
	type scored struct {
		id string
		s  score.PageScore
	}
	var byPage []scored
	var all []score.PageScore
	for _, p := range pages {
		s := score.Page(texts[p.ID], p.Truth)
		byPage = append(byPage, scored{p.ID, s})
		all = append(all, s)
	}
	sum := score.Aggregate(all)
	fmt.Printf("%d pages (%d scored from the file, %d with an error): F1 %.4f  precision %.4f  recall %.4f  accuracy %.4f\n",
		len(pages), len(texts), failed, sum.F1, sum.P, sum.R, sum.Accuracy)
	sort.Slice(byPage, func(i, j int) bool { return byPage[i].s.F1() < byPage[j].s.F1() })
	for _, p := range byPage[:min(worst, len(byPage))] {
		fmt.Printf("  %s  F1 %.3f  P %.3f  R %.3f\n", p.id, p.s.F1(), p.s.Precision(), p.s.Recall())
	}
	return nil
}
