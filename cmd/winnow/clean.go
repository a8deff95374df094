package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/batch"
	"github.com/winnowhq/winnow/internal/netguard"
	"github.com/winnowhq/winnow/internal/regfile"
	"github.com/winnowhq/winnow/langid"
	"github.com/winnowhq/winnow/metadata"
	"github.com/winnowhq/winnow/rules"
	"github.com/winnowhq/winnow/spam"
)

const cleanUsage = `Usage: winnow clean [flags] INPUT...

Clean web pages into article text. INPUT is an http(s) URL, a file (HTML or
text, sniffed; gzip is detected), a WARC file (every HTML response or
resource record is a page, named FILE#OFFSET, its URL the record's target),
a directory (walked for .html, .htm, .txt and .warc files and any other
file that looks like HTML) or "-" for standard input (once). Results are
written in input order as each input finishes. An empty input or a page
whose text the rules removed is a warning (an error with --strict).

Examples:
  winnow clean fixtures/html-vn-portal-spam/input.html
  winnow clean https://example.com/news/article.html
  winnow clean --format jsonl -j 4 pages/ > clean.jsonl
  winnow clean --format jsonl crawl.warc.gz > clean.jsonl
  winnow clean --rules ./myrules --disable sidebar.marker page.html
  curl -s https://example.com/ | winnow clean --explain --url https://example.com/ -

Flags:
`

// cleanFlags are the flags of winnow clean, grouped by what they set.
type cleanFlags struct {
	format, input, targetLang string
	pageURL                   string // --url: the address of the one file or stdin page
	workers                   int
	explain, keepSpam, strict bool
	rules                     ruleChoice
	fetch                     fetchFlags
	markdown                  clean.MarkdownOptions
}

// ruleChoice is the rule set asked for: see loadRules.
type ruleChoice struct {
	dirs       multiFlag
	noDefaults bool
	disable    multiFlag
}

// defaultUserAgent is the User-Agent of winnow clean's fetches.
func defaultUserAgent() string {
	return "winnow/" + versionString() + " (+https://github.com/winnowhq/winnow)"
}

// isDirArg reports an argument that names a directory.
func isDirArg(a string) bool {
	st, err := os.Stat(a)
	return err == nil && st.IsDir()
}

// fetchFlags bound the reading of one input, fetched or not.
type fetchFlags struct {
	maxBytes  int64
	timeout   time.Duration
	userAgent string
	allowPriv bool
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// flagSet declares the flags of winnow clean into f.
func (f *cleanFlags) flagSet(e *env) *flag.FlagSet {
	fs := flag.NewFlagSet("winnow clean", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), cleanUsage); fs.PrintDefaults() }
	fs.StringVar(&f.format, "format", "text", "output format: text, jsonl or markdown")
	fs.IntVar(&f.workers, "j", runtime.NumCPU(), "number of inputs cleaned at once")
	fs.Var(&f.rules.dirs, "rules", "rule file or directory of rule files added to the defaults (repeatable)")
	fs.BoolVar(&f.rules.noDefaults, "no-default-rules", false, "do not load the built-in rules")
	fs.Var(&f.rules.disable, "disable", "rule id not to apply (repeatable)")
	fs.BoolVar(&f.explain, "explain", false, "report every removal with its rule id on stderr (and as trace in jsonl)")
	fs.StringVar(&f.input, "input", "auto", "input kind: auto, html or text")
	fs.StringVar(&f.pageURL, "url", "", "the page's address, for one file or stdin input (a saved page, a curl pipe): host-scoped rules, links to other sites and metadata read it; a source.url file beside the input, or the page's canonical link, gives it otherwise")
	fs.Int64Var(&f.fetch.maxBytes, "max-bytes", clean.DefaultMaxBytes, "size limit per input (per page of a WARC file), after decompression")
	fs.DurationVar(&f.fetch.timeout, "timeout", 30*time.Second, "time limit per input (per page of a WARC file), fetch and clean")
	fs.StringVar(&f.fetch.userAgent, "user-agent", defaultUserAgent(), "User-Agent for fetching URLs")
	fs.BoolVar(&f.markdown.Links, "links", false, "markdown: keep links as [text](url)")
	fs.BoolVar(&f.markdown.Images, "images", false, "markdown: keep images as ![alt](src)")
	fs.StringVar(&f.targetLang, "target-language", "", "keep only pages whose text is in one of these languages (ISO 639-1, comma-separated: en,de); pages whose language cannot be told are kept")
	fs.BoolVar(&f.keepSpam, "keep-spam", false, "output pages judged spam from top to bottom (parasite pages) as any other; without it their text is left out, with a warning on stderr")
	fs.BoolVar(&f.fetch.allowPriv, "allow-private", false, "let URLs (and their redirects) reach loopback, private and link-local addresses")
	fs.BoolVar(&f.strict, "strict", false, "exit 1 on warnings too: an empty input or directory, a page whose text the rules removed entirely")
	return fs
}

