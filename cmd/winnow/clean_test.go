package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/winnowhq/winnow/internal/batch"
	"github.com/winnowhq/winnow/internal/loopback"
	"github.com/winnowhq/winnow/internal/netguard"
)

// runCmd runs winnow with args and returns stdout, stderr and the error.
func runCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	err := run(context.Background(), args, e)
	return out.String(), errb.String(), err
}

const seed003 = "../../fixtures/seed-003/input.txt"

func TestClean_TextFixture(t *testing.T) {
	out, _, err := runCmd(t, "", "clean", seed003)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../fixtures/seed-003/expected.txt")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("clean %s =\n%s\nwant\n%s", seed003, out, want)
	}
}

func TestClean_JSONLOrderAndErrors(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "image.html")
	if err := os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.html")
	out, stderr, err := runCmd(t, "tk88 bet\n\nStdin paragraph that stays.\n", "clean", "--format", "jsonl", "-j", "3",
		seed003, missing, bin, "-")
	if !errors.Is(err, errSilent) {
		t.Fatalf("err = %v, want the silent failure exit", err)
	}
	recs := jsonLines(t, out)
	if len(recs) != 4 {
		t.Fatalf("got %d jsonl lines, want 4:\n%s", len(recs), out)
	}
	if recs[0].Source != seed003 || recs[0].Error != "" || recs[0].Removed["spam.line"] != 2 {
		t.Errorf("line 1 = %+v", recs[0])
	}
	if recs[1].Source != missing || !strings.Contains(recs[1].Error, "no such file") {
		t.Errorf("line 2 = %+v, want a missing-file error", recs[1])
	}
	if recs[2].Source != bin || !strings.Contains(recs[2].Error, "binary data") {
		t.Errorf("line 3 = %+v, want a binary-data error", recs[2])
	}
	if recs[3].Source != "-" || recs[3].Text != "Stdin paragraph that stays." {
		t.Errorf("line 4 = %+v", recs[3])
	}
	for _, want := range []string{missing, bin, "2 of 4 inputs failed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestClean_URL(t *testing.T) {
	var gotUA string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.Header.Get("User-Agent")
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<html><head><title>Ferry fares cut</title></head><body><article><p>Ferry fares across the harbour will fall by a fifth from next Monday, the transport authority said, in a move to ease winter crowding.</p><div style="display:none">nhà cái uy tín kv79 bet</div></article></body></html>`))
	}))
	defer srv.Close()
	// Loopback is refused unless asked for (issue 17: clean URL followed
	// redirects to link-local and private addresses).
	_, stderr, err := runCmd(t, "", "clean", srv.URL+"/story")
	if err == nil || !strings.Contains(stderr, "not allowed") {
		t.Errorf("clean of a loopback URL without --allow-private: err %v, stderr %q", err, stderr)
	}
	out, _, err := runCmd(t, "", "clean", "--allow-private", srv.URL+"/story")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "Ferry fares cut\n\nFerry fares across the harbour") || strings.Contains(out, "kv79") {
		t.Errorf("clean URL = %q", out)
	}
	if !strings.HasPrefix(gotUA, "winnow/") {
		t.Errorf("User-Agent = %q, want an honest winnow/... agent", gotUA)
	}
	_, stderr, err = runCmd(t, "", "clean", "--allow-private", srv.URL+"/missing")
	if err == nil || !strings.Contains(stderr, "404") || !strings.Contains(stderr, "/missing") {
		t.Errorf("404: err %v, stderr %q", err, stderr)
	}
}

func TestClean_DirectoryMarkdownExplain(t *testing.T) {
	dir := t.TempDir()
	page, err := os.ReadFile("../../fixtures/html-clean-list-subheadings/input.html")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "sub", "page.html"), page, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("not a page"), 0o644)
	out, _, err := runCmd(t, "", "clean", "--format", "markdown", dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "# ") || !strings.Contains(out, "\n- ") {
		t.Errorf("markdown lacks a title or list:\n%s", out)
	}
	_, stderr, err := runCmd(t, "", "clean", "--explain", seed003)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"[spam.line]", "[glyph.leading]", "[sidebar.marker]", "[junk.image-filename]"} {
		if !strings.Contains(stderr, id) {
			t.Errorf("--explain output lacks %s:\n%s", id, stderr)
		}
	}
}

func TestClean_RuleOptions(t *testing.T) {
	out, _, err := runCmd(t, "", "clean", "--disable", "glyph.leading", seed003)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "💮 The Party official") {
		t.Errorf("--disable glyph.leading still stripped the glyph")
	}
	_, _, err = runCmd(t, "", "clean", "--disable", "no.such-rule", seed003)
	if err == nil || !strings.Contains(err.Error(), `no rule with id "no.such-rule"`) {
		t.Errorf("--disable of an unknown id: err = %v", err)
	}
	dir := t.TempDir()
	bad := "rules:\n  - id: site.promo\n    scope: {stage: text}\n    match: {text: '(promo'}\n    action: drop\n"
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = runCmd(t, "", "clean", "--rules", dir, seed003)
	want := filepath.Join(dir, "site.yaml") + ":4:19: bad regex in text: missing closing ): `(promo`"
	if err == nil || err.Error() != want {
		t.Errorf("bad rule file: err = %v, want %q", err, want)
	}
	good := "rules:\n  - id: site.keep-see-more\n    scope: {stage: text}\n    match: {text: '^See more$'}\n    action: keep\n    examples: [{in: 'See more', out: 'See more'}]\n"
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err = runCmd(t, "", "clean", "--rules", dir, seed003)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "\nSee more\n") {
		t.Errorf("a keep rule from --rules did not protect the block:\n%s", out)
	}
}

func TestRulesCommands(t *testing.T) {
	out, _, err := runCmd(t, "", "rules", "test", "-q", "--fixtures", "../../fixtures")
	if err != nil {
		t.Fatalf("rules test: %v\n%s", err, out)
	}
	if !strings.Contains(out, " passed, 0 failed") {
		t.Errorf("rules test output:\n%s", out)
	}
	out, _, err = runCmd(t, "", "rules", "lint", "--fixtures", "../../fixtures")
	if err != nil || !strings.Contains(out, "0 broken examples, 0 without examples") {
		t.Errorf("rules lint: %v\n%s", err, out)
	}
	out, _, err = runCmd(t, "", "rules", "list")
	if err != nil || !strings.Contains(out, "spam.line") {
		t.Errorf("rules list: %v\n%s", err, out)
	}
}

func TestVersionAndHelp(t *testing.T) {
	out, _, err := runCmd(t, "", "--version")
	if err != nil || !strings.HasPrefix(out, "winnow ") {
		t.Errorf("--version = %q, %v", out, err)
	}
	out, _, err = runCmd(t, "", "help", "clean")
	if err != nil || !strings.Contains(out, "Usage: winnow clean") || !strings.Contains(out, "Examples:") {
		t.Errorf("help clean = %q, %v", out, err)
	}
	// help rules: the usage and its flags on stdout, nothing on stderr.
	out, errOut, err := runCmd(t, "", "help", "rules")
	if err != nil || !strings.Contains(out, "Usage: winnow rules") || !strings.Contains(out, "-update") || errOut != "" {
		t.Errorf("help rules: stdout %q, stderr %q, %v", out, errOut, err)
	}
	// -h prints the usage once, on stdout; a bad flag prints nothing and
	// leaves the error to the caller, which prints it: one line naming the
	// flag and where the flags are listed, not the usage.
	for _, args := range [][]string{{"clean"}, {"crawl"}, {"serve"}, {"rules", "lint"}} {
		cmd := args[0]
		out, errOut, err := runCmd(t, "", append(args, "-h")...)
		if err != nil || strings.Count(out, "Usage: winnow "+cmd) != 1 || errOut != "" {
			t.Errorf("%s -h: stdout %q, stderr %q, %v: want the usage once on stdout", cmd, out, errOut, err)
		}
		out, errOut, err = runCmd(t, "", append(args, "-bogus", "x")...)
		want := cmd + `: flag provided but not defined: -bogus (see "winnow ` + cmd + ` -h")`
		if exitCode(err) != 2 || out != "" || errOut != "" || err.Error() != want {
			t.Errorf("%s -bogus: stdout %q, stderr %q, %v: want nothing printed and the error %q", cmd, out, errOut, err, want)
		}
	}
	for _, bad := range [][]string{{"--max-bytes", "0"}, {"--max-bytes", "-5"}, {"--timeout", "0s"}, {"--timeout", "-1s"}, {"-j", "0"}, {"-j", "-2"}} {
		_, _, err := runCmd(t, "", append([]string{"clean"}, append(bad, seed003)...)...)
		if exitCode(err) != exitConfig || err == nil || !strings.Contains(err.Error(), bad[0]+" "+bad[1]) {
			t.Errorf("clean %s %s: %v, want a usage error naming it", bad[0], bad[1], err)
		}
	}
	_, _, err = runCmd(t, "", "clean", "-j", "many", "x")
	if want := `clean: invalid value "many" for flag -j: parse error (see "winnow clean -h")`; err == nil || err.Error() != want {
		t.Errorf("clean -j many: %v, want %q", err, want)
	}
	_, _, err = runCmd(t, "", "clean")
	var ue *usageError
	if !errors.As(err, &ue) || exitCode(err) != 2 {
		t.Errorf("clean without input: err = %v, want a usage error (exit 2)", err)
	}
}

// TestClean_TargetLanguage: pages whose text is in another language are
// dropped and counted; the kept page's record carries its metadata.
func TestClean_TargetLanguage(t *testing.T) {
	vi := "../../fixtures/html-vn-portal-spam/input.html"
	th := "../../fixtures/html-th-hidden-spam/input.html"
	out, stderr, err := runCmd(t, "", "clean", "--format", "jsonl", "--target-language", "vi", vi, th)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("got %d lines, want 1 (the Thai page dropped):\n%s", len(lines), out)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"title", "language", "declared_lang", "authors", "published", "site_name", "canonical_url", "content_hash"} {
		if rec[k] == nil || rec[k] == "" {
			t.Errorf("record lacks %q: %v", k, rec)
		}
	}
	if rec["language"] != "vi" {
		t.Errorf("language = %v, want vi", rec["language"])
	}
	if _, ok := rec["lang"]; ok {
		t.Errorf("record still has the old lang field")
	}
	if !strings.Contains(stderr, "1 of 2 inputs dropped") {
		t.Errorf("stderr does not count the dropped page: %q", stderr)
	}
	if _, _, err := runCmd(t, "", "clean", "--target-language", "english", vi); err == nil {
		t.Error("--target-language english was accepted")
	}
}

// TestFetcher_RedirectGuard follows a redirect from an allowed address to
// one that is not: the guard checks every connection, redirects included
// (all on 127.0.0.0/8: 127.0.0.1 stands for the allowed public site, and a
// second loopback address for the private one).
func TestFetcher_RedirectGuard(t *testing.T) {
	inner, err := net.Listen("tcp4", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no second loopback address: %v", err)
	}
	reached := make(chan struct{}, 1)
	private := &httptest.Server{Listener: inner, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached <- struct{}{}
		w.Write([]byte("<p>secret</p>"))
	})}}
	private.Start()
	defer private.Close()
	srv := httptest.NewServer(http.RedirectHandler(private.URL+"/latest/meta-data/", http.StatusFound))
	defer srv.Close()
	g := &netguard.Guard{}
	g.Allow(netip.MustParseAddr("127.0.0.1"))
	f := batch.NewFetcher("winnow-test", 5*time.Second, 1<<20, g)
	_, err = f.Fetch(t.Context(), srv.URL+"/")
	if !errors.Is(err, netguard.ErrBlocked) {
		t.Errorf("redirect to %s: err %v, want netguard.ErrBlocked", private.URL, err)
	}
	select {
	case <-reached:
		t.Error("the private server was reached")
	default:
	}
}

// parasitePage is a landing page that is spam from top to bottom.
const parasitePage = `<html><head><title>HOKI88 Situs Slot Gacor Hari Ini Gampang Maxwin</title></head><body>
<h1>Daftar HOKI88 agen judi online terpercaya</h1><a class=btn href="https://hoki88.vip/register">Daftar</a> <a href="https://hoki88.vip/login">Login</a>
<p>Link alternatif HOKI88 anti blokir, bandar togel dan slot deposit pulsa tanpa potongan.</p><p>Bocoran pola slot gacor HOKI88 hari ini.</p></body></html>`

// TestClean_SpamPageOneWarning: a page spam from top to bottom prints
// nothing in text mode and exactly one warning naming it (README: "text
// mode prints nothing for it and one warning on stderr"), not a second
// "the rules removed all the text" line; jsonl carries the same warning,
// and --strict counts it once.
func TestClean_SpamPageOneWarning(t *testing.T) {
	page := filepath.Join(t.TempDir(), "parasite.html")
	if err := os.WriteFile(page, []byte(parasitePage), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runCmd(t, "", "clean", page)
	if err != nil || out != "" {
		t.Fatalf("text mode: err %v, stdout %q", err, out)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], page) || !strings.Contains(lines[0], "spam page") {
		t.Errorf("stderr = %q, want one warning naming the spam page", stderr)
	}
	out, _, err = runCmd(t, "", "clean", "--format", "jsonl", page)
	if err != nil {
		t.Fatal(err)
	}
	if rec := oneJSONLine(t, out); !rec.Spam || rec.Text != "" || !strings.Contains(rec.Warning, "spam page") {
		t.Errorf("jsonl = %s, want spam true, no text, the spam warning", out)
	}
	_, stderr, err = runCmd(t, "", "clean", "--strict", page)
	if !errors.Is(err, errSilent) || !strings.Contains(stderr, "1 warnings (--strict)") {
		t.Errorf("--strict: err %v, stderr %q", err, stderr)
	}
}

// TestRulesLint_NoFixtures: `winnow rules lint` run where there is no
// fixtures directory (any directory but the repository's root) said that
// every rule "never fires" — 54 false warnings; it now says once that firing
// was not checked, and still runs the examples.
func TestRulesLint_NoFixtures(t *testing.T) {
	out, stderr, err := runCmd(t, "", "rules", "lint", "--fixtures", filepath.Join(t.TempDir(), "fixtures"))
	if err != nil {
		t.Fatalf("rules lint: %v\n%s", err, out)
	}
	if strings.Contains(out, "never fires") || !strings.Contains(out, "0 broken examples, 0 without examples, 0 never firing") {
		t.Errorf("rules lint without fixtures:\n%s", out)
	}
	if !strings.Contains(stderr, "not checked whether the rules fire") {
		t.Errorf("stderr = %q, want a note that firing was not checked", stderr)
	}
}

// TestRulesList_Columns: every line of `winnow rules list` has its action in
// the same column, whatever the stage's name (dom, article, text).
func TestRulesList_Columns(t *testing.T) {
	out, _, err := runCmd(t, "", "rules", "list")
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	stages := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		stages[f[1]] = true
		i := strings.Index(line[29:], " "+f[2]+" ") + 29
		if col == -1 {
			col = i
		} else if i != col {
			t.Errorf("action column %d, want %d: %q", i, col, line)
		}
	}
	if !stages["article"] || !stages["dom"] || !stages["text"] {
		t.Errorf("stages listed: %v, want dom, article and text among them", stages)
	}
}

// TestJSONL_FieldsDocumented: every field a jsonl record can carry is in the
// README's "Output schema" table. page_type, spam, spam_score and warning
// were written but not documented.
func TestJSONL_FieldsDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, schema, ok := strings.Cut(string(readme), "### Output schema")
	if !ok {
		t.Fatal("README has no Output schema section")
	}
	schema, _, _ = strings.Cut(schema, "\n### ")
	documented := map[string]bool{}
	for _, line := range strings.Split(schema, "\n") {
		if f, ok := strings.CutPrefix(line, "| `"); ok {
			name, _, _ := strings.Cut(f, "`")
			documented[name] = true
		}
	}
	dir := t.TempDir()
	spamPage := filepath.Join(dir, "parasite.html")
	empty := filepath.Join(dir, "empty.html")
	for name, data := range map[string]string{spamPage: parasitePage, empty: ""} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, _ := runCmd(t, "", "clean", "--format", "jsonl", "--explain",
		"../../fixtures/html-vn-portal-spam/input.html", spamPage, empty, filepath.Join(dir, "missing.html"))
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		for k := range rec {
			seen[k] = true
		}
	}
	for _, want := range []string{"page_type", "spam", "spam_score", "warning", "error", "trace", "authors"} {
		if !seen[want] {
			t.Errorf("no record carries %q: the inputs of this test no longer cover it", want)
		}
	}
	for k := range seen {
		if !documented[k] {
			t.Errorf("jsonl field %q is not in the README's Output schema", k)
		}
	}
}

