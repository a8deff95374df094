package rules

import "testing"

// builtin returns the built-in rule set, failing tb when it does not load.
func builtin(tb testing.TB) *Set {
	tb.Helper()
	set, err := Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	return set
}

func TestBuiltinExamples(t *testing.T) {
	set := builtin(t)
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
	set := builtin(t)
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

// TestRunExample_SiteRule: the example of a rule scoped to hosts runs as on
// one of those hosts. The README's site rule (a dom rule on
// "example-news.com" and "*.example-news.com") failed `winnow rules lint`
// because its example ran on a page of no host, where the rule never applies.
func TestRunExample_SiteRule(t *testing.T) {
	for _, hosts := range []string{`["example-news.com", "*.example-news.com"]`, `["*.example-news.com"]`} {
		for _, tt := range []struct{ scope, in, out string }{
			{"dom", `'<p>Story.</p><div class="promo-box">Subscribe now</div>'`, `"Story."`},
			{"text", `"Story.\nSubscribe now"`, `"Story."`},
		} {
			match := `{selector: "div.promo-box"}`
			action := "remove"
			if tt.scope == "text" {
				match, action = `{text: "^Subscribe now$"}`, "drop"
			}
			src := "rules:\n  - id: site.example-news.promo\n    description: The promo box.\n" +
				"    scope: {stage: " + tt.scope + ", hosts: " + hosts + "}\n    match: " + match + "\n    action: " + action + "\n" +
				"    examples:\n      - in: " + tt.in + "\n        out: " + tt.out + "\n"
			rs, err := Parse("site.yaml", []byte(src))
			if err != nil {
				t.Fatalf("%s %s: %v", hosts, tt.scope, err)
			}
			ex := rs[0].Examples[0]
			if got := rs[0].RunExample(ex); got != ex.Out {
				t.Errorf("hosts %s, stage %s: example gives %q, want %q", hosts, tt.scope, got, ex.Out)
			}
		}
	}
}
