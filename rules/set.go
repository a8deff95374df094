package rules

// Set is an immutable, compiled set of rules, safe for concurrent use.
type Set struct {
	rules []*Rule
}

// Rule is one compiled rule.
type Rule struct {
	ID          string
	Description string
}
