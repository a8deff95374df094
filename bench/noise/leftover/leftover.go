// Package leftover measures what a cleaner left of the noise injected into
// a generated page (package noise): per injected item, whether it occurs
// more often in the output for the noisy page than in the output for the
// same page without noise; per kind and category, the shares left; and the
// body's recall and precision on both pages, by the benchmark's metric.
package leftover

import (
	"slices"
	"strings"

	"github.com/winnowhq/winnow/bench/noise"
	"github.com/winnowhq/winnow/internal/score"
)

// DocFigures is what one cleaner left of one Doc's noise.
type DocFigures struct {
	ID string
	// Injected and left, per category. An item is left when it occurs more
	// often in the output for the noisy page than in the output for the
	// clean page (so that a heading such as "Read more" that the page
	// itself carries is not held against the cleaner).
	Spam, SpamLeft               int
	Boilerplate, BoilerplateLeft int
	// Dups counts extra copies injected; DupsLeft the extra copies kept.
	Dups, DupsLeft     int
	Glyphs, GlyphsLeft int
	// ByKind tallies, per noise kind (noise.KindSpamLine...) and category
	// ("spam", "boilerplate", "duplicates", "glyphs"), what was injected and left.
	ByKind map[KindKey]Tally
	// Left lists the items left, prefixed by their category and kind, for tuning.
	Left []string
	// Noisy scores the output for the noisy page against the clean body,
	// after removing one copy of each allowed item (captions); Clean scores
	// the output for the clean page.
	Noisy, Clean score.PageScore
}

// KindKey names a tally: a category and a noise kind.
type KindKey struct {
	Category, Kind string
}

// Tally counts injected and left instances.
type Tally struct {
	Injected, Left int
}

func (f *DocFigures) tally(category, kind string, injected, left int) {
	k := KindKey{category, kind}
	t := f.ByKind[k]
	t.Injected += injected
	t.Left += left
	f.ByKind[k] = t
}

// Measure compares a cleaner's outputs for d's noisy and clean pages.
func Measure(d noise.Doc, noisyOut, cleanOut string) DocFigures {
	f := DocFigures{ID: d.ID, ByKind: map[KindKey]Tally{}}
	nt, ct := newSeq(noisyOut), newSeq(cleanOut)
	// count tallies one class of injected items: how many could be judged
	// (into n) and how many of those the cleaner left (into nLeft).
	count := func(class string, items []noise.Item, n, nLeft *int) {
		for _, it := range items {
			if left, ok := leftOver(it.Text, nt, ct); ok {
				*n++
				f.tally(class, it.Kind, 1, b2i(left))
				if left {
					*nLeft++
					f.Left = append(f.Left, class+" ("+describe(it)+"): "+it.Text)
				}
			}
		}
	}
	count("spam", d.Items.Spam, &f.Spam, &f.SpamLeft)
	count("boilerplate", d.Items.Boilerplate, &f.Boilerplate, &f.BoilerplateLeft)
	for _, dup := range d.Items.Dups {
		t := score.Tokens(dup.Text)
		if len(t) == 0 {
			continue
		}
		extra := dup.Copies - 1
		kept := nt.count(t) - max(1, ct.count(t))
		kept = min(max(kept, 0), extra)
		f.Dups += extra
		f.DupsLeft += kept
		f.tally("duplicates", dup.Kind, extra, kept)
		if kept > 0 {
			f.Left = append(f.Left, "duplicate ("+dup.Kind+"): "+dup.Text)
		}
	}
	// Glyphs are counted per distinct glyph: occurrences in the noisy output
	// beyond those in the clean output, at most as many as injected, shared
	// out to the kinds in injection order.
	injected := map[string][]string{} // glyph -> kinds of its instances
	var order []string
	for _, g := range d.Items.Glyphs {
		if _, ok := injected[g.Text]; !ok {
			order = append(order, g.Text)
		}
		injected[g.Text] = append(injected[g.Text], g.Kind)
	}
	for _, g := range order {
		kinds := injected[g]
		left := min(max(strings.Count(noisyOut, g)-strings.Count(cleanOut, g), 0), len(kinds))
		f.Glyphs += len(kinds)
		f.GlyphsLeft += left
		for i, k := range kinds {
			f.tally("glyphs", k, 1, b2i(i < left))
		}
		if left > 0 {
			f.Left = append(f.Left, "glyph ("+kinds[0]+"): "+g)
		}
	}
	// Captions may be kept once: drop one copy before scoring.
	toks := nt.toks
	for _, s := range d.Items.Allowed {
		toks = removeOnce(toks, score.Tokens(s))
	}
	f.Noisy = score.Page(strings.Join(toks, " "), d.Body)
	f.Clean = score.Page(cleanOut, d.Body)
	return f
}

