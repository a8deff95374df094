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
