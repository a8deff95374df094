package textscore

import (
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
