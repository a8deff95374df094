package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// AEBDirEnv names the environment variable that, when set, says where the
// benchmark pages live.
const AEBDirEnv = "WINNOW_AEB_DIR"

// AEBDir returns the benchmark folder: $WINNOW_AEB_DIR, or else
// ../../shared/bench/aeb, relative to the bench module directory
// (/work/shared/bench/aeb when the repository is /work/main).
func AEBDir() string { return envDir(AEBDirEnv, "../../shared/bench/aeb") }

// LoadAEB reads every page of the benchmark in dir, sorted by id. It returns
// an error wrapping ErrAbsent when dir or its ground truth does not exist.
func LoadAEB(dir string) ([]Page, error) {
	gtPath := filepath.Join(dir, "ground-truth.json")
	data, err := os.ReadFile(gtPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", gtPath, ErrAbsent)
	}
	if err != nil {
		return nil, fmt.Errorf("read ground truth: %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(data, &gt); err != nil {
		return nil, fmt.Errorf("read ground truth %s: %w", gtPath, err)
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := make([]Page, 0, len(ids))
	for _, id := range ids {
		body, err := readPage(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, fmt.Errorf("page %s: %w", id, err)
		}
		pages = append(pages, Page{ID: id, URL: gt[id].URL, HTML: body, Truth: gt[id].ArticleBody})
	}
	return pages, nil
}
