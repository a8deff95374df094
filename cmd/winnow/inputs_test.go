package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const pageHTML = `<html><head><title>Ferry fares cut</title></head><body><article><p>Ferry fares across the harbour will fall by a fifth from next Monday, the transport authority said, in a move to ease winter crowding.</p></article></body></html>`

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// jsonLines decodes the records of `winnow clean --format jsonl` output.
func jsonLines(t *testing.T, out string) []jsonLine {
	t.Helper()
	var recs []jsonLine
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var r jsonLine
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("bad json line %q: %v", l, err)
		}
		recs = append(recs, r)
	}
	return recs
}

// oneJSONLine is the one record of out.
func oneJSONLine(t *testing.T, out string) jsonLine {
	t.Helper()
	recs := jsonLines(t, out)
	if len(recs) != 1 {
		t.Fatalf("got %d jsonl records, want 1:\n%s", len(recs), out)
	}
	return recs[0]
}

// TestClean_StdinOnce: "clean - -" is refused instead of reading standard
// input twice.
func TestClean_StdinOnce(t *testing.T) {
	_, _, err := runCmd(t, pageHTML, "clean", "-", "-")
	var ue *usageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "more than once") {
		t.Errorf("clean - -: err = %v, want a usage error", err)
	}
}

// TestClean_WalkSniffsAndGoesOn: a directory walk reads every page whatever
// its extension (.php, .aspx, none), skips files that are not pages, and
// reports an entry it cannot read as that input's error without stopping.
func TestClean_WalkSniffsAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.php"), "<?php // rendered ?>\n"+pageHTML)
	write(t, filepath.Join(dir, "b.aspx"), pageHTML)
	write(t, filepath.Join(dir, "c"), pageHTML)
	write(t, filepath.Join(dir, "d.css"), "body { color: red }")
	if err := os.Symlink(filepath.Join(dir, "gone.html"), filepath.Join(dir, "e-dangling")); err != nil {
		t.Skip(err)
	}
	write(t, filepath.Join(dir, "sub", "f.html"), pageHTML)
	out, stderr, err := runCmd(t, "", "clean", "--format", "jsonl", dir)
	if !errors.Is(err, errSilent) {
		t.Errorf("err = %v, want the failure exit for the dangling link", err)
	}
	recs := jsonLines(t, out)
	var got []string
	for _, r := range recs {
		name := filepath.Base(r.Source)
		if r.Error != "" {
			name += " error"
		} else if !strings.HasPrefix(r.Text, "Ferry fares across") {
			t.Errorf("%s: text %q", r.Source, r.Text)
		}
		got = append(got, name)
	}
	if want := "a.php b.aspx c e-dangling error f.html"; strings.Join(got, " ") != want {
		t.Errorf("inputs = %q, want %q\nstderr: %s", strings.Join(got, " "), want, stderr)
	}
	if !strings.Contains(stderr, "note: "+dir+": 1 files skipped") {
		t.Errorf("stderr does not count the skipped file:\n%s", stderr)
	}
}

// TestClean_UnreadableSubdirectory: one subdirectory the walk cannot read
// is reported; the other pages are still cleaned.
func TestClean_UnreadableSubdirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads a directory whatever its mode")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.html"), pageHTML)
	write(t, filepath.Join(dir, "locked", "b.html"), pageHTML)
	write(t, filepath.Join(dir, "z.html"), pageHTML)
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	out, _, err := runCmd(t, "", "clean", "--format", "jsonl", dir)
	if !errors.Is(err, errSilent) {
		t.Errorf("err = %v, want the failure exit", err)
	}
	recs := jsonLines(t, out)
	if len(recs) != 3 || recs[0].Error != "" || recs[1].Source != locked || recs[1].Error == "" || recs[2].Error != "" {
		t.Errorf("got %+v, want a.html, the locked directory's error, z.html", recs)
	}
}

