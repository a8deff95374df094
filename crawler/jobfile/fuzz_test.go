package jobfile_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/crawler/jobfile"
	"github.com/winnowhq/winnow/internal/yamlpos"
)

// FuzzParse checks that any bytes give either a job or an error, never a
// panic. A job has what ParseJob requires of it; an error is a yamlpos.ErrorList
// whose every position lies inside the input, or a YAML syntax error whose
// line does.
func FuzzParse(f *testing.F) {
	for _, s := range []string{ // the job files of job_test.go
		minimalJob,
		fullJob,
		badJob,
		"name: x\n",
		strings.Replace(minimalJob, "  dir: state\n", "  dir: state\n  redis: redis://127.0.0.1:6379/2\n", 1),
		"state: redis://127.0.0.1:6379/2\nschedule: '*/5 * * * *'\n",
		"name: &a x\nseeds: *a\n",
		"- a\n- b\n",
		"",
	} {
		f.Add([]byte(s))
	}
	if doc, err := os.ReadFile("JOBS.md"); err == nil { // the documented examples
		for _, b := range strings.Split(string(doc), "```yaml\n")[1:] {
			src, _, _ := strings.Cut(b, "```")
			f.Add([]byte(src))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		j, err := jobfile.Parse("fuzz.yaml", data)
		if err == nil {
			switch {
			case j == nil:
				t.Fatalf("jobfile.Parse(%q) = nil, nil", data)
			case j.Config.Name == "", j.Config.OutputDir == "", (j.StateDir == "") == (j.StateRedis == ""):
				t.Fatalf("jobfile.Parse(%q) = %+v: no name, no output.dir, or not exactly one state", data, j)
			}
			_ = j.Config
			return
		}
		if j != nil {
			t.Fatalf("jobfile.Parse(%q) = %+v and error %v", data, j, err)
		}
		lines := yamlpos.Lines(data)
		var el yamlpos.ErrorList
		if !errors.As(err, &el) {
			t.Fatalf("jobfile.Parse(%q) error is %T, want a yamlpos.ErrorList: %v", data, err, err)
		}
		if len(el) == 0 {
			t.Fatalf("jobfile.Parse(%q) error is an empty ErrorList", data)
		}
		for _, e := range el {
			if e.Pos.File != "fuzz.yaml" {
				t.Fatalf("jobfile.Parse(%q): error %v names another file", data, e)
			}
			if strings.HasPrefix(e.Msg, "bad YAML: ") {
				// A syntax error: the yaml package gives a line and a
				// column, or sometimes neither.
				if e.Pos.Line < 0 || e.Pos.Line > lines+1 {
					t.Fatalf("jobfile.Parse(%q): line %d outside the input (%d lines): %v", data, e.Pos.Line, lines, e)
				}
				continue
			}
			// yaml places an empty document ("---") on the line after the input.
			if e.Pos.Line < 1 || e.Pos.Line > lines+1 || e.Pos.Col < 1 {
				t.Fatalf("jobfile.Parse(%q): error position %v outside the input (%d lines): %v", data, e.Pos, lines, e)
			}
		}
	})
}
