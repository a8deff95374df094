package spam

import (
	"strings"
	"unicode"

	"github.com/winnowhq/winnow/internal/domtext"
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
		boxes := w.spamBoxes(n)
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
				w.a.spamWords -= fold.CountWords(nodeText(u))
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
	width := headerWidth(t)
	if width < 2 || w.proseTopic <= 0 {
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
		cells[i] = rowCells(r)
		for _, c := range cells[i] {
			texts[i] = append(texts[i], nodeText(c))
		}
	}
	col, ok := w.a.m.nameColumn(texts, width)
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

// nameColumn reports rows of width cells each (their texts) whose spam
// evidence lies in the cells of one column, col, each a name: one token
// (a domain, a code); the other cells hold no spam evidence of their own
// (below evidenceShare: a date, a category, a number).
func (m *Model) nameColumn(rows [][]string, width int) (col int, ok bool) {
	col = -1
	for _, r := range rows {
		if len(r) != width {
			return 0, false
		}
		for i, c := range r {
			if m.value(c) < evidenceShare*Unit {
				continue
			}
			c = strings.TrimSpace(c)
			if col >= 0 && col != i || strings.IndexFunc(c, unicode.IsSpace) >= 0 {
				return 0, false
			}
			col = i
		}
	}
	return col, col >= 0
}

// Register reports a run of rows of a table of text (each its cells
// joined by " | ", scores their ScoreText read on the page's topic) as
// tablePass reads a register of names in the page's DOM: its first row
// a header (no spam evidence, no digit), the others of as many cells,
// their spam scoring on the text alone and lying in one column of names
// (nameColumn), on a page whose prose holds topic of the topic's
// vocabulary (ProseTopic). Its rows that score as spam are its entries.
func (m *Model) Register(rows []string, scores []*Score, topic float64) bool {
	if len(rows) <= minTableRows || topic <= 0 || strings.ContainsAny(rows[0], "0123456789") || m.value(rows[0]) >= evidenceShare*Unit {
		return false
	}
	texts := make([][]string, len(rows)-1)
	for i, r := range rows[1:] {
		if s := scores[i+1]; s != nil && s.Value >= Unit && !s.FromText() {
			return false
		}
		texts[i] = strings.Split(r, " | ")
	}
	_, ok := m.nameColumn(texts, strings.Count(rows[0], " | ")+1)
	return ok
}

// headerWidth returns the number of cells of table t's header row (its
// first row, when made of th cells alone), 0 when it has none.
func headerWidth(t *html.Node) int {
	var first *html.Node
	for n := range t.Descendants() {
		if n.DataAtom == atom.Table {
			return 0 // a nested table comes first: not a plain data table
		}
		if n.DataAtom == atom.Tr {
			first = n
			break
		}
	}
	if first == nil {
		return 0
	}
	cells := rowCells(first)
	for _, c := range cells {
		if c.DataAtom != atom.Th {
			return 0
		}
	}
	return len(cells)
}

// rowCells returns the cells (td, th) of row r.
func rowCells(r *html.Node) []*html.Node {
	var out []*html.Node
	for c := r.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			out = append(out, c)
		}
	}
	return out
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

// spamBoxes returns table t and its row groups (thead, tbody, tfoot; not
// a nested table's) when they score as spam.
func (w *walker) spamBoxes(t *html.Node) []*html.Node {
	var out []*html.Node
	if s := w.a.scores[t]; s != nil && s.Value >= Unit {
		out = append(out, t)
	}
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Thead, atom.Tbody, atom.Tfoot:
			if s := w.a.scores[c]; s != nil && s.Value >= Unit {
				out = append(out, c)
			}
		}
	}
	return out
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
