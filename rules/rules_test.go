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

func TestDedupe_SubsetOfLaterBlock(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r := set.Rule("dupe.paragraph")
	in := "Il black Friday incombe su di noi: il venerdì nero è l’ennesima consuetudine importata dagli USA.\n" +
		"A second paragraph about something else entirely, long enough to be compared with the others.\n" +
		"Il black Friday incombe su di noi: il venerdì nero è l’ennesima consuetudine importata dagli USA. Si tratta di una tradizione consolidatasi negli anni Sessanta."
	want := "A second paragraph about something else entirely, long enough to be compared with the others.\n" +
		"Il black Friday incombe su di noi: il venerdì nero è l’ennesima consuetudine importata dagli USA. Si tratta di una tradizione consolidatasi negli anni Sessanta."
	if got := r.RunExample(Example{In: in}); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
