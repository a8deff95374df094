package engine

import (
	"context"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/litscan"
	"github.com/winnowhq/winnow/internal/rxhint"
	"github.com/winnowhq/winnow/internal/shingle"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/rules/internal/textspam"
	"github.com/winnowhq/winnow/spam"
)

type tblock struct {
	block.Block
	kept bool
	// Cached per block, computed on first use and reset when Text changes.
	words  int // -1: not yet counted
	key    string
	keyOK  bool
	hits   litscan.Hits // literals of the program found in the lower-cased text, once asked for
	sh     []uint64     // hashed word 3-shingles of key, once asked for
	shOK   bool
	memo   []uint8        // per rule index: 0 unknown, 1 text matches, 2 does not
	bytes  rxhint.ByteSet // the byte values in Text, once asked for
	byOK   bool
	spam   *spam.Score // the spam score of Text, once asked for
	spamOK bool
}

func (b *tblock) wordCount() int {
	if b.words < 0 {
		b.words = textnorm.Words(b.Text)
	}
	return b.words
}

func (b *tblock) textKey() string {
	if !b.keyOK {
		b.key, b.keyOK = textnorm.Key(b.Text), true
	}
	return b.key
}

// byteValues returns the set of byte values in b.Text: one pass over the
// text serves the required-byte tests of every rule.
func (b *tblock) byteValues() *rxhint.ByteSet {
	if !b.byOK {
		b.bytes, b.byOK = rxhint.BytesOf(b.Text), true
	}
	return &b.bytes
}

func (b *tblock) setText(t string) {
	b.Text, b.words, b.key, b.keyOK, b.memo, b.hits, b.sh, b.shOK = t, -1, "", false, nil, nil, nil, false
	b.byOK = false
	b.spam, b.spamOK = nil, false
}

// maxTextPasses bounds the passes of Text.
const maxTextPasses = 4

// textRun is the state of one Text call. Its scratch (blocks, memo slab,
// dedupe maps) is kept in the program's pool for the next call.
type textRun struct {
	page    Page
	prog    *Program
	blocks  []tblock
	src     []block.Block // the blocks as the text stage got them, not modified
	rec     Recorder
	changes int          // removals and changes in the current pass
	slab    []uint8      // the unused rest of slabAll, cut for the blocks' memos
	slabAll []uint8      // the latest memo slab, zeroed again for reuse
	ri      int          // position in prog of the rule being applied
	seed    maphash.Seed // for shingle hashes
	lits    *setLits
	seen    map[string]int // dedupe's scratch: block key -> position
	shIdx   shingle.Index  // dedupe's scratch: the shingles of the blocks kept
	known   pageFacts      // what was worked out about the page, once asked for

	glyphs pageGlyphs // the page's scripts, for glyph rules
}

// pageFacts are what a text run works out about its page when a rule first
// asks. One struct, so that a run taken again from the pool forgets them
// all at once (putRun), whatever is added here.
type pageFacts struct {
	title   string // the key of page.Title
	titleOK bool
	// spam reads the blocks' spam scores on the page's topic (its prose,
	// its headline, its tables), made when a spam-score match first asks.
	spam   textspam.Page
	spamOK bool
}

// spamScore scores the block at index i for the spam rules, once: its
// text's score, read on the page's topic, as a table's entry and as a
// quotation the story reports (textspam.Page.Score).
func (run *textRun) spamScore(i int) *spam.Score {
	b := &run.blocks[i]
	if b.spamOK {
		return b.spam
	}
	if !run.known.spamOK {
		run.known.spam, run.known.spamOK = textspam.NewPage(run.prog.spam(), run.page.Title, run.src, run), true
	}
	b.spam, b.spamOK = run.known.spam.Score(i), true
	return b.spam
}

// Len is the number of the page's blocks as they stand now (textspam.Blocks).
func (run *textRun) Len() int { return len(run.blocks) }

// At returns the page's block i as it stands now (textspam.Blocks).
func (run *textRun) At(i int) *block.Block { return &run.blocks[i].Block }

// titleKey returns the key of the page title, computed once per page.
func (run *textRun) titleKey() string {
	if !run.known.titleOK {
		run.known.title, run.known.titleOK = textnorm.Key(run.page.Title), true
	}
	return run.known.title
}

