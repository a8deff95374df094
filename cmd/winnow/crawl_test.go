package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler/jobfile"
	"github.com/winnowhq/winnow/crawler/schedule"
	"github.com/winnowhq/winnow/internal/loopback"
)

// newsSite serves a home page linking three articles on 127.0.0.1:8080 when
// that port is free (so the README's minimal job runs exactly as written),
// else on a free port. gate, when not nil, is waited on by every article.
func newsSite(t *testing.T, gate chan struct{}) (string, *httptest.Server) {
	return newsSiteN(t, gate, 3, 0)
}

// newsSiteN is newsSite with n articles, each answered after wait.
func newsSiteN(t *testing.T, gate chan struct{}, n int, wait time.Duration) (string, *httptest.Server) {
	t.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:8080")
	if err != nil {
		ln = loopback.Listen(t)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.01\n")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, `<html><head><title>Home</title></head><body><ul>
<li><a href="/news/1?utm_source=x">One</a></li><li><a href="/news/2">Two</a></li>
<li><a href="/news/3#c">Three</a></li><li><a href="/private/x">x</a></li>`)
		for i := 4; i <= n; i++ {
			fmt.Fprintf(w, `<li><a href="/news/%d">Story</a></li>`, i)
		}
		fmt.Fprint(w, `</ul></body></html>`)
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		if gate != nil {
			<-gate
		}
		time.Sleep(wait)
		id := strings.TrimPrefix(r.URL.Path, "/news/")
		etag := `"v1-` + id + `"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		var b strings.Builder
		fmt.Fprintf(&b, `<html><head><title>Story %s</title><meta property="og:type" content="article"></head><body>
<article><h1>Story %s</h1>`, id, id)
		for i := range 6 {
			fmt.Fprintf(&b, "<p>Paragraph %d of story %s tells what the delegates agreed on at the meeting in the capital, and why it matters to the region's farmers this season.</p>\n", i, id)
		}
		b.WriteString(`</article><aside><h3>See more</h3><a href="/news/1">One</a></aside></body></html>`)
		fmt.Fprint(w, b.String())
	})
	return ln.Addr().String(), loopback.ServeOn(t, ln, mux)
}

// writeMinimalJob writes the README's minimal job, with the site's address.
func writeMinimalJob(t *testing.T, dir, addr, extra string) string {
	t.Helper()
	src := strings.ReplaceAll(minimalJob, "127.0.0.1:8080", addr) + extra
	p := filepath.Join(dir, "example.yaml")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// crawlRun is a minimal job against a test site, in its own directory, and
// the env its runs share.
type crawlRun struct {
	dir, job string
	e        *env
	stderr   *bytes.Buffer
}

// newCrawlRun writes the minimal job for the site at addr, plus extra, into
// a new temporary directory.
func newCrawlRun(t *testing.T, addr, extra string) *crawlRun {
	dir := t.TempDir()
	e, stderr := testEnv()
	return &crawlRun{dir: dir, job: writeMinimalJob(t, dir, addr, extra), e: e, stderr: stderr}
}

// run runs `winnow crawl` on the job once; the run must succeed.
func (c *crawlRun) run(t *testing.T) {
	t.Helper()
	if err := runCrawl(t.Context(), []string{c.job}, c.e); err != nil {
		t.Fatalf("runCrawl: %v\n%s", err, c.stderr)
	}
}

func testEnv() (*env, *bytes.Buffer) {
	var errb bytes.Buffer
	return &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errb, getenv: func(string) string { return "" }}, &errb
}