// TestClean_DirectoryWarnings: an empty directory is reported, and a
// directory named through a symbolic link is walked; --strict turns
// warnings into a failure exit.
func TestClean_DirectoryWarnings(t *testing.T) {
	dir := t.TempDir()
	empty := mkdir(t, dir, "empty")
	_, stderr, err := runCmd(t, "", "clean", empty)
	if err != nil || !strings.Contains(stderr, "no pages found") {
		t.Errorf("empty dir: err %v, stderr %q; want a warning and success", err, stderr)
	}
	if _, _, err := runCmd(t, "", "clean", "--strict", empty); !errors.Is(err, errSilent) {
		t.Errorf("empty dir --strict: err = %v, want the failure exit", err)
	}
	other := filepath.Join(dir, "other")
	write(t, filepath.Join(other, "a.html"), pageHTML)
	write(t, filepath.Join(other, "style.css"), "body { color: red }")
	if _, stderr, err := runCmd(t, "", "clean", "--strict", other); err != nil {
		t.Errorf("a skipped .css fails --strict: %v\n%s", err, stderr)
	}
	real := filepath.Join(dir, "real")
	write(t, filepath.Join(real, "a.html"), pageHTML)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	out, stderr, err := runCmd(t, "", "clean", link)
	if err != nil || !strings.Contains(out, "Ferry fares across") {
		t.Errorf("symlinked dir: err %v, out %q, stderr %q", err, out, stderr)
	}
}

// TestClean_EmptyAndAllRemovedWarn: an empty input and a page whose text
// the rules removed are warnings: exit 0, or 1 under --strict.
func TestClean_EmptyAndAllRemovedWarn(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.html")
	write(t, empty, "")
	spam := filepath.Join(dir, "spam.txt")
	write(t, spam, "kv79 bet nhà cái uy tín\n")
	out, stderr, err := runCmd(t, "", "clean", "--format", "jsonl", empty, spam)
	if err != nil {
		t.Fatalf("err = %v, want success with warnings; stderr %s", err, stderr)
	}
	recs := jsonLines(t, out)
	if len(recs) != 2 || recs[0].Warning == "" || recs[0].Error != "" || !strings.Contains(recs[1].Warning, "removed all the text") {
		t.Errorf("got %+v", recs)
	}
	if strings.Count(stderr, "warning:") != 2 {
		t.Errorf("stderr = %q, want two warnings", stderr)
	}
	if _, _, err := runCmd(t, "", "clean", "--strict", empty, spam); !errors.Is(err, errSilent) {
		t.Errorf("--strict: err = %v, want the failure exit", err)
	}
}

// TestClean_RulesNotRegular: --rules naming a device is refused at once
// instead of read for ever.
func TestClean_RulesNotRegular(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, _, err := runCmd(t, "", "clean", "--rules", "/dev/zero", seed003)
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("--rules /dev/zero: err = %v", err)
	}
}

// TestClean_EmptyDirectoryJSONL: an empty directory is a warning in jsonl
// too (README: "an empty directory ... are warnings (`warning` in jsonl)");
// it was only a line on stderr, so a jsonl consumer never heard of it.
func TestClean_EmptyDirectoryJSONL(t *testing.T) {
	dir := t.TempDir()
	empty := mkdir(t, dir, "empty")
	page := filepath.Join(dir, "a.html")
	write(t, page, pageHTML)
	out, stderr, err := runCmd(t, "", "clean", "--format", "jsonl", empty, page)
	if err != nil {
		t.Fatalf("err = %v, want success (a warning is no failure)", err)
	}
	recs := jsonLines(t, out)
	if len(recs) != 2 || recs[0].Source != empty || !strings.Contains(recs[0].Warning, "no pages found") || recs[0].Error != "" || recs[1].Source != page {
		t.Errorf("got %+v, want the empty directory's warning, then a.html", recs)
	}
	if strings.Count(stderr, "no pages found") != 1 {
		t.Errorf("stderr = %q, want the warning once", stderr)
	}
}

// mkdir makes the directory name in parent and returns its path.
func mkdir(t *testing.T, parent, name string) string {
	t.Helper()
	p := filepath.Join(parent, name)
	if err := os.Mkdir(p, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}