// maxPooledEntries bounds the scratch a textRun keeps for the next page: a
// huge page's maps would cost every later page a long clear.
const maxPooledEntries = 1 << 12

// getRun returns a textRun for blocks, from p's pool when it holds one.
func (p *Program) getRun(blocks []block.Block, page Page, rec Recorder) *textRun {
	var run *textRun
	if p != nil {
		run, _ = p.runs.Get().(*textRun)
	}
	if run == nil {
		run = &textRun{seed: maphash.MakeSeed()}
	}
	run.page, run.rec, run.prog, run.lits, run.src = page, rec, p, p.literals(), blocks
	run.blocks = slices.Grow(run.blocks[:0], len(blocks))
	for _, b := range blocks {
		run.blocks = append(run.blocks, tblock{Block: b, words: -1})
	}
	clear(run.slabAll) // memos start unknown
	run.slab = run.slabAll
	return run
}

// putRun returns run to p's pool, dropping what refers to the page (so the
// pool pins no page text) and scratch grown too large to be worth keeping.
func (p *Program) putRun(run *textRun) {
	if p == nil {
		return
	}
	clear(run.blocks[:cap(run.blocks)])
	run.page, run.rec, run.prog, run.lits, run.glyphs.scripts, run.src = Page{}, nil, nil, nil, nil, nil
	clear(run.glyphs.src[:cap(run.glyphs.src)])
	run.glyphs.src = run.glyphs.src[:0]
	if cap(run.glyphs.src) > maxPooledEntries {
		run.glyphs.src = nil
	}
	run.known = pageFacts{} // a pooled run carried the last page's topic into the next (nondeterministic output)
	if cap(run.blocks) > maxPooledEntries {
		run.blocks = nil
	}
	if len(run.slabAll) > maxPooledEntries*16 {
		run.slabAll = nil
	}
	if len(run.seen) > maxPooledEntries {
		run.seen = nil
	}
	clear(run.seen) // its keys are page text
	run.shIdx.Trim(maxPooledEntries)
	p.runs.Put(run)
}

// hit records a removal or change of the block at index i by the rule
// being applied, which matched with score (nil: not a spam-score match).
// Where is formatted only for a detailed record.
func (run *textRun) hit(i int, text string, score *spam.Score) {
	run.changes++
	if run.rec != nil && run.rec.Count(run.ri) {
		run.rec.Detail(run.ri, fmt.Sprintf("block %d", i+1), text, score)
	}
}

// Text runs the rules at the positions applies admits on blocks, in order,
// and returns the blocks left; blocks is not modified. rec (which may be
// nil) is told of every removal or change. Text stops with ctx's error,
// between rules, once ctx is done.
//
// The rules run again until a pass changes nothing (at most maxTextPasses
// passes): one rule can expose what an earlier one matches (a brand cut from
// a line's end uncovers a glyph), and cleaning clean text must change
// nothing. Regex results are remembered per block across passes, so a pass
// over unchanged blocks is cheap.
func (p *Program) Text(ctx context.Context, blocks []block.Block, applies func(rule int) bool, page Page, rec Recorder) ([]block.Block, error) {
	run := p.getRun(blocks, page, rec)
	var rules []Rule
	if p != nil {
		rules = p.rules
	}
	for range maxTextPasses {
		run.changes = 0
		run.glyphs.scripts, run.glyphs.at = nil, false // the page's scripts as they are now
		for ri := range rules {
			if len(run.blocks) == 0 || !applies(ri) {
				continue
			}
			if err := ctx.Err(); err != nil {
				p.putRun(run)
				return nil, err
			}
			run.ri = ri
			run.apply(&rules[ri])
		}
		if run.changes == 0 {
			break
		}
	}
	out := make([]block.Block, len(run.blocks))
	for i, b := range run.blocks {
		out[i] = b.Block
	}
	p.putRun(run) // not deferred: a run a panic left half done is not reused
	return out, nil
}

