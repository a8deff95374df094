package noise

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/winnowhq/winnow/bench/half"
)

// corpusFS holds clean pages written for the generator, so that the noise
// corpus and its quality gate do not need the benchmark folder: one
// directory per half (tuning, held-out) and in it one directory per page
// with page.html and body.txt (the text a cleaner should return: paragraphs
// separated by blank lines).
//
//go:embed corpus
var corpusFS embed.FS

// Builtin returns the clean pages bundled with the package, each in its
// half: news pages in several languages, in WordPress, portal, wire and
// long-form markup.
func Builtin() ([]Source, error) {
	var srcs []Source
	for _, h := range half.All {
		hdir := path.Join("corpus", h.String())
		dirs, err := fs.ReadDir(corpusFS, hdir)
		if err != nil {
			return nil, fmt.Errorf("bundled pages: %w", err)
		}
		for _, d := range dirs {
			if !d.IsDir() {
				continue
			}
			page, err := corpusFS.ReadFile(path.Join(hdir, d.Name(), "page.html"))
			if err != nil {
				return nil, fmt.Errorf("bundled page %s: %w", d.Name(), err)
			}
			body, err := corpusFS.ReadFile(path.Join(hdir, d.Name(), "body.txt"))
			if err != nil {
				return nil, fmt.Errorf("bundled page %s: %w", d.Name(), err)
			}
			srcs = append(srcs, Source{
				ID: d.Name(), URL: "https://" + d.Name() + ".example/article",
				HTML: page, Body: strings.TrimSpace(string(body)), Half: h,
			})
		}
	}
	return srcs, nil
}
