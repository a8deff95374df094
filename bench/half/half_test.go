package half

import (
	"fmt"
	"testing"
)

func TestOfSplitsPages(t *testing.T) {
	n := [2]int{}
	for i := range 200 {
		n[Of(fmt.Sprintf("%08x", i*7919))]++
	}
	if n[0] < 70 || n[1] < 70 {
		t.Errorf("half.Of split 200 ids %d / %d, want about half each", n[0], n[1])
	}
}

// TestParse: each half's name reads back to it; HeldOutB is not in All.
func TestParse(t *testing.T) {
	for _, h := range []Half{Tuning, HeldOut, HeldOutB} {
		if got, err := Parse(h.String()); err != nil || got != h {
			t.Errorf("Parse(%q) = %v, %v; want %v", h.String(), got, err, h)
		}
	}
	if _, err := Parse("held-out-c"); err == nil {
		t.Error(`Parse("held-out-c"): no error`)
	}
	for _, h := range All {
		if h == HeldOutB {
			t.Error("All lists HeldOutB: the two halves' loops would draw it")
		}
	}
}
