// Package half splits the bench's generated corpora (the noise corpus,
// the parasite pages) into two disjoint halves of every pool their
// generators draw from: spam brands, phrases, hosts and TLDs, markup
// templates, hiding techniques, headings and class names, widget texts,
// headlines, glyph ranges and base pages.
//
// Rules and heuristics are tuned on Tuning. HeldOut draws only from the
// other half of each pool, and adds languages and techniques that Tuning
// never shows, so that its figures measure generalisation, not memory of
// the generators' word lists. Never look at what is left on HeldOut while
// tuning.
//
// HeldOutB is a third, later pool (package noise/heldoutb): its own base
// pages, words, languages and markup, disjoint from both halves, built
// after the HeldOut half's outputs had been read while tuning. It is not
// in All, which lists the two halves the generators split their pools in.
package half

import (
	"fmt"
	"hash/fnv"
)

// Half is one of the two halves.
type Half int

const (
	Tuning Half = iota
	HeldOut
	HeldOutB
)

// All lists both halves, tuning first.
var All = []Half{Tuning, HeldOut}

func (h Half) String() string {
	switch h {
	case HeldOut:
		return "held-out"
	case HeldOutB:
		return "held-out-b"
	}
	return "tuning"
}

// Parse reads "tuning", "held-out" or "held-out-b".
func Parse(s string) (Half, error) {
	switch s {
	case "tuning":
		return Tuning, nil
	case "held-out":
		return HeldOut, nil
	case "held-out-b":
		return HeldOutB, nil
	}
	return 0, fmt.Errorf("unknown half %q (want tuning, held-out or held-out-b)", s)
}

// Of assigns a base page to a half by a hash of its id, so that about
// half the benchmark pages build the tuning corpus and the others the
// held-out one.
func Of(id string) Half {
	h := fnv.New32a()
	h.Write([]byte(id))
	return Half(h.Sum32() % 2)
}
