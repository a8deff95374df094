package rules

import (
	"math/rand/v2"
	"testing"
)

// shingleTable agrees with a map over generations, growth included.
func TestShingleTable(t *testing.T) {
	var tb shingleTable
	rng := rand.New(rand.NewPCG(1, 2))
	for gen := range 5 {
		tb.reset()
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
