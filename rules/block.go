package rules

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
