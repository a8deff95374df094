package main

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/textnorm"
)

// langPage is one page of the language set.
type langPage struct {
	source   string // "wcxb:0001", "aeb:<id>", "fixture:<case>", "seed:<file>", "readability:<dir>", "trafilatura:<file>"
	label    string // ISO 639-1
	declared string // the page's own declaration, primary subtag
	detected string // winnow's Language
	words    int
	text     string
}

// labels.tsv holds the labels that are not the page's declaration: pages
// that declare nothing or declare another language than they are written
// in (a site-wide default), each checked by reading the page. Format:
// source TAB label TAB note.
//
//go:embed labels.tsv
var labelsTSV string

func readLabels() map[string]string {
	m := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(labelsTSV))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) >= 2 {
			m[f[0]] = f[1]
		}
	}
	return m
}

func primary(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 {
		return ""
	}
	return tag
}

// languageSet cleans every labelled page it can find: WCXB (already read),
// AEB, the fixtures, the seeds and, with modulePages, the test pages the
// go-readability and go-trafilatura modules ship.
func languageSet(ctx context.Context, c *clean.Cleaner, wcxbDir string, wcxb []wcxbPage, aebDir, fixtures, seeds string, modulePages bool) ([]langPage, error) {
	labels := readLabels()
	var set []langPage
	addPage := func(source string, data []byte, kind clean.InputKind) {
		res, err := c.Clean(ctx, clean.Input{Source: source, Kind: kind, Data: data})
		if err != nil {
			return
		}
		body := res.Body
		p := langPage{source: source, declared: primary(res.DeclaredLang), detected: res.Language, words: textnorm.Words(body), text: body}
		p.label = labels[source]
		if p.label == "" {
			p.label = p.declared
		}
		if p.label == "" || p.label == "-" {
			return // unlabelled, or marked as mixed or unreadable
		}
		set = append(set, p)
	}
	for _, p := range wcxb {
		addPage("wcxb:"+p.id, p.html, clean.InputHTML)
	}
	if pages, err := bench.LoadAEB(aebDir); err == nil {
		for _, p := range pages {
			addPage("aeb:"+p.ID, p.HTML, clean.InputHTML)
		}
	}
	if dirs, err := os.ReadDir(fixtures); err == nil {
		for _, d := range dirs {
			for _, in := range []string{"input.html", "input.txt"} {
				if data, err := os.ReadFile(filepath.Join(fixtures, d.Name(), in)); err == nil {
					addPage("fixture:"+d.Name(), data, clean.InputAuto)
				}
			}
		}
	}
	if files, err := filepath.Glob(filepath.Join(seeds, "*.txt")); err == nil {
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				addPage("seed:"+filepath.Base(f), data, clean.InputText)
			}
		}
	}
	if modulePages {
		dirs, err := moduleDirs("codeberg.org/readeck/go-readability/v2", "github.com/markusmobius/go-trafilatura")
		if err != nil {
			return nil, err
		}
		files, _ := filepath.Glob(filepath.Join(dirs[0], "test-pages", "*", "source.html"))
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				addPage("readability:"+filepath.Base(filepath.Dir(f)), data, clean.InputHTML)
			}
		}
		for _, sub := range []string{"comparison", "mock"} {
			files, _ := filepath.Glob(filepath.Join(dirs[1], "test-files", sub, "*.htm*"))
			for _, f := range files {
				if data, err := os.ReadFile(f); err == nil {
					addPage("trafilatura:"+sub+"/"+filepath.Base(f), data, clean.InputHTML)
				}
			}
		}
	}
	return set, nil
}

// moduleDirs finds where the go command keeps the named modules.
func moduleDirs(mods ...string) ([]string, error) {
	out, err := exec.Command("go", append([]string{"list", "-m", "-f", "{{.Dir}}"}, mods...)...).Output()
	if err != nil {
		return nil, fmt.Errorf("go list -m: %w", err)
	}
	dirs := strings.Fields(string(bytes.TrimSpace(out)))
	if len(dirs) != len(mods) {
		return nil, fmt.Errorf("go list -m: %d directories for %d modules", len(dirs), len(mods))
	}
	return dirs, nil
}

// minWords is the page size from which language accuracy is counted.
const minWords = 50

func printLanguage(w io.Writer, set []langPage, misses bool, stderr io.Writer) {
	type acc struct{ n, detected, declared int }
	per := map[string]*acc{}
	var all acc
	short := 0
	for _, p := range set {
		if p.words < minWords {
			short++
			continue
		}
		a := per[p.label]
		if a == nil {
			a = &acc{}
			per[p.label] = a
		}
		for _, x := range []*acc{a, &all} {
			x.n++
			if p.detected == p.label {
				x.detected++
			}
			if p.declared == p.label {
				x.declared++
			}
		}
		if misses && p.detected != p.label {
			fmt.Fprintf(stderr, "lang %s: detected %q declared %q label %q: %s\n", p.source, p.detected, p.declared, p.label, short80(p.text))
		}
	}
	langs := make([]string, 0, len(per))
	for l := range per {
		langs = append(langs, l)
	}
	sort.Slice(langs, func(i, j int) bool {
		if per[langs[i]].n != per[langs[j]].n {
			return per[langs[i]].n > per[langs[j]].n
		}
		return langs[i] < langs[j]
	})
	macroDet, macroDecl := 0.0, 0.0
	for _, l := range langs {
		macroDet += float64(per[l].detected) / float64(per[l].n)
		macroDecl += float64(per[l].declared) / float64(per[l].n)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\nLanguage of the text: %d labelled pages of >= %d words in %d languages (%d shorter pages left out)\n", all.n, minWords, len(langs), short)
	fmt.Fprintln(tw, "language\tpages\twinnow detected\tpage's declaration")
	for _, l := range langs {
		a := per[l]
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", l, a.n, pct(a.detected, a.n), pct(a.declared, a.n))
	}
	fmt.Fprintf(tw, "all (pages)\t%d\t%s\t%s\n", all.n, pct(all.detected, all.n), pct(all.declared, all.n))
	fmt.Fprintf(tw, "mean of languages\t%d\t%.3f\t%.3f\n", len(langs), macroDet/float64(len(langs)), macroDecl/float64(len(langs)))
	tw.Flush()
}

func short80(s string) string { return short(s, 80) }
