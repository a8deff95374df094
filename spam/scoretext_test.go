package spam

import (
	"reflect"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/spam/fold"
)

// scoreTextRef is ScoreText without its ASCII fast path.
func (m *Model) scoreTextRef(text string) *Score {
	ft := fold.Fold(text)
	hits := m.terms.Find(ft)
	if len(hits) == 0 && !strings.ContainsAny(ft, "0123456789") {
		return nil
	}
	f := m.foldedFacts(ft, hits)
	if len(f.hits) == 0 && f.brands.Gambling == 0 {
		return nil
	}
	sc := m.scorer()
	sc.text(&f)
	return sc.Result()
}

func FuzzScoreTextASCII(f *testing.F) {
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"", "Play SLOT GACOR now at KV79 bet", "The minister said.", "online poker real money slots", "w88 casino", "tk88", "Daftar Slot Online", "café 789bet", strings.Repeat("Casino bonus ", 60)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := m.ScoreText(s), m.scoreTextRef(s); !reflect.DeepEqual(got, want) {
			t.Errorf("ScoreText(%q) = %v, want %v", s, got, want)
		}
	})
}
