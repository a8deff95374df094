package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// WCXBDirEnv names the environment variable that, when set, says where
// the Web Content Extraction Benchmark's development split lives.
const WCXBDirEnv = "WINNOW_WCXB_DIR"

// WCXBDir returns the WCXB folder: $WINNOW_WCXB_DIR, or else
// ../../shared/bench/wcxb, relative to the bench module directory.
func WCXBDir() string { return envDir(WCXBDirEnv, "../../shared/bench/wcxb") }

// WCXBPage is one WCXB page: its HTML is read lazily (Page.Read), as the
// 1,358 decoded pages would take 400 MB.
type WCXBPage struct {
	Page
	// Type is the page type, one of pagetype.All() (the same names;
	// "category" is read as "collection", as the benchmark says).
	Type string
	// With are snippets the output must contain; Without are boilerplate
	// snippets it must not.
	With, Without []string
	// Title, Author and Date (publish_date) are the page's labelled
	// metadata and Markdown its labelled main_content_markdown, trimmed;
	// "" where the benchmark gives none.
	Title, Author, Date, Markdown string
}

// LoadWCXB reads the ground truth of every page of the development split in
// dir (dev/ground-truth/NNNN.json, dev/html/NNNN.html.gz), sorted by id. It
// returns an error wrapping ErrAbsent when the folder does not exist.
func LoadWCXB(dir string) ([]WCXBPage, error) {
	gtDir := filepath.Join(dir, "dev", "ground-truth")
	files, err := filepath.Glob(filepath.Join(gtDir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		if _, err := os.Stat(gtDir); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", gtDir, ErrAbsent)
		}
		return nil, fmt.Errorf("%s: no ground truth", gtDir)
	}
	slices.Sort(files)
	pages := make([]WCXBPage, 0, len(files))
	for _, f := range files {
		p, err := readWCXBTruth(f)
		if err != nil {
			return nil, err
		}
		p.file = filepath.Join(dir, "dev", "html", p.ID+".html.gz")
		pages = append(pages, p)
	}
	return pages, nil
}

func readWCXBTruth(path string) (WCXBPage, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return WCXBPage{}, err
	}
	var gt struct {
		URL      string `json:"url"`
		FileID   string `json:"file_id"`
		Internal struct {
			PageType struct {
				Primary string `json:"primary"`
			} `json:"page_type"`
		} `json:"_internal"`
		Truth struct {
			MainContent string   `json:"main_content"`
			With        []string `json:"with"`
			Without     []string `json:"without"`
			Title       *string  `json:"title"`
			Author      *string  `json:"author"`
			Date        *string  `json:"publish_date"`
			Markdown    *string  `json:"main_content_markdown"`
		} `json:"ground_truth"`
	}
	if err := json.Unmarshal(data, &gt); err != nil {
		return WCXBPage{}, fmt.Errorf("read ground truth %s: %w", path, err)
	}
	id := gt.FileID
	if id == "" {
		id = strings.TrimSuffix(filepath.Base(path), ".json")
	}
	typ := gt.Internal.PageType.Primary
	if typ == "category" {
		typ = "collection"
	}
	return WCXBPage{
		Page:     Page{ID: id, URL: gt.URL, Truth: gt.Truth.MainContent},
		Type:     typ,
		With:     gt.Truth.With,
		Without:  gt.Truth.Without,
		Title:    label(gt.Truth.Title),
		Author:   label(gt.Truth.Author),
		Date:     label(gt.Truth.Date),
		Markdown: label(gt.Truth.Markdown),
	}, nil
}

// label is a ground-truth string field trimmed, "" when null or absent.
func label(p *string) string {
	if p == nil {
		return ""
	}
	return strings.TrimSpace(*p)
}

// Snippets returns how many of the page's With snippets text contains and
// how many of its Without snippets it does not (case-insensitive substring
// match, as the benchmark checks them).
func (p WCXBPage) Snippets(text string) (withFound, withoutAbsent int) {
	low := strings.ToLower(text)
	for _, s := range p.With {
		if strings.Contains(low, strings.ToLower(s)) {
			withFound++
		}
	}
	for _, s := range p.Without {
		if !strings.Contains(low, strings.ToLower(s)) {
			withoutAbsent++
		}
	}
	return withFound, withoutAbsent
}

// TypeConfusion counts, per labelled page type, the page types a system
// detected: TypeConfusion[label][detected]. A page with no detected type
// (it failed) counts under NoType.
type TypeConfusion map[string]map[string]int

// NoType stands for no detected page type in a TypeConfusion.
const NoType = "none"

// Add counts one page labelled label and detected as detected.
func (c TypeConfusion) Add(label, detected string) {
	if detected == "" {
		detected = NoType
	}
	if c[label] == nil {
		c[label] = map[string]int{}
	}
	c[label][detected]++
}

// Accuracy returns how many pages of label were detected as their labelled
// type, and how many there are; label "" counts every page.
func (c TypeConfusion) Accuracy(label string) (right, n int) {
	for l, row := range c {
		if label != "" && l != label {
			continue
		}
		for d, k := range row {
			n += k
			if d == l {
				right += k
			}
		}
	}
	return right, n
}

// Write prints the confusion table as Markdown: one row per labelled type
// (in the order of types), one column per detected type, then the share
// detected right.
func (c TypeConfusion) Write(w io.Writer, types []string) {
	cols := slices.Clone(types)
	for _, row := range c {
		for d := range row {
			if !slices.Contains(cols, d) {
				cols = append(cols, d)
			}
		}
	}
	slices.SortStableFunc(cols[len(types):], strings.Compare)
	head, rule := "| labelled \\ detected", "|---"
	for _, d := range cols {
		head += " | " + d
		rule += "|---"
	}
	fmt.Fprintln(w, head+" | right |")
	fmt.Fprintln(w, rule+"|---|")
	for _, l := range types {
		if len(c[l]) == 0 {
			continue
		}
		line := "| " + l
		for _, d := range cols {
			line += fmt.Sprintf(" | %d", c[l][d])
		}
		right, n := c.Accuracy(l)
		fmt.Fprintf(w, "%s | %.2f (%d/%d) |\n", line, float64(right)/float64(n), right, n)
	}
}