func TestRunCrawl_MinimalJob(t *testing.T) {
	addr, _ := newsSite(t, nil)
	c := newCrawlRun(t, addr, "")
	c.run(t)
	dir, stderr := c.dir, c.stderr
	files, _ := filepath.Glob(filepath.Join(dir, "out", "*.txt"))
	if len(files) != 3 {
		t.Fatalf("%d .txt files, want 3\n%s", len(files), stderr)
	}
	lines := indexLines(t, filepath.Join(dir, "out", "index.jsonl"))
	if len(lines) != 3 {
		t.Fatalf("%d index lines, want 3", len(lines))
	}
	for _, l := range lines {
		for _, k := range []string{"url", "file", "status", "fetched_at"} {
			if l[k] == nil || l[k] == "" {
				t.Errorf("index line %v lacks %s", l, k)
			}
		}
		if l["status"] != "new" {
			t.Errorf("status %v, want new", l["status"])
		}
		if l["language"] != "en" || l["content_hash"] == nil {
			t.Errorf("index line %v lacks the page's metadata (language en, content_hash)", l)
		}
		data, err := os.ReadFile(filepath.Join(dir, "out", l["file"].(string)))
		if err != nil || !strings.Contains(string(data), "delegates agreed") || strings.Contains(string(data), "See more") {
			t.Errorf("%v: %q, %v: want clean article text", l["file"], data, err)
		}
		// The title once, as the first line, then a blank line and the text.
		title, _ := l["title"].(string)
		if !strings.HasPrefix(string(data), title+"\n\n") || strings.Count(string(data), title) != 1 {
			t.Errorf("%v: %q: want the title %q once, as the first line", l["file"], data, title)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "state", "crawl.db")); err != nil {
		t.Errorf("state: %v", err)
	}

	// Nothing changed: nothing written.
	c.run(t)
	if n := len(indexLines(t, filepath.Join(dir, "out", "index.jsonl"))); n != 3 {
		t.Errorf("re-run: %d index lines, want still 3", n)
	}
}

// TestRunCrawl_TargetLanguage: articles in another language than the job's
// target_language are skipped, counted, and not written.
func TestRunCrawl_TargetLanguage(t *testing.T) {
	addr, _ := newsSite(t, nil)
	c := newCrawlRun(t, addr, "target_language: [de, fr]\n")
	c.run(t)
	dir, stderr := c.dir, c.stderr
	if files, _ := filepath.Glob(filepath.Join(dir, "out", "*.txt")); len(files) != 0 {
		t.Errorf("%d English articles written for a German and French job", len(files))
	}
	if !strings.Contains(stderr.String(), "(3 not in the target language)") {
		t.Errorf("the run does not count the 3 English articles: %s", stderr)
	}
	job := writeMinimalJob(t, dir, addr, "target_language: english\n")
	if _, err := jobfile.Load(job); err == nil || !strings.Contains(err.Error(), "target_language") {
		t.Errorf("target_language: english: err = %v, want a target_language error", err)
	}
}

