// Command spamfp measures the spam rules' false positives on the WCXB
// development split (../../shared/bench/wcxb), which holds no spam: the
// share of pages where a spam rule removed human-labelled main text, and
// the share judged spam from top to bottom.
//
//	cd bench && go run ./cmd/spamfp          # the two figures and the rules behind them
//	cd bench && go run ./cmd/spamfp -v       # every removal of main text, with its evidence
//
// A removal takes main text when its excerpt (the text it removed, up to
// rules.ExcerptLen runes), with three or more letters, occurs as a whole in
// the page's labelled main_content, both compared as lower-cased words.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/rules"
)

func main() {
	dir := flag.String("dir", "../../shared/bench/wcxb", "WCXB folder (holds dev/html and dev/ground-truth)")
	verbose := flag.Bool("v", false, "list every removal of main text and every spam verdict")
	flag.Parse()
	if err := run(*dir, *verbose, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "spamfp:", err)
		os.Exit(1)
	}
}

type truth struct {
	URL         string `json:"url"`
	GroundTruth struct {
		MainContent string `json:"main_content"`
	} `json:"ground_truth"`
}

func run(dir string, verbose bool, w io.Writer) error {
	files, _ := filepath.Glob(filepath.Join(dir, "dev", "html", "*.html.gz"))
	if len(files) == 0 {
		fmt.Fprintf(w, "spamfp: no pages in %s (the WCXB folder is kept outside the repository); skipped\n", dir)
		return nil
	}
	sort.Strings(files)
	rs, err := rules.Builtin()
	if err != nil {
		return err
	}
	c, err := clean.New(clean.Options{Rules: rs, Trace: true})
	if err != nil {
		return err
	}
	pages, fpPages, spamPages, failed := 0, 0, 0, 0
	byRule := map[string]int{}
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		var t truth
		data, err := os.ReadFile(filepath.Join(dir, "dev", "ground-truth", id+".json"))
		if err != nil || json.Unmarshal(data, &t) != nil {
			continue
		}
		raw, err := gunzip(f)
		if err != nil {
			failed++
			continue
		}
		pages++
		res, err := c.Clean(context.Background(), clean.Input{Source: id, URL: t.URL, Data: raw, Kind: clean.InputHTML})
		if err != nil {
			failed++
			continue
		}
		if res.Spam {
			spamPages++
			if verbose {
				fmt.Fprintf(w, "%s  %s  SPAM VERDICT %.2f: %s\n", id, t.URL, res.Verdict.Score, res.Verdict.Evidence)
			}
		}
		main := " " + words(t.GroundTruth.MainContent) + " "
		hitRules := map[string]bool{}
		for _, h := range res.Trace {
			if !strings.HasPrefix(h.Rule, "spam.") || h.Rule == "spam.page" {
				continue
			}
			ex := words(strings.TrimSuffix(h.Excerpt, "…"))
			if letters(ex) < 3 || !strings.Contains(main, " "+ex+" ") && !(strings.HasSuffix(h.Excerpt, "…") && strings.Contains(main, " "+ex)) {
				continue
			}
			hitRules[h.Rule] = true
			if verbose {
				fmt.Fprintf(w, "%s  %s  [%s] %q\n    %s\n", id, t.URL, h.Rule, h.Excerpt, h.Evidence)
			}
		}
		if len(hitRules) > 0 {
			fpPages++
			for r := range hitRules {
				byRule[r]++
			}
		}
	}
	fmt.Fprintf(w, "WCXB dev, %d pages (%d failed to clean), no spam on any:\n", pages, failed)
	fmt.Fprintf(w, "  spam removals take labelled main text on %d pages: %.2f%% (target <= 0.5%%)\n", fpPages, pct(fpPages, pages))
	fmt.Fprintf(w, "  whole-page spam verdict on %d pages: %.2f%% (target <= 0.2%%)\n", spamPages, pct(spamPages, pages))
	var ids []string
	for r := range byRule {
		ids = append(ids, r)
	}
	sort.Strings(ids)
	for _, r := range ids {
		fmt.Fprintf(w, "    %-28s %d pages\n", r, byRule[r])
	}
	return nil
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// words lower-cases s and keeps its letter and digit runs, one space apart.
func words(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func gunzip(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