// TestClean_FetchErrorNamesSource: a URL that cannot be fetched is
// reported as "winnow: URL: fetch: why", like a 404 and like files, not as
// net/http's `fetch: Get "URL": ...`; a refused private address says how to
// allow it.
func TestClean_FetchErrorNamesSource(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	_, stderr, _ := runCmd(t, "", "clean", srv.URL+"/story")
	if !strings.HasPrefix(stderr, "winnow: "+srv.URL+"/story: fetch: ") || strings.Contains(stderr, `Get "`) || !strings.Contains(stderr, "--allow-private") {
		t.Errorf("refused private address: stderr %q", stderr)
	}
	dead := "http://" + loopback.FreeAddr(t) + "/"
	_, stderr, _ = runCmd(t, "", "clean", "--allow-private", dead)
	if !strings.HasPrefix(stderr, "winnow: "+dead+": fetch: ") || strings.Contains(stderr, `Get "`) {
		t.Errorf("connection refused: stderr %q", stderr)
	}
}

// TestClean_SpamPage: a parasite page prints nothing in text mode, with one
// warning naming it; --keep-spam prints it; jsonl says spam and its score.
func TestClean_SpamPage(t *testing.T) {
	page := filepath.Join(t.TempDir(), "parasite.html")
	if err := os.WriteFile(page, []byte(`<html><head><title>HOKI88 Situs Slot Gacor Hari Ini Gampang Maxwin</title></head><body>
<h1>Daftar HOKI88 agen judi online terpercaya</h1><a href="https://hoki88.vip/register">Daftar</a> <a href="https://hoki88.vip/login">Login</a>
<p>Link alternatif HOKI88 anti blokir, bandar togel dan slot deposit pulsa tanpa potongan, proses cepat untuk semua member baru.</p></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runCmd(t, "", "clean", page)
	if err != nil || out != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, page) || !strings.Contains(stderr, "spam page") {
		t.Errorf("text mode: err %v, stdout %q, stderr %q: want no output and one warning naming the page", err, out, stderr)
	}
	out, _, err = runCmd(t, "", "clean", "--keep-spam", page)
	if err != nil || !strings.Contains(out, "HOKI88") {
		t.Errorf("--keep-spam: err %v, stdout %q: want the page", err, out)
	}
	out, _, err = runCmd(t, "", "clean", "--format", "jsonl", page)
	var rec map[string]any
	if err != nil || json.Unmarshal([]byte(out), &rec) != nil || rec["spam"] != true || rec["spam_score"] == nil || rec["text"] != "" {
		t.Errorf("jsonl: err %v, %q: want spam true, spam_score, empty text", err, out)
	}
}

// TestClean_EmptyPageMetadata: a page its scripts fill prints nothing in
// text mode, with the empty-page warning; its jsonl line carries the
// warning and the title and metadata its head declares.
func TestClean_EmptyPageMetadata(t *testing.T) {
	page := filepath.Join(t.TempDir(), "shell.html")
	shell := `<html lang="en"><head><title>Where should I start? | Example Forum</title>` +
		`<meta property="og:site_name" content="Example Forum"></head><body><div id="app"></div></body></html>`
	if err := os.WriteFile(page, []byte(shell), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runCmd(t, "", "clean", page)
	if err != nil || out != "" || !strings.Contains(stderr, "empty page") {
		t.Fatalf("text mode: err %v, stdout %q, stderr %q", err, out, stderr)
	}
	out, _, err = runCmd(t, "", "clean", "--format", "jsonl", page)
	if err != nil {
		t.Fatal(err)
	}
	if rec := oneJSONLine(t, out); rec.Title != "Where should I start?" || rec.SiteName != "Example Forum" || rec.Text != "" || !strings.Contains(rec.Warning, "empty page") {
		t.Errorf("jsonl = %s, want the title, the site name, no text, the empty-page warning", out)
	}
}

// TestClean_PageURL: --url gives the address of the one file or stdin
// page (over a source.url beside it); it is refused with several inputs, a
// directory, a URL input or a value that is not an http(s) URL.
func TestClean_PageURL(t *testing.T) {
	page := "../../fixtures/html-en-glued-spam-sentence/input.html"
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, stdin string
		args        []string
	}{
		{"stdin", string(html), []string{"-"}},
		{"file over its source.url", "", []string{page}},
	} {
		args := append([]string{"clean", "--format", "jsonl", "--url", "https://news.example.org/a/1"}, c.args...)
		out, _, err := runCmd(t, c.stdin, args...)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(out), &rec); err != nil {
			t.Fatalf("%s: %v in %q", c.name, err, out)
		}
		if rec["url"] != "https://news.example.org/a/1" {
			t.Errorf("%s: url = %v, want the --url value", c.name, rec["url"])
		}
	}
	for _, args := range [][]string{
		{"--url", "https://news.example.org/", page, seed003},
		{"--url", "https://news.example.org/", "../../fixtures"},
		{"--url", "https://news.example.org/", "https://news.example.org/b"},
		{"--url", "ftp://news.example.org/", page},
		{"--url", "/a/relative/path", page},
	} {
		if _, _, err := runCmd(t, "", append([]string{"clean"}, args...)...); err == nil {
			t.Errorf("clean %v: accepted", args)
		}
	}
}

// TestClean_BadRules: a rule file that is wrong or missing is a mistake in
// the configuration, exit 2 like a bad job file, and its error reads
// file:line:col for a bad value and for a YAML syntax error alike.
func TestClean_BadRules(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, src, want string }{
		{"bad-regex.yaml", "rules:\n  - id: x.bad\n    description: bad\n    scope: {stage: text}\n    match:\n      text: '(a'\n    action: drop\n",
			"bad-regex.yaml:6:13: bad regex in text: missing closing ): `(a`"},
		{"syntax.yaml", "rules:\n  - id: x.bad\n    description: a: b\n",
			"syntax.yaml:3:19: bad YAML: mapping values are not allowed in this context"},
		{"missing.yaml", "", "missing.yaml: no such file or directory"},
	} {
		path := filepath.Join(dir, c.name)
		if c.src != "" {
			if err := os.WriteFile(path, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		_, _, err := runCmd(t, "", "clean", "--rules", path, seed003)
		if exitCode(err) != exitConfig || err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v (exit %d), want exit %d and %q", c.name, err, exitCode(err), exitConfig, c.want)
		}
	}
}