// check checks the parsed flags and returns the input kind and the target
// languages they name.
func (f *cleanFlags) check(fs *flag.FlagSet) (clean.InputKind, []string, error) {
	if fs.NArg() == 0 {
		return 0, nil, argError(fs, "no input given")
	}
	switch f.format {
	case "text", "jsonl", "markdown":
	default:
		return 0, nil, &usageError{fmt.Sprintf("clean: unknown format %q (want text, jsonl or markdown)", f.format)}
	}
	var kind clean.InputKind
	switch f.input {
	case "auto":
	case "html":
		kind = clean.InputHTML
	case "text":
		kind = clean.InputText
	default:
		return 0, nil, &usageError{fmt.Sprintf("clean: unknown input kind %q (want auto, html or text)", f.input)}
	}
	// Zero or less is not "the default": the URL fetcher would wait
	// forever, or refuse every body.
	if f.fetch.maxBytes <= 0 {
		return 0, nil, &usageError{fmt.Sprintf("clean: --max-bytes %d: want a size above zero", f.fetch.maxBytes)}
	}
	if f.fetch.timeout <= 0 {
		return 0, nil, &usageError{fmt.Sprintf("clean: --timeout %s: want a duration above zero", f.fetch.timeout)}
	}
	targets, err := langid.ParseTargets(f.targetLang)
	if err != nil {
		return 0, nil, &usageError{"clean: --target-language: " + err.Error()}
	}
	if f.pageURL != "" {
		u, err := url.Parse(f.pageURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return 0, nil, &usageError{fmt.Sprintf("clean: --url %q: want an absolute http(s) URL", f.pageURL)}
		}
		if fs.NArg() != 1 || batch.IsURL(fs.Arg(0)) || isDirArg(fs.Arg(0)) {
			return 0, nil, &usageError{"clean: --url names one page: give one file or - with it"}
		}
	}
	if f.workers < 1 {
		return 0, nil, &usageError{fmt.Sprintf("clean: -j %d: want 1 or more inputs at once", f.workers)}
	}
	return kind, targets, nil
}

func runClean(ctx context.Context, args []string, e *env) error {
	var f cleanFlags
	fs := f.flagSet(e)
	if done, err := parseFlags(fs, args, e); done {
		return err
	}
	kind, targets, err := f.check(fs)
	if err != nil {
		return err
	}
	rs, err := loadRules(f.rules.dirs, f.rules.noDefaults, f.rules.disable)
	if err != nil {
		return err
	}
	c, err := clean.New(clean.Options{Rules: rs, MaxBytes: f.fetch.maxBytes, PageTimeout: f.fetch.timeout, Trace: f.explain})
	if err != nil {
		return err
	}
	inputs, warnings, notes, err := batch.Expand(fs.Args())
	if err != nil {
		return &usageError{"clean: " + err.Error()}
	}
	for _, w := range warnings {
		fmt.Fprintf(e.stderr, "winnow: warning: %s\n", w)
	}
	for _, n := range notes {
		fmt.Fprintf(e.stderr, "winnow: note: %s\n", n)
	}
	b := &batch.Batch{
		Cleaner:  c,
		Fetcher:  batch.NewFetcher(f.fetch.userAgent, f.fetch.timeout, f.fetch.maxBytes, &netguard.Guard{AllowPrivate: f.fetch.allowPriv}),
		Kind:     kind,
		Stdin:    e.stdin,
		Workers:  f.workers,
		PageURL:  f.pageURL,
		MaxBytes: f.fetch.maxBytes,
	}
	t := &tally{f: &f, e: e, targets: targets, warned: len(warnings),
		out: &resultWriter{format: f.format, w: e.stdout, explain: f.explain, stderr: e.stderr, keepSpam: f.keepSpam, markdown: f.markdown}}
	if e.stderrTTY && len(inputs) > 1 && !f.explain {
		t.prog = newProgress(e.stderr, len(inputs))
	}
	err = b.Run(ctx, inputs, t.emit)
	if t.prog != nil {
		t.prog.finish()
	}
	if err != nil {
		return err
	}
	return t.finish()
}

// tally writes the outcomes of a clean batch as they come and counts them.
type tally struct {
	f                       *cleanFlags
	e                       *env
	targets                 []string
	out                     *resultWriter
	prog                    *progress
	n                       int // outcomes: one per input, one per page of a WARC file
	failed, dropped, warned int
}

// emit reports o's warning or error, then writes its result unless its
// language is not a target.
func (t *tally) emit(o batch.Outcome) error {
	if t.prog != nil {
		t.prog.clear()
	}
	if o.Note != "" {
		fmt.Fprintf(t.e.stderr, "winnow: note: %s\n", o.Note)
		return nil
	}
	t.n++
	switch w := o.Warning(t.f.keepSpam); {
	case w != "":
		t.warned++
		fmt.Fprintf(t.e.stderr, "winnow: warning: %s: %s\n", o.Source, w)
	case o.Err != nil:
		t.failed++
		fmt.Fprintf(t.e.stderr, "winnow: %v\n", o.Err)
	}
	var werr error
	if o.Result != nil && !langid.Wanted(o.Result.Language, t.targets) {
		t.dropped++
	} else {
		werr = t.out.write(o)
	}
	if t.prog != nil {
		t.prog.step(o.Err != nil)
	}
	return werr
}

