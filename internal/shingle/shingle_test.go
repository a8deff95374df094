package shingle

import (
	"hash/maphash"
	"math/rand/v2"
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
	x.Reset(true, 100)
	x.Add(lead)
	if dup, subsets := x.Contained(other, 0.8, 0, 1); dup || len(subsets) != 0 {
		t.Fatalf("unrelated block: dup %v, subsets %v", dup, subsets)
	}
	if dup, _ := x.Contained(lead, 0.8, 0, 1); !dup {
		t.Fatal("a repeat of block 0 is not contained in it")
	}
	if dup, subsets := x.Contained(longer, 0.8, 0, 1); dup || len(subsets) != 1 || subsets[0] != 0 {
		t.Fatalf("fuller block: dup %v, subsets %v; want block 0 as its subset", dup, subsets)
	}
	x.Reset(true, 100)
	x.Add(other)
	for range 10 {
		x.Skip()
	}
	x.Add(lead) // position 11
	if dup, _ := x.Contained(lead, 0.8, 3, 20); dup {
		t.Fatal("a block outside the window and the lead counted")
	}
	if dup, _ := x.Contained(lead, 0.8, 10, 20); !dup {
		t.Fatal("a block inside the window did not count")
	}
	if got := Hash(seed, "two words"); len(got) != 1 {
		t.Fatalf("a key of two words: %d shingles, want 1 (the key's hash)", len(got))
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
