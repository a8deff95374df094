package score

import (
	"math"
	"slices"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"punctuation only", " —, 💮 … ", nil},
		{"words and punctuation", "Hello, world_1! It's", []string{"Hello", "world_1", "It", "s"}},
		{"numbers of every kind", "½ x² Ⅻ 42", []string{"½", "x²", "Ⅻ", "42"}},
		{"case kept", "Tk88BET", []string{"Tk88BET"}},
		{"vietnamese precomposed", "Xem thêm tin", []string{"Xem", "thêm", "tin"}},
		{"combining mark splits", "ca\u0301fe", []string{"ca", "fe"}},
		{"devanagari vowel signs split", "हिन्दी", []string{"ह", "न", "द"}},
		{"thai marks split", "อ่านเพิ่มเติม", []string{"อ", "านเพ", "มเต", "ม"}},
		{"only underscore connects", "a‿b_c", []string{"a", "b_c"}},
		{"soft hyphen splits", "news\u00adpaper", []string{"news", "paper"}},
		{"cjk", "新闻 报道", []string{"新闻", "报道"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokens(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestPage(t *testing.T) {
	tests := []struct {
		name        string
		pred, truth string
		want        PageScore
		p, r        float64
	}{
		{"identical", "a b c d e", "a b c d e", PageScore{TP: 1, Exact: true}, 1, 1},
		{"same tokens other punctuation", "a, b. c\nd", "a b c d", PageScore{TP: 1, Exact: true}, 1, 1},
		{"extra token", "a b c d e", "a b c d", PageScore{TP: 0.5, FP: 0.5}, 0.5, 1},
		{"missing tokens", "a b c d", "a b c d e f", PageScore{TP: 1.0 / 3, FN: 2.0 / 3}, 1, 1.0 / 3},
		{"short texts equal", "a b", "a b", PageScore{TP: 1, Exact: true}, 1, 1},
		{"short texts differ", "a b", "a b c", PageScore{FP: 0.5, FN: 0.5}, 0, 0},
		{"case matters", "A b c d", "a b c d", PageScore{FP: 0.5, FN: 0.5}, 0, 0},
		{"multiset counts repeats", "a b c d", "a b c d a b c d", PageScore{TP: 0.2, FN: 0.8}, 1, 0.2},
		{"repeated prediction", "a b c d a b c d", "a b c d", PageScore{TP: 0.2, FP: 0.8}, 0.2, 1},
		{"empty prediction", "", "a b c d", PageScore{FN: 1}, 0, 0},
		{"empty truth", "a b c d", "", PageScore{FP: 1}, 0, 0},
		{"both empty", "", " ", PageScore{Exact: true}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Page(tt.pred, tt.truth)
			if !near(got.TP, tt.want.TP) || !near(got.FP, tt.want.FP) || !near(got.FN, tt.want.FN) || got.Exact != tt.want.Exact {
				t.Errorf("Page(%q, %q) = %+v, want %+v", tt.pred, tt.truth, got, tt.want)
			}
			if p := got.Precision(); !near(p, tt.p) {
				t.Errorf("Page(%q, %q).Precision() = %v, want %v", tt.pred, tt.truth, p, tt.p)
			}
			if r := got.Recall(); !near(r, tt.r) {
				t.Errorf("Page(%q, %q).Recall() = %v, want %v", tt.pred, tt.truth, r, tt.r)
			}
		})
	}
}

func TestAggregate(t *testing.T) {
	perfect := Page("a b c d", "a b c d")
	half := Page("a b c d e", "a b c d") // P 0.5, R 1
	nothing := Page("", "a b c d")       // left out of P, R 0
	bothEmpty := Page("", "")            // left out of P and R, exact
	tests := []struct {
		name  string
		pages []PageScore
		want  Summary
	}{
		{"none", nil, Summary{}},
		{"one perfect", []PageScore{perfect}, Summary{F1: 1, P: 1, R: 1, Accuracy: 1, N: 1}},
		{"means then f1", []PageScore{perfect, half}, Summary{F1: 2 * 0.75 / 1.75, P: 0.75, R: 1, Accuracy: 0.5, N: 2}},
		{"empty prediction skips precision", []PageScore{perfect, nothing}, Summary{F1: 2 * 0.5 / 1.5, P: 1, R: 0.5, Accuracy: 0.5, N: 2}},
		{"both empty only counts for accuracy", []PageScore{half, bothEmpty}, Summary{F1: 2 * 0.5 / 1.5, P: 0.5, R: 1, Accuracy: 0.5, N: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Aggregate(tt.pages)
			if !near(got.F1, tt.want.F1) || !near(got.P, tt.want.P) || !near(got.R, tt.want.R) ||
				!near(got.Accuracy, tt.want.Accuracy) || got.N != tt.want.N {
				t.Errorf("Aggregate() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestF1(t *testing.T) {
	tests := []struct {
		pred, truth string
		want        float64
	}{
		{"one two three four", "one two three four", 1},
		{"one two three four five", "one two three four", 2 * 0.5 / 1.5},
		{"", "", 1},
		{"", "one two", 0},
		{"x y z w", "one two three four", 0},
	}
	for _, tt := range tests {
		if got := F1(tt.pred, tt.truth); !near(got, tt.want) {
			t.Errorf("F1(%q, %q) = %v, want %v", tt.pred, tt.truth, got, tt.want)
		}
	}
}

func TestPageWords(t *testing.T) {
	tests := []struct {
		name        string
		pred, truth string
		p, r, f1    float64
	}{
		{"same words, other case and order", "World hello", "hello, world.", 1, 1, 1},
		{"extra words", "hello world see more", "hello world", 0.5, 1, 2.0 / 3},
		{"multiset: a repeated word counts once per copy", "the the the", "the cat", 1.0 / 3, 0.5, 0.4},
		{"empty prediction", "", "hello", 0, 0, 0},
		{"both empty", "", " . ", 1, 1, 1},
		{"empty truth, something predicted", "menu", "", 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := PageWords(tt.pred, tt.truth)
			if !near(w.Precision(), tt.p) || !near(w.Recall(), tt.r) || !near(w.F1(), tt.f1) {
				t.Errorf("PageWords(%q, %q) = P %.3f R %.3f F1 %.3f, want %.3f %.3f %.3f", tt.pred, tt.truth, w.Precision(), w.Recall(), w.F1(), tt.p, tt.r, tt.f1)
			}
		})
	}
}
