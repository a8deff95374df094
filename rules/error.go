package rules

import "github.com/winnowhq/winnow/internal/yamlpos"

// Pos is a position in a rule file: file:line:col.
type Pos = yamlpos.Pos

// Error is one problem in a rule file, at a position.
type Error = yamlpos.Error

// ErrorList is every problem found while loading rule files, sorted by file
// and position; its Error method lists them all, one per line.
type ErrorList = yamlpos.ErrorList
