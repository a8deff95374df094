// Package shingle finds near-repeated blocks of text: word 3-shingles,
// hashed, and an index of the blocks holding them that tells whether most
// of a block's shingles occur in one earlier block (and the reverse).
package shingle

import (
	"hash/maphash"
	"math/bits"
	"slices"
	"strings"
)

// Index maps word 3-shingles to the blocks holding them; blocks are
// numbered by their position in the output being built.
//
// With a window, a block is compared with at most leadBlocks+window earlier
// blocks, so their shingles are intersected directly and nothing is hashed
// into a table: memory and time per block are bounded however long the
// page. (A table of every shingle of a page of 124,500 short paragraphs
// took 47 MB, and its cache misses made dedupe cost 2.2 times more per
// block than on a quarter of the page.) Without a window every earlier
// block counts, and a table finds them.
type Index struct {
	on     bool               // blocks are indexed
	window int                // 0: every earlier block counts
	held   [][]uint64         // position -> its distinct shingles, sorted (nil: not indexed)
	first  table              // without a window: shingle -> position of the first block holding it
	more   map[uint64][]int32 // without a window: shingle -> positions of later blocks holding it (rare)
	// Scratch for contained: position -> shingles held of the block being
	// looked up (zero between calls), and the positions counted.
	counts  []int32
	touched []int32
}

// Contained reports whether threshold of sh occurs in one earlier block, and
// lists the earlier blocks threshold of whose own shingles occur in sh; pos
// is the position sh would be added at.
func (x *Index) Contained(sh []uint64, threshold float64, pos int) (bool, []int) {
	if len(sh) == 0 || !x.on {
		return false, nil
	}
	if x.window > 0 {
		return x.near(sh, threshold, pos)
	}
	if n := len(x.held) - len(x.counts); n > 0 {
		// Grown by append, so that a page of n blocks costs O(n) here, not a
		// fresh slice per block: O(n²), 270 ms and most of the 617 MB
		// allocated for a page of 16,000 short paragraphs. The slots are zero
		// between calls, as the new ones are.
		x.counts = append(x.counts, make([]int32, n)...)
	}
	count := func(d int32) {
		if x.counts[d] == 0 {
			x.touched = append(x.touched, d)
		}
		x.counts[d]++
	}
	for _, h := range sh {
		d, ok := x.first.get(h)
		if !ok {
			continue
		}
		count(d)
		for _, d := range x.more[h] {
			count(d)
		}
	}
	dup := false
	var subsets []int
	for _, d := range x.touched {
		n := x.counts[d]
		x.counts[d] = 0
		if overlaps(int(n), len(sh), threshold) {
			dup = true
		}
		if size := len(x.held[d]); size > 0 && overlaps(int(n), size, threshold) {
			subsets = append(subsets, int(d))
		}
	}
	x.touched = x.touched[:0]
	if dup {
		return true, nil
	}
	return false, subsets
}

// near is Contained with a window: the lead's blocks and the window's
// last ones are intersected with sh one by one.
func (x *Index) near(sh []uint64, threshold float64, pos int) (bool, []int) {
	var subsets []int
	end := min(pos, len(x.held))
	lead := min(leadBlocks, end)
	for d := 0; d < end; d++ {
		if d == lead {
			d = max(lead, pos-x.window) // the blocks between count for nothing
			if d >= end {
				break
			}
		}
		held := x.held[d]
		if len(held) == 0 {
			continue
		}
		n := common(sh, held)
		if overlaps(n, len(sh), threshold) {
			return true, nil
		}
		if overlaps(n, len(held), threshold) {
			subsets = append(subsets, d)
		}
	}
	return false, subsets
}

// overlaps reports whether n shingles in common are threshold of size.
func overlaps(n, size int, threshold float64) bool {
	return n > 0 && float64(n) >= threshold*float64(size)
}

// common returns the number of hashes a and b, both sorted and distinct,
// share. A long one is searched, not walked, so that a long block in the
// lead, which every later block meets, costs each of them O(log) per
// shingle, not its length.
func common(a, b []uint64) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	if len(b) > 16*len(a) {
		for _, h := range a {
			i, ok := slices.BinarySearch(b, h)
			if ok {
				n++
			}
			b = b[i:]
		}
		return n
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		p, q := a[i], b[j]
		if p == q {
			n++
		}
		if p <= q {
			i++
		}
		if q <= p {
			j++
		}
	}
	return n
}

// Add indexes sh, sorted and distinct (as Hash returns it), as the next
// position; x keeps sh, which must not change. Skip records a position not
// indexed.
func (x *Index) Add(sh []uint64) {
	if !x.on {
		x.Skip()
		return
	}
	pos := int32(len(x.held))
	if x.window == 0 {
		for _, h := range sh {
			if x.first.putNew(h, pos) {
				continue
			}
			if x.more == nil {
				x.more = map[uint64][]int32{}
			}
			x.more[h] = append(x.more[h], pos)
		}
	}
	x.held = append(x.held, sh)
}

func (x *Index) Skip() { x.held = append(x.held, nil) }