func indexLines(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []map[string]any
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

func TestRunCrawl_BadJob(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(p, []byte("name: x\nseeds: [\"http://127.0.0.1:1/\"]\nouput: {dir: out}\n"), 0o644)
	e, _ := testEnv()
	err := runCrawl(context.Background(), []string{p}, e)
	if err == nil || !strings.Contains(err.Error(), p+`:3:1: unknown key "ouput" in job`) {
		t.Errorf("runCrawl = %v, want the unknown key with its position", err)
	}
}

func TestServe(t *testing.T) {
	sv, ts := startServe(t, nil)
	ctx, base, gate := ts.ctx, ts.base, ts.gate

	// While the first run waits on the gate, a second run is skipped.
	waitFor(t, func() bool { return strings.Contains(get(t, base+"/healthz"), `"running":true`) })
	sv.Run(ctx, sv.Jobs()[0])
	if m := get(t, base+"/metrics"); !strings.Contains(m, `winnow_runs_total{job="example",result="skipped"} 1`) {
		t.Errorf("overlapping run not skipped:\n%s", m)
	}
	close(gate)
	waitFor(t, func() bool { return strings.Contains(get(t, base+"/healthz"), `"last_success"`) })
	m := get(t, base+"/metrics")
	for _, want := range []string{
		`winnow_pages_total{job="example",outcome="written"} 3`,
		`winnow_pages_cleaned_total{job="example"} 3`,
		`winnow_pages_fetched_total{job="example"} 4`,
		`winnow_runs_total{job="example",result="ok"} 1`,
		`winnow_last_success_timestamp_seconds{job="example"}`,
		`winnow_fetch_duration_seconds_count{job="example"}`,
		`go_memstats_heap_inuse_bytes`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	ts.stop(t)
}

// TestServe_Reload: a reload (SIGHUP) adds a new job file and takes a changed
// one, whose next run still never overlaps the run of the old file; a bad
// file leaves the jobs as they were.
func TestServe_Reload(t *testing.T) {
	reload := make(chan os.Signal)
	sv, ts := startServe(t, reload)
	ctx, base, gate, dir, addr, logs := ts.ctx, ts.base, ts.gate, ts.dir, ts.addr, &ts.logs
	waitFor(t, func() bool { return strings.Contains(get(t, base+"/healthz"), `"running":true`) })

	writeMinimalJob(t, dir, addr, "schedule: \"@every 2h\"\n")
	b := strings.NewReplacer("name: example", "name: second", "dir: out", "dir: out2", "dir: state", "dir: state2", "127.0.0.1:8080", addr).Replace(minimalJob)
	if err := os.WriteFile(filepath.Join(dir, "second.yaml"), []byte(b+"schedule: \"@daily\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	reload <- syscall.SIGHUP
	waitFor(t, func() bool { return strings.Contains(logs.String(), "jobs reloaded") })
	jobs := sv.Jobs()
	if len(jobs) != 2 || jobs[0].File.Schedule != "@every 2h" || jobs[1].File.Config.Name != "second" {
		t.Fatalf("after reload: %d jobs, want example (@every 2h) and second", len(jobs))
	}
	h := get(t, base+"/healthz")
	if !strings.Contains(h, `"second":{"running":false`) || !strings.Contains(h, `"example":{"running":true`) {
		t.Errorf("healthz after reload = %s, want second idle and example still running", h)
	}
	sv.Run(ctx, jobs[0]) // the reloaded example while the old one runs
	if m := get(t, base+"/metrics"); !strings.Contains(m, `winnow_runs_total{job="example",result="skipped"} 1`) {
		t.Errorf("run of the reloaded job overlapped the running one:\n%s", m)
	}

	if err := os.WriteFile(filepath.Join(dir, "third.yaml"), []byte("name: third\nbogus: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	reload <- syscall.SIGHUP
	waitFor(t, func() bool { return strings.Contains(logs.String(), "reload failed") })
	if !strings.Contains(logs.String(), `third.yaml:2:1: unknown key \"bogus\" in job`) {
		t.Errorf("reload error does not name the file and line:\n%s", logs.String())
	}
	if jobs := sv.Jobs(); len(jobs) != 2 {
		t.Errorf("a bad file changed the jobs: %d, want the 2 before", len(jobs))
	}
	close(gate)
	waitFor(t, func() bool { return strings.Contains(get(t, base+"/healthz"), `"last_success"`) })
	ts.stop(t)
}

// testServe is a running `winnow serve --run-now` of the minimal job with
// an hourly schedule, on a news site whose pages wait for gate to close.
type testServe struct {
	ctx    context.Context
	base   string // http://addr of /healthz and /metrics
	gate   chan struct{}
	dir    string // of the job files
	addr   string // of the news site
	logs   lockedBuffer
	cancel context.CancelFunc
	served chan error
}

func startServe(t *testing.T, reload <-chan os.Signal) (*schedule.Server, *testServe) {
	t.Helper()
	ts := &testServe{gate: make(chan struct{}), dir: t.TempDir(), served: make(chan error, 1)}
	ts.addr, _ = newsSite(t, ts.gate)
	writeMinimalJob(t, ts.dir, ts.addr, "schedule: \"@every 1h\"\n")
	dir := ts.dir
	log, _ := newLogger(&ts.logs, "text", false)
	sv, err := newServer(dir, "", "", log)
	if err != nil {
		t.Fatal(err)
	}
	ln := loopback.Listen(t)
	ts.ctx, ts.cancel = context.WithCancel(t.Context())
	ts.base = "http://" + ln.Addr().String()
	ctx := ts.ctx
	go func() { ts.served <- sv.Serve(ctx, ln, true, reload) }()
	return sv, ts
}

// stop ends serve as SIGINT does and checks that it returns no error.
func (ts *testServe) stop(t *testing.T) {
	t.Helper()
	ts.cancel()
	if err := <-ts.served; err != nil {
		t.Errorf("serve: %v", err)
	}
}

// lockedBuffer is a bytes.Buffer safe for a logger and a reader at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func get(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatal("condition not met in 10s")
}

func TestRunCrawl_Progress(t *testing.T) {
	addr, _ := newsSiteN(t, nil, 8, 60*time.Millisecond)
	c := newCrawlRun(t, addr, "politeness: {delay: 10ms}\n")
	c.e.stderrTTY = true
	c.run(t)
	out := c.stderr.String()
	if !strings.Contains(out, "\r\033[Kexample: ") || !strings.Contains(out, "queued") || !strings.Contains(out, "pages/s") {
		t.Errorf("no progress line on a terminal:\n%q", out)
	}
	if !strings.Contains(out, "example: 8 written (8 new, 0 changed)") {
		t.Errorf("no summary line:\n%q", out)
	}
}

func TestServe_SharedDirs(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a", "b"} {
		src := strings.Replace(minimalJob, "name: example", "name: "+name, 1) + "schedule: \"@hourly\"\n"
		if err := os.WriteFile(filepath.Join(dir, name+".yaml"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e, _ := testEnv()
	log, _ := newLogger(e.stderr, "text", false)
	_, err := newServer(dir, "", "", log)
	if err == nil || !strings.Contains(err.Error(), "b.yaml: "+filepath.Join(dir, "state")+" is also used by "+filepath.Join(dir, "a.yaml")) {
		t.Errorf("newServer = %v, want the shared state dir reported", err)
	}
}

// TestCheck: crawl --check and serve --check validate job files and their
// rules without touching the network, the state or the output.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	job := writeMinimalJob(t, dir, "127.0.0.1:1", "schedule: \"@hourly\"\n")
	out, _, err := runCmd(t, "", "crawl", "--check", job)
	if err != nil || !strings.HasPrefix(out, job+`: ok: job "example", 1 seeds`) || !strings.Contains(out, `schedule "@hourly"`) {
		t.Errorf("crawl --check = %q, %v", out, err)
	}
	out, _, err = runCmd(t, "", "serve", "--jobs", dir, "--check")
	if err != nil || !strings.HasPrefix(out, job+": ok: ") {
		t.Errorf("serve --check = %q, %v", out, err)
	}
	for _, d := range []string{"out", "state"} {
		if _, err := os.Stat(filepath.Join(dir, d)); !os.IsNotExist(err) {
			t.Errorf("--check created %s: %v", d, err)
		}
	}
	bad := writeMinimalJob(t, t.TempDir(), "127.0.0.1:1", "rules:\n  dirs: [missing-rules]\n")
	if _, _, err := runCmd(t, "", "crawl", "--check", bad); err == nil || !strings.Contains(err.Error(), "missing-rules") {
		t.Errorf("crawl --check with a missing rule dir = %v, want the error", err)
	}
}

// TestRunCrawl_SpamPage: a parasite landing page on the crawled site gets
// no article file, one index line with status spam and its score, and is
// counted; the real article is written as usual.
func TestRunCrawl_SpamPage(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><head><title>Home</title></head><body><a href="/news/1">One</a> <a href="/news/2">Two</a></body></html>`)
		case "/news/1":
			fmt.Fprint(w, `<html><head><title>Harbour works</title><meta property="og:type" content="article"></head><body><article><h1>Harbour works</h1>`+
				strings.Repeat(`<p>The harbour authority said the new quay would open in spring, after two years of works and a long dispute over the budget.</p>`, 4)+
				`</article></body></html>`)
		case "/news/2":
			fmt.Fprint(w, `<html><head><title>HOKI88 Situs Slot Gacor Hari Ini Gampang Maxwin</title><meta property="og:type" content="article"></head><body>
<h1>Daftar HOKI88 agen judi online terpercaya</h1><a href="https://hoki88.vip/register">Daftar</a> <a href="https://hoki88.vip/login">Login</a>
<p>Link alternatif HOKI88 anti blokir, bandar togel dan slot deposit pulsa tanpa potongan.</p><p>Bocoran pola slot gacor HOKI88 hari ini.</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	c := newCrawlRun(t, strings.TrimPrefix(srv.URL, "http://"), "")
	dir, stderr := c.dir, c.stderr
	for run := range 2 {
		c.run(t)
		files, _ := filepath.Glob(filepath.Join(dir, "out", "*.txt"))
		if len(files) != 1 {
			t.Fatalf("run %d: %d .txt files, want 1 (the real article)\n%s", run, len(files), stderr)
		}
		lines := indexLines(t, filepath.Join(dir, "out", "index.jsonl"))
		spam := 0
		for _, l := range lines {
			if l["status"] == "spam" {
				spam++
				if l["spam"] != true || l["spam_score"] == nil || l["file"] != nil {
					t.Errorf("spam index line %v: want spam true, a spam_score and no file", l)
				}
			}
		}
		if len(lines) != 2 || spam != 1 {
			t.Errorf("run %d: index %v: want the article and one spam line", run, lines)
		}
	}
	if !strings.Contains(stderr.String(), "1 spam") {
		t.Errorf("summary does not count the spam page:\n%s", stderr)
	}
}
