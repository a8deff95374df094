package spam

import (
	"github.com/winnowhq/winnow/spam/fold"
	"github.com/winnowhq/winnow/spam/textscore"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

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
		if len(rows) < textscore.MinTableRows {
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
// (see Model.NameOnly).
func (w *walker) nameOnly(units []*html.Node) bool {
	for _, u := range units {
		if !w.a.m.NameOnly(w.a.scores[u]) {
			return false
		}
	}
	return true
}
