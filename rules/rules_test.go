package rules

import "testing"

func TestBuiltinExamples(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range set.Rules() {
		if len(r.Examples) == 0 {
			t.Errorf("%s (%s): built-in rule has no examples", r.ID, r.Pos)
		}
		for _, ex := range r.Examples {
			if got := r.RunExample(ex); got != ex.Out {
				t.Errorf("%s (%s): example\n in: %q\ngot: %q\nwant: %q", r.ID, ex.Pos, ex.In, got, ex.Out)
			}
		}
	}
}
