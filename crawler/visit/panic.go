package visit

import (
	"errors"
	"fmt"
)

// ErrPanic marks the error a recovered panic became: in a visit's stage,
// a freshness check or a callback. The page (or the callback's event)
// fails; the crawl goes on.
var ErrPanic = errors.New("panic")

// Panicked is the error of a panic p recovered in stage of the work on
// url: "URL: STAGE: panic: VALUE", wrapping ErrPanic.
func Panicked(url, stage string, p any) error {
	if sp, ok := p.(stagePanic); ok {
		stage, p = sp.stage, sp.value
	}
	return fmt.Errorf("%s: %s: %w: %v", url, stage, ErrPanic, p)
}

// stagePanic carries a panic out of a named stage of a visit to the
// recover of Visit, which then names the stage in the page's error.
type stagePanic struct {
	stage string
	value any
}

// staged, deferred, names the stage of a panic passing through it (the
// innermost stage wins).
func staged(stage string) {
	if p := recover(); p != nil {
		if _, ok := p.(stagePanic); !ok {
			p = stagePanic{stage, p}
		}
		panic(p)
	}
}
