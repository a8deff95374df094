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
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/internal/command"
	"github.com/winnowhq/winnow/internal/score"
)

func main() { command.Main("score", &scoreCommand{}) }

// scoreCommand is the command and its flags.
type scoreCommand struct {
	dir   string
	worst int
}

func (c *scoreCommand) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.dir, "dir", bench.AEBDir(), "benchmark folder holding ground-truth.json")
	fs.IntVar(&c.worst, "worst", 0, "also list the N pages of lowest F1")
}

func (c *scoreCommand) Run(_ context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) != 1 {
		return errors.New("usage: score [-dir DIR] [-worst N] FILE.jsonl")
	}
	pages, err := command.AEB(c.dir, "nothing to score; set -dir or $"+bench.AEBDirEnv)
	if err != nil {
		return err
	}
	jsonl := args[0]
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
	fmt.Fprintf(stdout, "%d pages (%d scored from the file, %d with an error): F1 %.4f  precision %.4f  recall %.4f  accuracy %.4f\n",
		len(pages), len(texts), failed, sum.F1, sum.P, sum.R, sum.Accuracy)
	sort.Slice(byPage, func(i, j int) bool { return byPage[i].s.F1() < byPage[j].s.F1() })
	for _, p := range byPage[:min(c.worst, len(byPage))] {
		fmt.Fprintf(stdout, "  %s  F1 %.3f  P %.3f  R %.3f\n", p.id, p.s.F1(), p.s.Precision(), p.s.Recall())
	}
	return nil
}
