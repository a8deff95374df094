// Command meta measures winnow's rich output on real pages, beside
// go-trafilatura in the same run:
//
//   - metadata on WCXB dev: title, author and date accuracy against the
//     labels, and the share of pages without a labelled author or date that
//     get one anyway (an invented value);
//   - the language of the text on labelled pages in many languages, beside
//     the page's own <html lang>;
//   - Markdown structure on WCXB dev: the labelled headings, list items and
//     table rows found in the output;
//   - the CPU price of the metadata: winnow with and without it, same pages,
//     same process.
//
// Run it from the bench module: go run ./cmd/meta. The matching rules are
// in bench/README.md ("Metadata, language and Markdown").
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/winnowhq/winnow/bench"
	"github.com/winnowhq/winnow/bench/internal/command"
	"github.com/winnowhq/winnow/clean"
)

func main() { command.Main("meta", &metaCommand{}) }

// metaCommand is the command and its flags.
type metaCommand struct {
	wcxbDir  string
	aebDir   string
	fixtures string
	seeds    string
	extra    bool
	limit    int
	ids      string
	dumpLang string
	misses   bool
	sources  bool
	doLang   bool
	doCPU    bool
	doTraf   bool
}

func (c *metaCommand) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.wcxbDir, "wcxb", "../../shared/bench/wcxb", "WCXB folder (dev/html, dev/ground-truth)")
	fs.StringVar(&c.aebDir, "aeb", bench.AEBDir(), "AEB folder, for the language set")
	fs.StringVar(&c.fixtures, "fixtures", "../fixtures", "winnow's fixtures, for the language set")
	fs.StringVar(&c.seeds, "seeds", "../../shared/seeds", "seed dumps, for the language set")
	fs.BoolVar(&c.extra, "module-pages", true, "add the test pages shipped in the go-readability and go-trafilatura modules to the language set")
	fs.IntVar(&c.limit, "n", 0, "WCXB pages to read (0: all)")
	fs.StringVar(&c.ids, "ids", "", "WCXB pages by the parity of their number: odd, even or all (\"\"), to develop on one half and check on the other")
	fs.StringVar(&c.dumpLang, "dump-lang", "", "write the language set as JSON lines (label, declared, text) to this file")
	fs.BoolVar(&c.misses, "misses", false, "print every page where a field is wrong")
	fs.BoolVar(&c.sources, "title-sources", false, "with -misses: print under each title miss what the page says of its title (<title>, og:title, og:site_name, <h1>)")
	fs.BoolVar(&c.doLang, "lang", true, "measure the language of the text")
	fs.BoolVar(&c.doCPU, "cpu", true, "measure the CPU price of the metadata")
	fs.BoolVar(&c.doTraf, "traf", true, "run go-trafilatura beside winnow (false: winnow's columns alone, faster)")
}

func (c *metaCommand) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	full, err := clean.New(clean.Options{})
	if err != nil {
		return err
	}
	bare, err := clean.New(clean.Options{SkipMetadata: true})
	if err != nil {
		return err
	}

	pages, err := loadWCXB(c.wcxbDir, c.limit)
	if err != nil {
		return err
	}
	if pages, err = byParity(pages, c.ids); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "meta: %d WCXB pages\n", len(pages))
	m := measureWCXB(ctx, full, pages, c.doTraf, c.misses, c.sources, stderr)
	printMeta(stdout, m)
	printStructure(stdout, m)

	if c.doLang {
		set, err := languageSet(ctx, full, c.wcxbDir, pages, c.aebDir, c.fixtures, c.seeds, c.extra)
		if err != nil {
			return err
		}
		if c.dumpLang != "" {
			if err := writeLangSet(c.dumpLang, set); err != nil {
				return err
			}
		}
		printLanguage(stdout, set, c.misses, stderr)
	}
	if c.doCPU {
		printCPU(ctx, stdout, full, bare, pages)
	}
	return nil
}

// printCPU cleans every page with and without the metadata, alternating
// rounds, on one goroutine, and reports user+system CPU per page.
func printCPU(ctx context.Context, w io.Writer, full, bare *clean.Cleaner, pages []wcxbPage) {
	const rounds = 3
	var tFull, tBare []time.Duration
	for r := 0; r < rounds; r++ {
		for i, c := range []*clean.Cleaner{bare, full} {
			start := cpuTime()
			for _, p := range pages {
				c.Clean(ctx, clean.Input{Source: p.id, URL: p.url, ContentType: "text/html; charset=utf-8", Kind: clean.InputHTML, Data: p.html})
			}
			d := cpuTime() - start
			if i == 0 {
				tBare = append(tBare, d)
			} else {
				tFull = append(tFull, d)
			}
		}
	}
	mb, mf := median(tBare), median(tFull)
	n := time.Duration(len(pages))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\nCPU per page (median of %d rounds, %d pages, one goroutine)\n", rounds, len(pages))
	fmt.Fprintf(tw, "winnow without metadata\t%v\n", (mb / n).Round(time.Microsecond))
	fmt.Fprintf(tw, "winnow with metadata, language, hash\t%v\n", (mf / n).Round(time.Microsecond))
	fmt.Fprintf(tw, "ratio\t%.3f\n", float64(mf)/float64(mb))
	tw.Flush()
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func writeLangSet(path string, set []langPage) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for _, p := range set {
		enc.Encode(map[string]string{"source": p.source, "label": p.label, "declared": p.declared, "text": p.text})
	}
	return f.Close()
}

func pct(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f (%d/%d)", float64(a)/float64(b), a, b)
}

func short(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
