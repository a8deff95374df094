package rules

import (
	"fmt"
	"hash/maphash"
	"strings"

	"github.com/winnowhq/winnow/internal/textnorm"
)

// Page carries what text rules may need to know about the page.
type Page struct {
	Host  string // lower-case host, for host-scoped rules
	Title string // page title, for same-as-title
}

type tblock struct {
	Block
	kept bool
}

// textRun is the state of one ApplyText call.
type textRun struct {
	page    Page
	blocks  []tblock
	trace   *Trace
	scripts scriptSet // computed on first use
}

// ApplyText runs the text-stage rules on blocks, in order, and returns the
// blocks left. blocks is not modified. Every removal or change is recorded in
// t (which may be nil).
func (s *Set) ApplyText(blocks []Block, page Page, t *Trace) []Block {
	run := &textRun{page: page, trace: t, blocks: make([]tblock, len(blocks))}
	for i, b := range blocks {
		run.blocks[i] = tblock{Block: b}
	}
	for _, r := range s.Rules() {
		if r.Stage != StageText || !r.appliesTo(page.Host) || len(run.blocks) == 0 {
			continue
		}
		run.apply(r)
	}
	out := make([]Block, len(run.blocks))
	for i, b := range run.blocks {
		out[i] = b.Block
	}
	return out
}

func (run *textRun) apply(r *Rule) {
	switch r.Action {
	case ActionDedupe:
		run.dedupe(r)
		return
	}
	var counts map[string]int
	if r.repeats > 0 {
		counts = make(map[string]int, len(run.blocks))
		for _, b := range run.blocks {
			counts[textnorm.Key(b.Text)]++
		}
	}
	out := run.blocks[:0:0]
	words := 0
	cut := false
	for i := range run.blocks {
		b := run.blocks[i]
		before := words
		words += textnorm.Words(b.Text)
		if b.kept {
			out = append(out, b)
			continue
		}
		if cut {
			run.trace.record(r, where(i), b.Text)
			continue
		}
		if !run.matches(r, i, before, counts) {
			out = append(out, b)
			continue
		}
		switch r.Action {
		case ActionKeep:
			b.kept = true
			out = append(out, b)
		case ActionDrop:
			run.trace.record(r, where(i), b.Text)
		case ActionCutAfter:
			run.trace.record(r, where(i), b.Text)
			cut = true
		case ActionStrip:
			text := run.strip(r, b.Text)
			if text == b.Text {
				out = append(out, b)
				continue
			}
			run.trace.record(r, where(i), b.Text)
			if text != "" {
				b.Text = text
				out = append(out, b)
			}
		default:
			out = append(out, b)
		}
	}
	run.blocks = out
}

func where(i int) string { return fmt.Sprintf("block %d", i+1) }

func (run *textRun) matches(r *Rule, i, wordsBefore int, counts map[string]int) bool {
	b := &run.blocks[i]
	if !r.hasKind(b.Kind) {
		return false
	}
	switch r.position {
	case PosFirst:
		if i != 0 {
			return false
		}
	case PosLast:
		if i != len(run.blocks)-1 {
			return false
		}
	}
	if wordsBefore < r.afterWords {
		return false
	}
	if r.minWords > 0 || r.maxWords > 0 {
		n := textnorm.Words(b.Text)
		if n < r.minWords || (r.maxWords > 0 && n > r.maxWords) {
			return false
		}
	}
	if r.sameAsTitle && (run.page.Title == "" || textnorm.Key(b.Text) != textnorm.Key(run.page.Title)) {
		return false
	}
	if counts != nil && counts[textnorm.Key(b.Text)] < r.repeats {
		return false
	}
	if r.notText != nil && r.notText.MatchString(b.Text) {
		return false
	}
	if r.text != nil {
		if r.minMatches > 1 {
			if len(r.text.FindAllStringIndex(b.Text, r.minMatches)) < r.minMatches {
				return false
			}
		} else if !r.text.MatchString(b.Text) {
			return false
		}
	}
	if r.glyphs != GlyphsNone && r.pattern == nil {
		// A glyph strip rule matches only blocks that carry glyphs; checked in strip.
		return true
	}
	return true
}

func (run *textRun) strip(r *Rule, text string) string {
	if r.pattern != nil {
		text = r.pattern.ReplaceAllString(text, "")
	}
	if r.glyphs != GlyphsNone {
		if run.scripts == nil {
			texts := make([]string, len(run.blocks))
			for i, b := range run.blocks {
				texts[i] = b.Text
			}
			run.scripts = pageScripts(texts)
		}
		if r.glyphs == GlyphsLeading || r.glyphs == GlyphsBoth {
			text = text[run.scripts.leadingGlyphs(text):]
		}
		if r.glyphs == GlyphsTrailing || r.glyphs == GlyphsBoth {
			text = text[:len(text)-run.scripts.trailingGlyphs(text)]
		}
	}
	return strings.TrimSpace(textnorm.Collapse(text))
}

// dedupe drops blocks that repeat an earlier block. With similarity 1 the
// comparison is on the normalised key; below 1 a later block is dropped when
// at least that share of its word 3-shingles occur in one earlier block
// (containment, so a lead repeated with a dateline prefix counts as repeated,
// while a long paragraph that merely quotes a short one does not).
func (run *textRun) dedupe(r *Rule) {
	seen := make(map[string]bool, len(run.blocks))
	var idx shingleIndex
	if r.similarity < 1 {
		idx = shingleIndex{seed: maphash.MakeSeed(), post: map[uint64][]int32{}}
	}
	out := run.blocks[:0:0]
	for i, b := range run.blocks {
		key := textnorm.Key(b.Text)
		if len(key) < r.minChars || !run.matches(r, i, 1<<30, nil) {
			out = append(out, b)
			continue
		}
		dup := seen[key]
		var sh []uint64
		if !dup && r.similarity < 1 {
			sh = idx.shingles(key)
			dup = idx.contained(sh, r.similarity)
		}
		if dup && !b.kept {
			run.trace.record(r, where(i), b.Text)
			continue
		}
		seen[key] = true
		if r.similarity < 1 {
			idx.add(sh)
		}
		out = append(out, b)
	}
	run.blocks = out
}

// shingleIndex maps word 3-shingles to the earlier blocks holding them.
type shingleIndex struct {
	seed  maphash.Seed
	post  map[uint64][]int32
	nDocs int32
}

func (x *shingleIndex) shingles(key string) []uint64 {
	w := strings.Fields(key)
	if len(w) < 3 {
		return []uint64{maphash.String(x.seed, key)}
	}
	out := make([]uint64, 0, len(w)-2)
	seen := make(map[uint64]bool, len(w))
	for i := 0; i+3 <= len(w); i++ {
		h := maphash.String(x.seed, w[i]+" "+w[i+1]+" "+w[i+2])
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}

func (x *shingleIndex) contained(sh []uint64, threshold float64) bool {
	if len(sh) == 0 {
		return false
	}
	hits := map[int32]int{}
	for _, h := range sh {
		for _, d := range x.post[h] {
			hits[d]++
		}
	}
	for _, n := range hits {
		if float64(n) >= threshold*float64(len(sh)) {
			return true
		}
	}
	return false
}

func (x *shingleIndex) add(sh []uint64) {
	for _, h := range sh {
		x.post[h] = append(x.post[h], x.nDocs)
	}
	x.nDocs++
}
