package spam

import (
	"github.com/winnowhq/winnow/spam/evidence"
)

// Unit is the score at which a block or link counts as spam for the block
// around it and for the page verdict (evidence.Unit). Rules choose their
// own thresholds.
const Unit = evidence.Unit

// Score is the spam score of one block or link and the evidence it comes
// from (package evidence).
type Score = evidence.Score

// Evidence is one signal that fired, with its weight in the score.
type Evidence = evidence.Evidence