func (run *textRun) apply(r *Rule) {
	switch r.Action {
	case ActionDedupe:
		run.dedupe(r)
		return
	}
	counts := run.repeatCounts(r)
	out := run.blocks[:0] // filtered in place: writes never pass reads
	words, total := 0, 0
	maxCut, first := r.Params.Cut.MaxCut, false
	if r.Params.Cut.Repeated > 0 && run.matchCount(r, minRepeated) >= minRepeated {
		maxCut, first = r.Params.Cut.Repeated, true
	}
	if maxCut > 0 {
		for i := range run.blocks {
			total += run.blocks[i].wordCount()
		}
	}
	var seenKey map[string]bool // cut-after on repeats: only a label's first occurrence
	if r.Match.Block.Repeats > 0 && r.Action == ActionCutAfter {
		seenKey = map[string]bool{}
	}
	cut, spent := false, false
	dropNext := false
	for i := range run.blocks {
		before := words
		if r.Match.Block.AfterWords > 0 || maxCut > 0 {
			words += run.blocks[i].wordCount()
		}
		// b points into run.blocks, so that what matching caches on the
		// block (word count, memo) is kept when it is copied to out.
		b := &run.blocks[i]
		if !cut && seenKey != nil && run.candidate(r, b) {
			k := b.textKey()
			if seenKey[k] {
				out = keep(out, b)
				continue
			}
			seenKey[k] = true
		}
		if spent {
			out = keep(out, b)
			continue
		}
		if first && !cut && !b.kept && run.candidate(r, b) && run.textMatch(r, b) &&
			(float64(total-before) > maxCut*float64(total) || !run.matches(r, i, before, counts)) {
			// A repeated marker whose first match is too early to cut
			// at labels every item of the content: the later ones are
			// not the start of its tail either.
			spent = true
			out = keep(out, b)
			continue
		}
		if !cut && maxCut > 0 && float64(total-before) > maxCut*float64(total) {
			out = keep(out, b)
			continue
		}
		if b.kept {
			out = keep(out, b)
			continue
		}
		if cut {
			run.hit(i, b.Text, nil)
			continue
		}
		if dropNext {
			dropNext = false
			if b.wordCount() <= r.Params.AlsoNext {
				run.hit(i, b.Text, nil)
				continue
			}
		}
		if !run.matches(r, i, before, counts) {
			out = keep(out, b)
			continue
		}
		out, cut, dropNext = run.onMatch(r, i, b, out)
	}
	run.blocks = out
}

// repeatCounts counts the keys of the blocks r could match, for its
// repeats matcher (nil when it has none). Only blocks the rule could match
// count: a repeated label is as short as the rule allows, and a longer
// block never equals it.
func (run *textRun) repeatCounts(r *Rule) map[string]int {
	if r.Match.Block.Repeats == 0 {
		return nil
	}
	counts := make(map[string]int)
	for i := range run.blocks {
		if b := &run.blocks[i]; run.candidate(r, b) {
			counts[b.textKey()]++
		}
	}
	return counts
}

// onMatch does r's action to b, the block at index i that r matched, and
// returns out with b kept or not, and whether the blocks after it are cut
// (cut-after) or the next one dropped if short (drop with also-next).
func (run *textRun) onMatch(r *Rule, i int, b *tblock, out []tblock) (_ []tblock, cut, dropNext bool) {
	switch r.Action {
	case ActionKeep:
		b.kept = true
		return keep(out, b), false, false
	case ActionDrop:
		var score *spam.Score
		if r.Match.SpamScore > 0 {
			score = b.spam
			if r.Params.SpareClean > 0 && score.FromText() {
				if from, to, s, ok := run.prog.spam().SpamRun(b.Text, r.Params.SpareClean); ok {
					run.hit(i, b.Text[from:to], s)
					b.setText(strings.TrimSpace(strings.TrimSpace(b.Text[:from]) + " " + strings.TrimSpace(b.Text[to:])))
					return keep(out, b), false, false
				}
			}
		}
		run.hit(i, b.Text, score)
		return out, false, r.Params.AlsoNext > 0
	case ActionCutAfter:
		run.hit(i, b.Text, nil)
		return out, true, false
	case ActionStrip:
		text := run.strip(r, b.Text)
		if text == b.Text {
			return keep(out, b), false, false
		}
		run.hit(i, b.Text, nil)
		if text != "" {
			b.setText(text)
			out = keep(out, b)
		}
		return out, false, false
	}
	return keep(out, b), false, false
}

// keep appends *b to out, run.blocks filtered in place: a block no removal
// has moved yet is already in its place, and is not copied onto itself.
func keep(out []tblock, b *tblock) []tblock {
	if n := len(out); n < cap(out) && &out[:n+1][n] == b {
		return out[:n+1]
	}
	return append(out, *b)
}
