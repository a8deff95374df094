package engine

import (
	"slices"
	"strings"

	"github.com/winnowhq/winnow/block"
)

// BlockMatch matches a block by its kind and its place in the page (stage
// text).
type BlockMatch struct {
	Kinds       []block.Kind // empty: every kind
	Position    Position
	AfterWords  int  // only blocks preceded by at least this many words
	Repeats     int  // block text occurs at least this many times in the page
	SameAsTitle bool // the block repeats the page title
	OwnHost     bool // the block names the page's own host (a leaked permalink)
}

// Position restricts a text rule to the first or last block.
type Position int

// Positions.
const (
	PosAny Position = iota
	PosFirst
	PosLast
)

func (bm *BlockMatch) hasKind(k block.Kind) bool {
	return len(bm.Kinds) == 0 || slices.Contains(bm.Kinds, k)
}

// candidate applies the matchers of r that depend on b alone and cost
// nothing: kind and word bounds.
func (run *textRun) candidate(r *Rule, b *tblock) bool {
	if !r.Match.Block.hasKind(b.Kind) {
		return false
	}
	return !r.Match.Text.bounded() || r.Match.Text.wordsWithin(b.wordCount())
}

// matches reports whether r matches the block at index i, preceded by
// wordsBefore words; counts holds the page's block keys counted for
// repeats (nil: not asked).
func (run *textRun) matches(r *Rule, i, wordsBefore int, counts map[string]int) bool {
	b := &run.blocks[i]
	if !run.candidate(r, b) || !run.placed(&r.Match.Block, i, wordsBefore, counts) {
		return false
	}
	if r.Match.SpamScore > 0 {
		if s := run.spamScore(i); s == nil || s.Value < r.Match.SpamScore {
			return false
		}
	}
	if !run.textMatch(r, b) {
		return false
	}
	return !r.Match.Block.OwnHost || run.namesHost(b.Text)
}

// placed applies the matchers of bm that read the block's place in the
// page: position, after-words, same-as-title and repeats.
func (run *textRun) placed(bm *BlockMatch, i, wordsBefore int, counts map[string]int) bool {
	b := &run.blocks[i]
	switch bm.Position {
	case PosFirst:
		if i != 0 {
			return false
		}
	case PosLast:
		if i != len(run.blocks)-1 {
			return false
		}
	}
	if wordsBefore < bm.AfterWords {
		return false
	}
	if bm.SameAsTitle && (run.page.Title == "" || b.textKey() != run.titleKey()) {
		return false
	}
	return counts == nil || counts[b.textKey()] >= bm.Repeats
}

// matchCount counts the blocks r matches (kind, words and text; place
// aside), up to limit.
func (run *textRun) matchCount(r *Rule, limit int) int {
	n := 0
	for i := range run.blocks {
		if b := &run.blocks[i]; run.candidate(r, b) && run.textMatch(r, b) {
			if n++; n >= limit {
				break
			}
		}
	}
	return n
}

// namesHost reports whether text contains the page's host, "www." aside.
func (run *textRun) namesHost(text string) bool {
	h := strings.TrimPrefix(run.page.Host, "www.")
	if h == "" {
		return false
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 {
		h = h[:i]
	}
	return strings.Contains(strings.ToLower(text), h)
}
