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
type Index struct {
	on    bool               // blocks are indexed
	first table              // shingle -> position of the first block holding it
	more  map[uint64][]int32 // shingle -> positions of later blocks holding it (rare)
	sizes []int              // position -> number of distinct shingles (0: not indexed)
	// Scratch for contained: position -> shingles held of the block being
	// looked up (zero between calls), and the positions counted.
	counts  []int32
	touched []int32
}

// Contained reports whether threshold of sh occurs in one earlier block, and
// lists the earlier blocks threshold of whose own shingles occur in sh.
func (x *Index) Contained(sh []uint64, threshold float64, window, pos int) (bool, []int) {
	if len(sh) == 0 || !x.on {
		return false, nil
	}
	if n := len(x.sizes) - len(x.counts); n > 0 {
		// Grown by append, so that a page of n blocks costs O(n) here, not a
		// fresh slice per block: O(n²), 270 ms and most of the 617 MB
		// allocated for a page of 16,000 short paragraphs. The slots are zero
		// between calls, as the new ones are.
		x.counts = append(x.counts, make([]int32, n)...)
	}
	count := func(d int32) {
		if InWindow(window, int(d), pos) {
			if x.counts[d] == 0 {
				x.touched = append(x.touched, d)
			}
			x.counts[d]++
		}
	}
	for _, h := range sh {
		d, ok := x.first.get(h)
		if !ok {
			continue
		}
		count(d)
		if len(x.more) > 0 {
			lead, recent := inReach(x.more[h], window, pos)
			for _, d := range lead {
				count(d)
			}
			for _, d := range recent {
				count(d)
			}
		}
	}
	dup := false
	var subsets []int
	for _, d := range x.touched {
		n := x.counts[d]
		x.counts[d] = 0
		if float64(n) >= threshold*float64(len(sh)) {
			dup = true
		}
		if size := x.sizes[d]; size > 0 && float64(n) >= threshold*float64(size) {
			subsets = append(subsets, int(d))
		}
	}
	x.touched = x.touched[:0]
	if dup {
		return true, nil
	}
	return false, subsets
}

// inReach splits later, a shingle's ascending positions, into the two runs
// InWindow may accept: the lead's (positions under LeadBlocks) and the
// window's (the last ones). Without it a shingle held by most blocks (a
// phrase every paragraph repeats) made a page of n blocks cost O(n²) to
// dedupe, though only a window of them counts. With no window, all count.
func inReach(later []int32, window, pos int) (lead, recent []int32) {
	if window == 0 {
		return nil, later
	}
	i := len(later)
	for i > 0 && pos-int(later[i-1]) <= window {
		i--
	}
	j := 0
	for j < i && int(later[j]) < LeadBlocks {
		j++
	}
	return later[:j], later[i:]
}

// Add indexes sh as the next position; Skip records a position not indexed.
func (x *Index) Add(sh []uint64) {
	if !x.on {
		x.Skip()
		return
	}
	pos := int32(len(x.sizes))
	for _, h := range sh {
		if x.first.putNew(h, pos) {
			continue
		}
		if x.more == nil {
			x.more = map[uint64][]int32{}
		}
		x.more[h] = append(x.more[h], pos)
	}
	x.sizes = append(x.sizes, len(sh))
}

func (x *Index) Skip() { x.sizes = append(x.sizes, 0) }

// Trim drops the scratch of x grown past limit entries, before x is kept
// for another page.
func (x *Index) Trim(limit int) {
	if cap(x.first.slots) > 4*limit {
		x.first = table{}
	}
	if len(x.more) > limit {
		x.more = nil
	}
	if cap(x.sizes) > limit {
		x.sizes, x.counts, x.touched = nil, nil, nil
	}
}

// Reset empties x for another dedupe, keeping the room it has grown (a page
// runs its dedupe rules in every text pass); on says whether blocks are
// indexed at all (similarity below 1), and most is at least the number of
// shingles Add will be given (more costs a doubling of the table).
func (x *Index) Reset(on bool, most int) {
	x.on = on
	if on {
		x.first.reset(most)
	} else {
		x.first.reset(0)
	}
	clear(x.more)
	x.sizes = x.sizes[:0]
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
	return window == 0 || pos-first <= window || first < LeadBlocks
}

// LeadBlocks is the number of blocks at the top of a page that a windowed
// dedupe compares with wherever it is.
const LeadBlocks = 5

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
