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
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/winnowhq/winnow/internal/score"
)

func main() {
	dir := flag.String("dir", defaultDir(), "benchmark folder holding ground-truth.json")
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

func defaultDir() string {
	if d := os.Getenv("WINNOW_AEB_DIR"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "bench", "aeb")
}

func run(dir, jsonl string, worst int) error {
	data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if errors.Is(err, fs.ErrNotExist) {
		fmt.Printf("benchmark folder %s is absent: nothing to score (set -dir or WINNOW_AEB_DIR)\n", dir)
		return nil
	}
	if err != nil {
		return err
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		return fmt.Errorf("%s: %w", filepath.Join(dir, "ground-truth.json"), err)
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
	type page struct {
		id string
		s  score.PageScore
	}
	var pages []page
	var all []score.PageScore
	for id, t := range truth {
		s := score.Page(texts[id], t.ArticleBody)
		pages = append(pages, page{id, s})
		all = append(all, s)
	}
	sum := score.Aggregate(all)
	fmt.Printf("%d pages (%d scored from the file, %d with an error): F1 %.4f  precision %.4f  recall %.4f  accuracy %.4f\n",
		len(truth), len(texts), failed, sum.F1, sum.P, sum.R, sum.Accuracy)
	sort.Slice(pages, func(i, j int) bool { return pages[i].s.F1() < pages[j].s.F1() })
	for _, p := range pages[:min(worst, len(pages))] {
		fmt.Printf("  %s  F1 %.3f  P %.3f  R %.3f\n", p.id, p.s.F1(), p.s.Precision(), p.s.Recall())
	}
	return nil
}