// Trim drops the scratch of x grown past limit entries, before x is kept
// for another page.
func (x *Index) Trim(limit int) {
	if cap(x.first.slots) > 4*limit {
		x.first = table{}
	}
	if len(x.more) > limit {
		x.more = nil
	}
	clear(x.held) // the page's shingles
	if cap(x.held) > limit {
		x.held, x.counts, x.touched = nil, nil, nil
	}
}

// Reset empties x for another dedupe, keeping the room it has grown (a page
// runs its dedupe rules in every text pass). on says whether blocks are
// indexed at all (similarity below 1); window is the number of blocks
// before a block (besides the lead's) it is compared with, 0 for all of
// them; without a window, most is at least the number of shingles Add will
// be given (more costs a doubling of the table).
func (x *Index) Reset(on bool, window, most int) {
	x.on, x.window = on, window
	if on && window == 0 {
		x.first.reset(most)
	} else {
		x.first.reset(0)
	}
	clear(x.more)
	clear(x.held)
	x.held = x.held[:0]
}

// table maps shingle hashes to block positions: open addressing with
// linear probing, at most three quarters full. It is filled anew by every
// dedupe of every page, and a Go map, cleared and refilled, costs several
// times more per entry. reset sizes it once for the shingles to come, so
// that a page never holds an old and a doubled table at once (a page of
// 124,500 short paragraphs, 2.9 million shingles, peaked at 192 MB in
// growth; sized once, in 12-byte slots, it takes 47 MB). Shingle hashes
// are already well mixed, so their high bits pick the slot.
type table struct {
	slots []slot // not a power of two: sized to the shingles announced
	n     int    // entries
}

// slot is 12 bytes: the hash in two halves, so that it needs no 8-byte
// alignment, and the position plus one (0: the slot is empty).
type slot struct {
	lo, hi uint32
	pos    int32
}

func (s *slot) hash() uint64 { return uint64(s.hi)<<32 | uint64(s.lo) }

// reset empties t for up to n entries, reusing its slots when they are
// enough and clearing only those it will use.
func (t *table) reset(n int) {
	size := max(64, n+n/3+1)
	if cap(t.slots) >= size {
		t.slots = t.slots[:size]
		clear(t.slots)
	} else {
		t.slots = make([]slot, size)
	}
	t.n = 0
}

// home returns the slot where the probe for h starts.
func (t *table) home(h uint64) int {
	hi, _ := bits.Mul64(h, uint64(len(t.slots)))
	return int(hi)
}

// get returns the position stored for h.
func (t *table) get(h uint64) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	for i := t.home(h); ; {
		s := &t.slots[i]
		if s.pos == 0 {
			return 0, false
		}
		if s.hash() == h {
			return s.pos - 1, true
		}
		if i++; i == len(t.slots) {
			i = 0
		}
	}
}

// putNew stores pos for h unless h is stored already, and reports whether
// it stored it.
func (t *table) putNew(h uint64, pos int32) bool {
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow() // more entries than reset was told of
	}
	for i := t.home(h); ; {
		s := &t.slots[i]
		if s.pos == 0 {
			*s = slot{lo: uint32(h), hi: uint32(h >> 32), pos: pos + 1}
			t.n++
			return true
		}
		if s.hash() == h {
			return false
		}
		if i++; i == len(t.slots) {
			i = 0
		}
	}
}

// grow doubles the slots, moving the current entries.
func (t *table) grow() {
	old := t.slots
	t.slots, t.n = make([]slot, max(64, 2*len(old))), 0
	for i := range old {
		if s := &old[i]; s.pos != 0 {
			t.putNew(s.hash(), s.pos-1)
		}
	}
}

// InWindow reports whether an earlier block at position first counts for a
// block at position pos: always without a window; else when it is among the
// last window blocks, or one of the first five (a lead repeated further down).
func InWindow(window, first, pos int) bool {
	return window == 0 || pos-first <= window || first < leadBlocks
}

// leadBlocks is the number of blocks at the top of a page that a windowed
// dedupe compares with wherever it is.
const leadBlocks = 5

// Most returns the most shingles Hash returns for key.
func Most(key string) int { return max(1, strings.Count(key, " ")-1) }

// Hash returns the distinct word 3-shingles of key (words separated by
// single spaces), hashed with seed, sorted; the hash of key itself when it
// has fewer than three words.
func Hash(seed maphash.Seed, key string) []uint64 {
	var w [3]uint64 // hashes of the last three words
	n := 0
	var out []uint64
	for rest := key; rest != ""; {
		word := rest
		if i := strings.IndexByte(rest, ' '); i >= 0 {
			word, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if word == "" {
			continue
		}
		w[0], w[1], w[2] = w[1], w[2], maphash.String(seed, word)
		if n++; n >= 3 {
			if out == nil {
				out = make([]uint64, 0, strings.Count(key, " "))
			}
			out = append(out, mix3(w[0], w[1], w[2]))
		}
	}
	if n < 3 {
		out = []uint64{maphash.String(seed, key)}
	} else {
		slices.Sort(out)
		out = slices.Compact(out)
	}
	return out
}

// mix3 combines three word hashes into one, in order.
func mix3(a, b, c uint64) uint64 {
	h := a*0x9e3779b97f4a7c15 ^ b
	h = h*0xbf58476d1ce4e5b9 ^ c
	h ^= h >> 31
	return h * 0x94d049bb133111eb
}
