package textscore

import (
	"strings"
	"unicode"

	"github.com/winnowhq/winnow/spam/evidence"
	"github.com/winnowhq/winnow/spam/lexicon"
)

// MinTableRows is how many data rows make a table a register: a list of
// entries of one shape (licensed operators, results, prices), not a box.
const MinTableRows = 3

// NameOnly reports a spam score that rests on what names an entry:
// brand codes and stems, the host a link goes to, with vocabulary below
// the gate. Hiding, gluing, odd domains and gambling paths are not a
// name's; that the name holds its cell's only gambling words
// (topic-break), or that a cell is made of the row's name-only links
// (spam-links: those are among the units, read the same), is a name's too.
func (m *Model) NameOnly(s *evidence.Score) bool {
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
// scores, ScoreText read on the page's topic, in order) as spam.Analyze reads
// a table of the page's DOM, and reports the rows scoring as spam that are
// the table's entries: a third of the rows or fewer, each scoring by the
// names it holds alone (NameOnly), the other rows clean.
func (m *Model) TableEntries(scores []*evidence.Score) []bool {
	entries := make([]bool, len(scores))
	if len(scores) < MinTableRows {
		return entries
	}
	spam := 0
	for _, s := range scores {
		if s != nil && s.Value >= evidence.Unit {
			if !m.NameOnly(s) {
				return entries
			}
			spam++
		}
	}
	if 3*spam > len(scores) {
		return entries
	}
	for i, s := range scores {
		entries[i] = s != nil && s.Value >= evidence.Unit
	}
	return entries
}

// NameColumn reports rows of width cells each (their texts) whose spam
// evidence lies in the cells of one column, col, each a name: one token
// (a domain, a code); the other cells hold no spam evidence of their own
// (below EvidenceShare: a date, a category, a number).
func (m *Model) NameColumn(rows [][]string, width int) (col int, ok bool) {
	col = -1
	for _, r := range rows {
		if len(r) != width {
			return 0, false
		}
		for i, c := range r {
			if m.Value(c) < EvidenceShare*evidence.Unit {
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

// TableRegister reports a run of rows of a table of text (each its cells
// joined by " | ", scores their ScoreText read on the page's topic) as
// tablePass reads a register of names in the page's DOM: its first row
// a header (no spam evidence, no digit), the others of as many cells,
// their spam scoring on the text alone and lying in one column of names
// (NameColumn), on a page whose prose holds topic of the topic's
// vocabulary (ProseTopic). Its rows that score as spam are its entries.
func (m *Model) TableRegister(rows []string, scores []*evidence.Score, topic float64) bool {
	if len(rows) <= MinTableRows || topic <= 0 || strings.ContainsAny(rows[0], "0123456789") || m.Value(rows[0]) >= EvidenceShare*evidence.Unit {
		return false
	}
	texts := make([][]string, len(rows)-1)
	for i, r := range rows[1:] {
		if s := scores[i+1]; s != nil && s.Value >= evidence.Unit && !s.FromText() {
			return false
		}
		texts[i] = strings.Split(r, " | ")
	}
	_, ok := m.NameColumn(texts, strings.Count(rows[0], " | ")+1)
	return ok
}
