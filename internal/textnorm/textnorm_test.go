package textnorm

import "testing"

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"one", 1},
		{"  two  words ", 2},
		{"Tiếng Việt có dấu", 4},
		{"co-operate, 2024!", 3},
		{"สล็อต บาคาร่า", 2},
		{"Windows10での操作方法です。", 9},
		{"中文新闻", 4},
	}
	for _, tt := range tests {
		if got := Words(tt.in); got != tt.want {
			t.Errorf("Words(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestCollapseAndKey(t *testing.T) {
	if got := Collapse("  a\u00a0 b\u200b c\n"); got != "a b c" {
		t.Errorf("Collapse = %q", got)
	}
	if got := Key("The “Quick”, brown—FOX!"); got != "the quick brown fox" {
		t.Errorf("Key = %q", got)
	}
	if got := Truncate("abcdef", 3); got != "abc…" {
		t.Errorf("Truncate = %q", got)
	}
}
