package sentence

import (
	"slices"
	"testing"
)

func TestBounds(t *testing.T) {
	for _, c := range []struct {
		text string
		want []int
	}{
		{"One. Two.", []int{4, 9}},
		{"He said \"stop.\" Then left!", []int{15, 26}},
		{"Prices rose 1.5 percent. Then fell", []int{24, 34}},
		{"東京は晴れ。大阪は雨。", []int{18, 33}},
		{"no marks at all", []int{15}},
		{"Trailing mark. ", []int{15}},
		{"Wait... what?", []int{7, 13}},
	} {
		if got := Bounds(c.text); !slices.Equal(got, c.want) {
			t.Errorf("Bounds(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
