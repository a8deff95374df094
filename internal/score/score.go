// Package score implements the metric of the Article Extraction Benchmark
// (../shared/bench/aeb/README.md): 4-token shingles compared as multisets,
// per-page true/false positives and negatives normalised by their sum,
// precision and recall averaged over pages, F1 of the two means, and
// accuracy as exact equality of token sequences.
//
// Tokens are maximal runs of word characters as the benchmark's evaluate.py
// defines them: Python 3's re `\w+` on str patterns. That \w is narrower than
// Unicode TR18's: it matches letters (Lu, Ll, Lt, Lm, Lo), characters with a
// numeric value (Nd, Nl, No) and the underscore only. Combining marks (Mn, Mc,
// Me) and connector punctuation other than '_' split tokens, so "हिन्दी"
// scores as the tokens "ह", "न", "द", exactly as the benchmark counts it.
// Checked code point by code point against Python 3.11 (Unicode 14): the
// two agree except on characters added in later Unicode versions.
package score

import (
	"slices"
	"strings"
	"unicode"
)

// ShingleSize is the number of consecutive tokens in one shingle.
const ShingleSize = 4

// isWord reports whether r is a word character in the benchmark's sense
// (Python's str.isalnum() or '_').
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// Tokens returns the maximal runs of word characters of s, case kept.
func Tokens(s string) []string {
	var toks []string
	start := -1
	for i, r := range s {
		if isWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

// shingles counts the shingles of toks. A text with fewer than ShingleSize
// tokens is one shingle of what it has; a text with no token has none. Tokens
// are joined with NUL, which is never part of a token.
func shingles(toks []string) map[string]int {
	m := make(map[string]int)
	if len(toks) == 0 {
		return m
	}
	if len(toks) < ShingleSize {
		m[strings.Join(toks, "\x00")]++
		return m
	}
	for i := 0; i+ShingleSize <= len(toks); i++ {
		m[strings.Join(toks[i:i+ShingleSize], "\x00")]++
	}
	return m
}

// PageScore is the comparison of one predicted text with its truth. TP, FP
// and FN are normalised so that they sum to 1 (or are all 0 when neither
// text has a token).
type PageScore struct {
	TP, FP, FN float64
	// Exact is true when the token sequences of both texts are equal.
	Exact bool
}

// Page scores pred against truth.
func Page(pred, truth string) PageScore {
	pt, tt := Tokens(pred), Tokens(truth)
	ps, ts := shingles(pt), shingles(tt)
	var tp, fp, fn float64
	for k, t := range ts {
		p := ps[k]
		tp += float64(min(t, p))
		fn += float64(max(0, t-p))
	}
	for k, p := range ps {
		fp += float64(max(0, p-ts[k]))
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	return PageScore{TP: tp, FP: fp, FN: fn, Exact: slices.Equal(pt, tt)}
}

// Precision is the page's precision: 1 when nothing is extra or missing, 0
// when nothing is shared or extra.
func (s PageScore) Precision() float64 { return s.share(s.FP) }

// Recall is the page's recall: 1 when nothing is extra or missing, 0 when
// nothing is shared or missing.
func (s PageScore) Recall() float64 { return s.share(s.FN) }

// share is TP / (TP + wrong), wrong being the extra (FP) or the missing
// (FN) tokens: 1 when nothing is extra or missing, 0 when nothing is shared
// or wrong.
func (s PageScore) share(wrong float64) float64 {
	switch {
	case s.FP == 0 && s.FN == 0:
		return 1
	case s.TP == 0 && wrong == 0:
		return 0
	}
	return s.TP / (s.TP + wrong)
}

// F1 is the page's harmonic mean of precision and recall, 0 when both are 0.
func (s PageScore) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Summary is the benchmark's result over many pages.
type Summary struct {
	// F1 is the harmonic mean of P and R (of the means, not a mean of F1s).
	F1 float64
	// P is the mean precision over pages with TP+FP > 0.
	P float64
	// R is the mean recall over pages with TP+FN > 0.
	R float64
	// Accuracy is the share of pages whose token sequence equals the truth's.
	Accuracy float64
	// N is the number of pages.
	N int
}

// Aggregate combines page scores as the benchmark does. Pages with nothing
// predicted are left out of the precision mean and pages with an empty truth
// out of the recall mean; an empty input gives a zero Summary.
func Aggregate(pages []PageScore) Summary {
	sum := Summary{N: len(pages)}
	if len(pages) == 0 {
		return sum
	}
	var np, nr, exact int
	for _, s := range pages {
		if s.TP+s.FP > 0 {
			sum.P += s.Precision()
			np++
		}
		if s.TP+s.FN > 0 {
			sum.R += s.Recall()
			nr++
		}
		if s.Exact {
			exact++
		}
	}
	if np > 0 {
		sum.P /= float64(np)
	}
	if nr > 0 {
		sum.R /= float64(nr)
	}
	if sum.P+sum.R > 0 {
		sum.F1 = 2 * sum.P * sum.R / (sum.P + sum.R)
	}
	sum.Accuracy = float64(exact) / float64(len(pages))
	return sum
}

// F1 scores one predicted text against its truth: the page's F1 by the
// benchmark's shingle metric.
func F1(pred, truth string) float64 {
	return Page(pred, truth).F1()
}

// Words is one page's score by the word metric of the Web Content
// Extraction Benchmark (../shared/bench/wcxb/README.md): the tokens of the
// lower-cased texts (the same \w+ runs as Tokens) compared as multisets.
type Words struct {
	// Overlap is the size of the multiset intersection; Pred and Truth are
	// the token counts of the two texts.
	Overlap, Pred, Truth int
}

// PageWords scores pred against truth by the word metric.
func PageWords(pred, truth string) Words {
	pt, tt := Tokens(strings.ToLower(pred)), Tokens(strings.ToLower(truth))
	bag := make(map[string]int, len(tt))
	for _, t := range tt {
		bag[t]++
	}
	var overlap int
	for _, t := range pt {
		if bag[t] > 0 {
			bag[t]--
			overlap++
		}
	}
	return Words{Overlap: overlap, Pred: len(pt), Truth: len(tt)}
}

// Precision is the share of predicted tokens found in the truth; an empty
// prediction scores 1 against an empty truth and 0 otherwise.
func (w Words) Precision() float64 {
	if w.Pred == 0 {
		return w.empty()
	}
	return float64(w.Overlap) / float64(w.Pred)
}

// Recall is the share of the truth's tokens predicted; an empty truth scores
// 1 when the prediction is empty too, 0 otherwise.
func (w Words) Recall() float64 {
	if w.Truth == 0 {
		return w.empty()
	}
	return float64(w.Overlap) / float64(w.Truth)
}

// F1 is the harmonic mean of precision and recall, as the benchmark defines
// it: an empty prediction scores 0, an empty truth 1 only against an empty
// prediction.
func (w Words) F1() float64 {
	if w.Pred == 0 || w.Truth == 0 {
		return w.empty()
	}
	p, r := w.Precision(), w.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (w Words) empty() float64 {
	if w.Pred == 0 && w.Truth == 0 {
		return 1
	}
	return 0
}