// finish prints the batch's summary and says how it exits.
func (t *tally) finish() error {
	n := t.n
	if t.dropped > 0 {
		fmt.Fprintf(t.e.stderr, "winnow: %d of %d inputs dropped: text not in %s\n", t.dropped, n, strings.Join(t.targets, ","))
	}
	if t.failed > 0 {
		fmt.Fprintf(t.e.stderr, "winnow: %d of %d inputs failed\n", t.failed, n)
		return errSilent
	}
	if t.f.strict && t.warned > 0 {
		fmt.Fprintf(t.e.stderr, "winnow: %d warnings (--strict)\n", t.warned)
		return errSilent
	}
	return nil
}

// loadRules builds the rule set: the built-in rules unless disabled, then
// every rule directory in order, less the disabled ids. A rule file or
// directory that cannot be read or is wrong is a configError (exit 2).
func loadRules(dirs []string, noDefaults bool, disable []string) (*rules.Set, error) {
	set, err := rules.NewSet()
	if err != nil {
		return nil, err
	}
	if !noDefaults {
		if set, err = rules.Builtin(); err != nil {
			return nil, fmt.Errorf("built-in rules: %w", err)
		}
	}
	for _, d := range dirs {
		st, err := os.Stat(d)
		if err != nil {
			return nil, &configError{fmt.Errorf("rules: %w", err)}
		}
		var extra *rules.Set
		if st.IsDir() {
			extra, err = rules.Load(os.DirFS(d), d)
		} else {
			extra, err = loadRuleFile(d)
		}
		if err != nil {
			return nil, &configError{err}
		}
		if set, err = set.Merge(extra); err != nil {
			return nil, &configError{err}
		}
	}
	if len(disable) > 0 {
		var ids []string
		for _, d := range disable {
			ids = append(ids, strings.Split(d, ",")...)
		}
		if set, err = set.Without(ids...); err != nil {
			return nil, &configError{fmt.Errorf("--disable: %w", err)}
		}
	}
	return set, nil
}

func loadRuleFile(path string) (*rules.Set, error) {
	data, err := regfile.Read(path, rules.MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	rs, err := rules.Parse(path, data)
	if err != nil {
		return nil, err
	}
	return rules.NewSet(rs...)
}

// resultWriter writes one batch.Outcome in the chosen format.
type resultWriter struct {
	format   string
	markdown clean.MarkdownOptions
	w        io.Writer
	explain  bool
	stderr   io.Writer
	keepSpam bool
	n        int
}

type jsonLine struct {
	Source string `json:"source"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title,omitempty"`
	Text   string `json:"text"`
	metadata.Metadata
	// PageType is clean.Result.PageType.
	PageType string         `json:"page_type,omitempty"`
	Removed  map[string]int `json:"removed"`
	Error    string         `json:"error,omitempty"`
	Warning  string         `json:"warning,omitempty"`
	Trace    []rules.Hit    `json:"trace,omitempty"`
	spam.Verdict
}

func (rw *resultWriter) write(o batch.Outcome) error {
	defer func() { rw.n++ }()
	if rw.explain && o.Result != nil {
		for _, h := range o.Result.Trace {
			fmt.Fprintf(rw.stderr, "%s: %s %s [%s] %s: %q\n", o.Source, h.Stage, h.Action, h.Rule, h.Where, h.Excerpt)
			if h.Evidence != "" {
				fmt.Fprintf(rw.stderr, "%s:   spam score %s\n", o.Source, h.Evidence)
			}
		}
	}
	// A page spam from top to bottom: its text is left out (the jsonl line
	// still says spam and its score); its one warning is o.warning's.
	withheld := o.Withheld(rw.keepSpam)
	switch rw.format {
	case "jsonl":
		line := jsonLine{Source: o.Source, Removed: map[string]int{}}
		if line.Warning = o.Warning(rw.keepSpam); line.Warning == "" && o.Err != nil {
			line.Error = o.Err.Error()
		}
		if r := o.Result; r != nil {
			line.URL, line.Title, line.Text, line.Metadata, line.Removed = r.URL, r.Title, r.Body, r.Metadata, r.Removed
			line.PageType, line.Trace, line.Verdict = r.PageType, r.Trace, r.Verdict
			if withheld {
				line.Text = ""
			}
		}
		data, err := json.Marshal(line)
		if err != nil {
			return err
		}
		data = append(data, '\n')
		_, err = rw.w.Write(data)
		return err
	}
	if o.Result == nil || withheld || o.Err != nil {
		return nil // an empty page's result holds metadata alone: jsonl has it
	}
	var text string
	if rw.format == "markdown" {
		text = clean.Markdown(o.Result, rw.markdown)
	} else {
		text = clean.PlainText(o.Result)
	}
	sep := ""
	if rw.n > 0 {
		sep = "\n"
	}
	_, err := fmt.Fprintf(rw.w, "%s%s\n", sep, text)
	return err
}
