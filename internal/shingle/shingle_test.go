package shingle

import (
	"fmt"
	"hash/maphash"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// shingleTable agrees with a map over generations, growth included.
func TestShingleTable(t *testing.T) {
	var tb table
	rng := rand.New(rand.NewPCG(1, 2))
	for gen := range 5 {
		tb.reset(gen * 50) // too few for later generations: they grow
		want := map[uint64]int32{}
		for i := range 200 * (gen + 1) {
			h := rng.Uint64() % 500 // repeats, and collisions in the low bits
			_, had := want[h]
			if !had {
				want[h] = int32(i)
			}
			if stored := tb.putNew(h, int32(i)); stored == had {
				t.Fatalf("gen %d: putNew(%d) = %v, had %v", gen, h, stored, had)
			}
		}
		for h := range uint64(600) {
			pos, ok := tb.get(h)
			if wpos, wok := want[h]; ok != wok || pos != wpos {
				t.Fatalf("gen %d: get(%d) = %d, %v, want %d, %v", gen, h, pos, ok, wpos, wok)
			}
		}
		if tb.n != len(want) {
			t.Fatalf("gen %d: n = %d, want %d", gen, tb.n, len(want))
		}
	}
}

// A block most of whose shingles an earlier block holds is contained in
// it; a shorter earlier block held whole by a later one is its subset.
func TestIndexContained(t *testing.T) {
	seed := maphash.MakeSeed()
	lead := Hash(seed, "the minister said on monday that the plan would go ahead")
	longer := Hash(seed, "paris the minister said on monday that the plan would go ahead as agreed")
	other := Hash(seed, "an unrelated paragraph about the weather in the north of the country")
	var x Index
	for _, window := range []int{0, 10} {
		x.Reset(true, window, 100)
		x.Add(lead)
		if dup, subsets := x.Contained(other, 0.8, 1); dup || len(subsets) != 0 {
			t.Fatalf("window %d: unrelated block: dup %v, subsets %v", window, dup, subsets)
		}
		if dup, _ := x.Contained(lead, 0.8, 1); !dup {
			t.Fatalf("window %d: a repeat of block 0 is not contained in it", window)
		}
		if dup, subsets := x.Contained(longer, 0.8, 1); dup || len(subsets) != 1 || subsets[0] != 0 {
			t.Fatalf("window %d: fuller block: dup %v, subsets %v; want block 0 as its subset", window, dup, subsets)
		}
	}
	for _, tc := range []struct {
		window int
		dup    bool
	}{{3, false}, {10, true}} {
		x.Reset(true, tc.window, 100)
		x.Add(other)
		for range 10 {
			x.Skip()
		}
		x.Add(lead) // position 11
		if dup, _ := x.Contained(lead, 0.8, 20); dup != tc.dup {
			t.Fatalf("window %d: block 11 contains a repeat at 20: %v, want %v", tc.window, dup, tc.dup)
		}
	}
	if got := Hash(seed, "two words"); len(got) != 1 {
		t.Fatalf("a key of two words: %d shingles, want 1 (the key's hash)", len(got))
	}
}

// Contained agrees with a count over every earlier block in reach, with
// and without a window, on blocks sharing many shingles.
func TestIndexContainedReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, window := range []int{0, 1, 3, 6} {
		var x Index
		x.Reset(true, window, 0) // too small: the table grows
		var held [][]uint64
		for pos := range 300 {
			set := map[uint64]bool{}
			for range 1 + rng.IntN(40) {
				set[rng.Uint64N(60)] = true
			}
			sh := slices.Sorted(maps.Keys(set))
			if len(held) > 0 && rng.IntN(3) == 0 {
				sh = held[rng.IntN(len(held))] // a repeat, or nil: not looked up
			}
			wantDup, wantSub := false, []int(nil)
			for d, h := range held {
				if len(h) == 0 || !InWindow(window, d, pos) {
					continue
				}
				n := 0
				for _, v := range h {
					if slices.Contains(sh, v) {
						n++
					}
				}
				if n > 0 && float64(n) >= 0.8*float64(len(sh)) {
					wantDup = true
				}
				if n > 0 && float64(n) >= 0.8*float64(len(h)) {
					wantSub = append(wantSub, d)
				}
			}
			if wantDup || len(sh) == 0 {
				wantDup, wantSub = wantDup && len(sh) > 0, nil
			}
			dup, sub := x.Contained(sh, 0.8, pos)
			slices.Sort(sub)
			if dup != wantDup || !slices.Equal(sub, wantSub) {
				t.Fatalf("window %d, pos %d: Contained = %v, %v, want %v, %v", window, pos, dup, sub, wantDup, wantSub)
			}
			if rng.IntN(5) == 0 {
				x.Skip()
				held = append(held, nil)
			} else {
				x.Add(sh)
				held = append(held, sh)
			}
		}
	}
}

// Most bounds the shingles Hash returns, which sizes the table once.
func TestMost(t *testing.T) {
	seed := maphash.MakeSeed()
	for _, key := range []string{"", "a", "a b", "a b c", "a  b c", " a b c d ", "a b a b a b", "the minister said on monday that the plan would go ahead"} {
		if got, most := len(Hash(seed, key)), Most(key); got > most {
			t.Errorf("Most(%q) = %d, Hash returns %d shingles", key, most, got)
		}
	}
}

// BenchmarkIndex indexes pages of distinct short paragraphs, as dedupe
// does: the time per block of the two sizes should be about the same.
func BenchmarkIndex(b *testing.B) {
	seed := maphash.MakeSeed()
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{31_000, 124_000} {
		blocks := make([][]uint64, n)
		for i := range blocks {
			sh := make([]uint64, 23)
			for j := range sh {
				sh[j] = maphash.Comparable(seed, rng.Uint64())
			}
			blocks[i] = sh
		}
		b.Run(fmt.Sprintf("blocks=%d", n), func(b *testing.B) {
			var x Index
			for b.Loop() {
				x.Reset(true, 6, 23*n)
				for i, sh := range blocks {
					if dup, _ := x.Contained(sh, 0.8, i); !dup {
						x.Add(sh)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/block")
		})
	}
}
