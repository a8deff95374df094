package textscore

import (
	"reflect"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/spam/evidence"
	"github.com/winnowhq/winnow/spam/fold"
)

// scoreTextRef is ScoreText without its ASCII fast path.
func (m *Model) scoreTextRef(text string) *evidence.Score {
	ft := fold.Fold(text)
	hits := m.terms.Find(ft)
	if len(hits) == 0 && !strings.ContainsAny(ft, "0123456789") {
		return nil
	}
	f := m.FoldedFacts(ft, hits)
	if len(f.Hits) == 0 && f.Brands.Gambling == 0 {
		return nil
	}
	sc := m.Scorer()
	sc.Text(&f)
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
