// Package sentence finds the run of sentences that carries evidence in a
// paragraph whose rest does not (Run): spam glued into a real paragraph.
// Sentences are told by textnorm.SentenceBounds.
package sentence

import (
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/spam/fold"
)

// Run finds in text the run of whole sentences that carry evidence (a
// score of at least evidence), when the rest is a real paragraph: at least
// minClean words that score below restMax. It returns the byte range
// [from, to) of the run; ok is false when no sentence carries evidence,
// when the run is the whole text, when the rest is short, or when the
// rest carries evidence too.
func Run(text string, minClean int, evidence, restMax float64, score func(string) float64) (from, to int, ok bool) {
	bounds := textnorm.SentenceBounds(text)
	if len(bounds) < 2 {
		return 0, 0, false
	}
	first, last := -1, -1
	start := 0
	for i, end := range bounds {
		if score(text[start:end]) >= evidence {
			if first < 0 {
				first = i
			}
			last = i
		}
		start = end
	}
	if first < 0 {
		return 0, 0, false
	}
	from, to = 0, bounds[last]
	if first > 0 {
		from = bounds[first-1]
	}
	if from == 0 && to == len(text) {
		return 0, 0, false
	}
	rest := text[:from] + " " + text[to:]
	if fold.CountWords(fold.Fold(rest)) < minClean {
		return 0, 0, false
	}
	if score(rest) >= restMax {
		return 0, 0, false
	}
	return from, to, true
}
