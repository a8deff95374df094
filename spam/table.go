package spam

import (
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/lexicon"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minTableRows is how many data rows make a table a register: a list of
// entries of one shape (licensed operators, results, prices), not a box.
const minTableRows = 3

// tablePass reads again the rows of the page's data tables that scored as
// spam by the names they hold alone: a register of licensed operators, a
// results or a price table names each entry by its name and site, and some
// names are codes with a gambling stem (Bet25, Lucky7 Gaming) or hosts named
// so. When such rows are a third of the table's data rows or fewer, the
// others clean, they are entries of the table, not spam injected into it:
// a link farm laid out as a table is spam row after row, and a row injected
// into a real table carries what a name does not (vocabulary, hiding, a
// glued anchor, an odd domain, more than one link; see nameOnly).
func (w *walker) tablePass() {
	for n := range w.root.Descendants() {
		if n.DataAtom != atom.Table {
			continue
		}
		rows := dataRows(n)
		if len(rows) < minTableRows {
			continue
		}
		var spam []*html.Node // the spam units of the rows
		spamRows, farm := 0, false
		for _, r := range rows {
			k := len(spam)
			spam = w.spamUnits(r, spam)
			if len(spam) > k {
				spamRows++
			}
			farm = farm || links(spam[k:]) > 1
		}
		if spamRows == 0 || 3*spamRows > len(rows) || farm || !w.nameOnly(spam) {
			continue
		}
		for _, u := range spam {
			delete(w.a.glued, u) // when a glued run: w.spam counts those too
			w.spam--
			delete(w.a.scores, u)
			w.a.spamWords -= fold.CountWords(nodeText(u))
		}
	}
	w.a.spamWords = max(w.a.spamWords, 0)
}

// links counts the anchors among units: an entry names one site, a row
// of several spam links is a farm.
func links(units []*html.Node) int {
	k := 0
	for _, u := range units {
		if u.DataAtom == atom.A {
			k++
		}
	}
	return k
}

// dataRows returns the rows of table t with a data cell (td), nested
// tables' rows aside.
func dataRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Table:
				continue
			case atom.Tr:
				for d := c.FirstChild; d != nil; d = d.NextSibling {
					if d.DataAtom == atom.Td {
						rows = append(rows, c)
						break
					}
				}
				continue
			}
			walk(c)
		}
	}
	walk(t)
	return rows
}

// spamUnits appends to out the units of row r (itself and the elements and
// links in it) scored as spam.
func (w *walker) spamUnits(r *html.Node, out []*html.Node) []*html.Node {
	for n := range r.Descendants() {
		if s := w.a.scores[n]; s != nil && s.Value >= Unit {
			out = append(out, n)
		}
	}
	if s := w.a.scores[r]; s != nil && s.Value >= Unit {
		out = append(out, r)
	}
	return out
}

// nameOnly reports units whose spam score rests on what names an entry
// (see nameOnlyScore).
func (w *walker) nameOnly(units []*html.Node) bool {
	for _, u := range units {
		if !w.a.m.nameOnlyScore(w.a.scores[u]) {
			return false
		}
	}
	return true
}

// nameOnlyScore reports a spam score that rests on what names an entry:
// brand codes and stems, the host a link goes to, with vocabulary below
// the gate. Hiding, gluing, odd domains and gambling paths are not a
// name's; that the name holds its cell's only gambling words
// (topic-break), or that a cell is made of the row's name-only links
// (spam-links: those are among the units, read the same), is a name's too.
func (m *Model) nameOnlyScore(s *Score) bool {
	for _, e := range s.Evidence {
		if !e.Counted || e.Weight <= 0 {
			continue
		}
		switch e.Signal {
		case lexicon.SigBrand, lexicon.SigBrandGambling, lexicon.SigBrandOnly, lexicon.SigForeignHost,
			lexicon.SigBrandHost, lexicon.SigGamblingHost, lexicon.SigTopicBreak, lexicon.SigSpamLinks:
		case lexicon.SigTerms:
			if e.Weight >= m.weights[lexicon.SigGate] {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// TableEntries reads the rows of one data table of a page of text (their
// scores, ScoreText read on the page's topic, in order) as tablePass reads
// a table of the page's DOM, and reports the rows scoring as spam that are
// the table's entries: a third of the rows or fewer, each scoring by the
// names it holds alone (nameOnlyScore), the other rows clean.
func (m *Model) TableEntries(scores []*Score) []bool {
	entries := make([]bool, len(scores))
	if len(scores) < minTableRows {
		return entries
	}
	spam := 0
	for _, s := range scores {
		if s != nil && s.Value >= Unit {
			if !m.nameOnlyScore(s) {
				return entries
			}
			spam++
		}
	}
	if 3*spam > len(scores) {
		return entries
	}
	for i, s := range scores {
		entries[i] = s != nil && s.Value >= Unit
	}
	return entries
}