// describe names an item's kind and, when the kind varies it, its markup.
func describe(it noise.Item) string {
	if it.Where == "" {
		return it.Kind
	}
	return it.Kind + ", " + it.Where
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// leftOver reports whether item s occurs more often in the noisy output than
// in the clean one; ok is false for an item without tokens.
func leftOver(s string, noisy, clean seq) (left, ok bool) {
	t := score.Tokens(s)
	if len(t) == 0 {
		return false, false
	}
	return noisy.count(t) > clean.count(t), true
}

// seq is a tokenised text with an index of where each token occurs.
type seq struct {
	toks []string
	at   map[string][]int
}

func newSeq(text string) seq {
	s := seq{toks: score.Tokens(text), at: map[string][]int{}}
	for i, t := range s.toks {
		s.at[t] = append(s.at[t], i)
	}
	return s
}

// count returns the number of non-overlapping occurrences of t in s.
func (s seq) count(t []string) int {
	n, next := 0, 0
	for _, i := range s.at[t[0]] {
		if i < next || i+len(t) > len(s.toks) {
			continue
		}
		if slices.Equal(s.toks[i:i+len(t)], t) {
			n++
			next = i + len(t)
		}
	}
	return n
}

func removeOnce(toks, t []string) []string {
	if len(t) == 0 {
		return toks
	}
	for i := 0; i+len(t) <= len(toks); i++ {
		if slices.Equal(toks[i:i+len(t)], t) {
			out := make([]string, 0, len(toks)-len(t))
			out = append(out, toks[:i]...)
			return append(out, toks[i+len(t):]...)
		}
	}
	return toks
}

// Figures sums up a cleaner's results over a corpus. Shares are in [0, 1].
type Figures struct {
	Docs int
	// Shares of injected items left, and the injected totals.
	SpamLeft, BoilerplateLeft, DupsLeft, GlyphsLeft float64
	Spam, Boilerplate, Dups, Glyphs                 int
	// Body scores against the clean body by the benchmark's metric, on the
	// noisy pages and on the same pages without noise.
	Noisy, Clean score.Summary
	// RecallRatio is Noisy.R / Clean.R; the target is at least 0.97.
	RecallRatio float64
	// ByKind sums the per-document tallies.
	ByKind map[KindKey]Tally
}

// Summarise adds up per-document figures.
func Summarise(docs []DocFigures) Figures {
	f := Figures{ByKind: map[KindKey]Tally{}}
	var sl, bl, dl, gl int
	noisy := make([]score.PageScore, len(docs))
	clean := make([]score.PageScore, len(docs))
	for i, d := range docs {
		f.Spam += d.Spam
		f.Boilerplate += d.Boilerplate
		f.Dups += d.Dups
		f.Glyphs += d.Glyphs
		sl += d.SpamLeft
		bl += d.BoilerplateLeft
		dl += d.DupsLeft
		gl += d.GlyphsLeft
		noisy[i], clean[i] = d.Noisy, d.Clean
		for k, t := range d.ByKind {
			s := f.ByKind[k]
			s.Injected += t.Injected
			s.Left += t.Left
			f.ByKind[k] = s
		}
	}
	f.Docs = len(docs)
	f.SpamLeft = share(sl, f.Spam)
	f.BoilerplateLeft = share(bl, f.Boilerplate)
	f.DupsLeft = share(dl, f.Dups)
	f.GlyphsLeft = share(gl, f.Glyphs)
	f.Noisy, f.Clean = score.Aggregate(noisy), score.Aggregate(clean)
	if f.Clean.R > 0 {
		f.RecallRatio = f.Noisy.R / f.Clean.R
	}
	return f
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}
