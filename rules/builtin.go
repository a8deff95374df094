package rules

import (
	"embed"
	"sync"
)

//go:embed builtin/*.yaml
var builtinFS embed.FS

var builtinOnce = sync.OnceValues(func() (*Set, error) {
	return Load(builtinFS, "rules", "builtin/*.yaml")
})

// Builtin returns the default rule set embedded in winnow, loaded and compiled
// once. It is shared: a Set is immutable.
func Builtin() (*Set, error) { return builtinOnce() }
