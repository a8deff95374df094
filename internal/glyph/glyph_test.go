package glyph

import "testing"

func TestIsTextCoversScripts(t *testing.T) {
	for _, r := range "aЖλ日한ひカไع्ा0٣Ⅻ" {
		if !IsText(r) {
			t.Errorf("IsText(%q) = false, want true", r)
		}
		if (Scripts{"Latin": true}).IsGlyph(r) {
			t.Errorf("IsGlyph(%q) on a Latin page = true, want false", r)
		}
	}
	for _, r := range "💮⛄✍┃▌⇔㊄\u200d\ufe0f" {
		if !(Scripts{"Latin": true}).IsGlyph(r) {
			t.Errorf("IsGlyph(%q) = false, want true", r)
		}
	}
}
