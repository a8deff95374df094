package rules

// Kind is the structural role of a block.
type Kind string

// Block kinds.
const (
	KindParagraph Kind = "p"
	KindHeading   Kind = "h"
	KindListItem  Kind = "li"
	KindQuote     Kind = "quote"
	KindCaption   Kind = "caption"
	KindPre       Kind = "pre"
	KindLine      Kind = "line" // a line of plain-text input
)

// Block is one unit of extracted text: a paragraph, heading, list item or line.
type Block struct {
	Kind  Kind
	Level int // heading level 1-6, list depth
	Text  string
	// Break is true when a blank line separated this block from the previous one
	// in plain-text input.
	Break bool
}

// Hit records one removal or change made by a rule.
type Hit struct {
	Rule    string `json:"rule"`
	Stage   string `json:"stage"`
	Action  string `json:"action"`
	Where   string `json:"where"`
	Excerpt string `json:"excerpt"`
	// Score and Evidence explain a removal by a spam-score rule: the score
	// and the signals that fired, with their weights.
	Score    float64 `json:"score,omitempty"`
	Evidence string  `json:"evidence,omitempty"`
}
