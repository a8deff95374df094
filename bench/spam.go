package bench

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/winnowhq/winnow/bench/half"
	"github.com/winnowhq/winnow/bench/parasite"
	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/rules"
)

// SpamFP is what the spam rules do on pages that hold no spam.
type SpamFP struct {
	Pages, Failed int
	// MainTextPages counts pages where a spam rule removed labelled main
	// text; ByRule the same per rule.
	MainTextPages int
	ByRule        map[string]int
	// VerdictPages counts pages judged spam from top to bottom.
	VerdictPages int
	// Lines describe each case, for -v.
	Lines []string
}

// MeasureSpamFP cleans every page of the WCXB development split (no spam on
// any) with the built-in rules and a trace, and counts the pages where a
// spam rule removed labelled main text: a removal's excerpt (up to
// rules.ExcerptLen runes, three letters or more) found whole in the page's
// main_content, both compared as lower-cased words.
func MeasureSpamFP(ctx context.Context, dir string) (*SpamFP, error) {
	files, _ := filepath.Glob(filepath.Join(dir, "dev", "html", "*.html.gz"))
	if len(files) == 0 {
		return nil, ErrAbsent
	}
	sort.Strings(files)
	rs, err := rules.Builtin()
	if err != nil {
		return nil, err
	}
	c, err := clean.New(clean.Options{Rules: rs, Trace: true})
	if err != nil {
		return nil, err
	}
	out := &SpamFP{ByRule: map[string]int{}}
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		var t struct {
			URL         string `json:"url"`
			GroundTruth struct {
				MainContent string `json:"main_content"`
			} `json:"ground_truth"`
		}
		data, err := os.ReadFile(filepath.Join(dir, "dev", "ground-truth", id+".json"))
		if err != nil || json.Unmarshal(data, &t) != nil {
			continue
		}
		out.Pages++
		raw, err := gunzipFile(f)
		if err != nil {
			out.Failed++
			continue
		}
		res, err := c.Clean(ctx, clean.Input{Source: id, URL: t.URL, Data: raw, Kind: clean.InputHTML})
		if err != nil {
			out.Failed++
			continue
		}
		if res.Spam {
			out.VerdictPages++
			out.Lines = append(out.Lines, id+"  "+t.URL+"  SPAM VERDICT "+res.Verdict.Evidence.String())
		}
		main := " " + lowerWords(t.GroundTruth.MainContent) + " "
		hit := map[string]bool{}
		for _, h := range res.Trace {
			if !strings.HasPrefix(h.Rule, "spam.") || h.Rule == "spam.page" {
				continue
			}
			cut := strings.HasSuffix(h.Excerpt, "…")
			ex := lowerWords(strings.TrimSuffix(h.Excerpt, "…"))
			if letters(ex) < 3 || !strings.Contains(main, " "+ex+" ") && !(cut && strings.Contains(main, " "+ex)) {
				continue
			}
			hit[h.Rule] = true
			out.Lines = append(out.Lines, id+"  "+t.URL+"  ["+h.Rule+"] "+h.Excerpt+"\n    "+h.Evidence)
		}
		if len(hit) > 0 {
			out.MainTextPages++
			for r := range hit {
				out.ByRule[r]++
			}
		}
	}
	return out, nil
}

// lowerWords lower-cases s and keeps its letter and digit runs, one space apart.
func lowerWords(s string) string {
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

func gunzipFile(path string) ([]byte, error) {
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

// ParasiteResult is the verdict count on one half of the parasite pages.
type ParasiteResult struct {
	Half    half.Half
	Pages   int
	Spam    int
	PerLang map[string][2]int // verdicts, pages
	// Missed describes the pages missed, tuning half only: held-out
	// failures are never shown.
	Missed []string
}

// MeasureParasites cleans n generated parasite pages of half h and counts
// those that get the spam verdict.
func MeasureParasites(ctx context.Context, h half.Half, n int, seed uint64) (*ParasiteResult, error) {
	rs, err := rules.Builtin()
	if err != nil {
		return nil, err
	}
	c, err := clean.New(clean.Options{Rules: rs})
	if err != nil {
		return nil, err
	}
	pages, err := parasite.Generate(h, n, seed)
	if err != nil {
		return nil, err
	}
	out := &ParasiteResult{Half: h, PerLang: map[string][2]int{}}
	for _, p := range pages {
		out.Pages++
		res, err := c.Clean(ctx, clean.Input{Source: p.URL, URL: p.URL, Data: []byte(p.HTML), Kind: clean.InputHTML})
		x := out.PerLang[p.Lang]
		x[1]++
		if err == nil && res.Spam {
			out.Spam++
			x[0]++
		} else if h == half.Tuning {
			ev := ""
			if res != nil && res.Verdict.Evidence != nil {
				ev = res.Verdict.Evidence.String()
			}
			out.Missed = append(out.Missed, p.URL+" ("+p.Lang+"): "+ev)
		}
		out.PerLang[p.Lang] = x
	}
	return out, nil
}
