package spam

import (
	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/htmltable"
	"github.com/winnowhq/winnow/spam/evidence"
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
		rows := htmltable.DataRows(n)
		if len(rows) < textscore.MinTableRows {
			continue
		}
		var spam []*html.Node // the spam units of the rows
		spamRows, farm := 0, false
		for _, r := range rows {
			k := len(spam)
			spam = w.a.scores.Units(r, spam)
			if len(spam) > k {
				spamRows++
			}
			farm = farm || evidence.Anchors(spam[k:]) > 1
		}
		boxes := w.a.scores.Boxes(n)
		if spamRows == 0 && len(boxes) == 0 || farm {
			continue
		}
		if spamRows == 0 || 3*spamRows > len(rows) || !w.nameOnly(spam) {
			// A register's names may make its rows or the table as a
			// whole (its vocabulary and codes summed) score as spam.
			if spam = append(spam, boxes...); !w.register(n, rows, spam) {
				continue
			}
		}
		for _, u := range spam {
			delete(w.a.glued, u) // when a glued run: w.spam counts those too
			w.spam--
			delete(w.a.scores, u)
			if !within(u, boxes) {
				w.a.spamWords -= fold.CountWords(domtext.ElementText(u))
			}
		}
	}
	w.a.spamWords = max(w.a.spamWords, 0)
}

// register reports table t, whose data rows are rows and whose spam units
// are spam, as a register of names: a regulator's list of blocked sites
// names every entry by its domain, whose words are the ad's (gacor, casino,
// a code), row after row. Such a table has a header row (cells th alone);
// its rows' spam lies in the cells of one column, each a name (nameColumn)
// and no link; its spam scores on the text alone (no hiding, no link
// elsewhere), and the page's prose names the topic. A link farm or a
// promotion set out as a table links its names, or says more than a name
// in its other cells.
func (w *walker) register(t *html.Node, rows, spam []*html.Node) bool {
	width := htmltable.HeaderWidth(t)
	if width < 2 || w.later.proseTopic <= 0 {
		return false
	}
	for _, u := range spam {
		if !w.a.scores[u].FromText() {
			return false
		}
	}
	cells := make([][]*html.Node, len(rows))
	texts := make([][]string, len(rows))
	for i, r := range rows {
		cells[i] = htmltable.Cells(r)
		for _, c := range cells[i] {
			texts[i] = append(texts[i], domtext.ElementText(c))
		}
	}
	col, ok := w.a.m.NameColumn(texts, width)
	if !ok {
		return false
	}
	for _, r := range cells {
		if domtext.First(r[col], atom.A) != nil {
			return false
		}
	}
	return true
}

// within reports unit u inside one of boxes other than itself: its words
// are that box's too.
func within(u *html.Node, boxes []*html.Node) bool {
	for _, b := range boxes {
		if b != u && domtext.Contains(b, u) {
			return true
		}
	}
	return false
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
