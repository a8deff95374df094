package engine

import (
	"github.com/winnowhq/winnow/internal/shingle"
)

// dedupe drops blocks that repeat an earlier block. With similarity 1 the
// comparison is on the normalised key; below 1 a later block is dropped when
// at least that share of its word 3-shingles occur in one earlier block
// (containment, so a lead repeated with a dateline prefix counts as
// repeated), and an earlier block is dropped when that share of its own
// shingles occur in a later, fuller block (a lead printed alone and again at
// the start of a longer paragraph): of two copies, the one that says less goes.
func (run *textRun) dedupe(r *Rule) {
	if run.seen == nil {
		run.seen = make(map[string]int, len(run.blocks))
	}
	seen := run.seen // key -> position in out
	clear(seen)
	idx := &run.shIdx
	on, window := r.Params.Dedupe.Similarity < 1, r.Params.Dedupe.Window
	most := 0 // without a window, the shingles idx may be given: its table is sized once
	if on && window == 0 {
		for i := range run.blocks {
			if key := run.blocks[i].textKey(); len(key) >= r.Params.Dedupe.MinChars {
				most += shingle.Most(key)
			}
		}
	}
	idx.Reset(on, window, most)
	labels := run.labels(r.Params.Dedupe.SpareLabels)
	out := run.blocks[:0]     // filtered in place: writes never pass reads
	dropped := map[int]bool{} // positions in out dropped as subsets of a later block
	for i := range run.blocks {
		b := &run.blocks[i] // a pointer: what matching caches on the block is kept
		key := b.textKey()
		pos := len(out)
		if len(key) < r.Params.Dedupe.MinChars || labels[key] || !run.matches(r, i, 1<<30, nil) {
			out = keep(out, b)
			idx.Skip()
			continue
		}
		first, dup := seen[key]
		if dup && !shingle.InWindow(r.Params.Dedupe.Window, first, pos) {
			dup = false
		}
		var sh []uint64
		var subsets []int
		if !dup && r.Params.Dedupe.Similarity < 1 {
			sh = run.shingles(b)
			dup, subsets = idx.Contained(sh, r.Params.Dedupe.Similarity, pos)
		}
		if dup && !b.kept {
			run.hit(i, b.Text, nil)
			continue
		}
		for _, d := range subsets {
			if !out[d].kept && !dropped[d] {
				dropped[d] = true
				run.hit(d, out[d].Text, nil)
			}
		}
		if _, ok := seen[key]; !ok {
			seen[key] = pos
		}
		idx.Add(sh)
		out = keep(out, b)
	}
	if len(dropped) > 0 {
		kept := out[:0]
		for i, b := range out {
			if !dropped[i] {
				kept = append(kept, b)
			}
		}
		out = kept
	}
	run.blocks = out
}

// shingles returns the distinct word 3-shingles of b's key, hashed,
// computed once per block text (see shingle.Hash).
func (run *textRun) shingles(b *tblock) []uint64 {
	if !b.shOK {
		b.sh, b.shOK = shingle.Hash(run.seed, b.textKey()), true
	}
	return b.sh
}

// labels returns the texts the blocks show n times or more (none when n
// is 0): see DedupeParams.SpareLabels.
func (run *textRun) labels(n int) map[string]bool {
	if n <= 0 {
		return nil
	}
	count := make(map[string]int, len(run.blocks))
	var out map[string]bool
	for i := range run.blocks {
		key := run.blocks[i].textKey()
		if count[key]++; count[key] == n {
			if out == nil {
				out = map[string]bool{}
			}
			out[key] = true
		}
	}
	return out
}
