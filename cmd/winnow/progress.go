package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress draws a one-line progress bar on a terminal.
type progress struct {
	w            io.Writer
	total, done  int
	failed       int
	start, drawn time.Time
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, start: time.Now()}
	p.draw()
	return p
}

func (p *progress) step(failed bool) {
	p.done++
	if failed {
		p.failed++
	}
	p.total = max(p.total, p.done) // a WARC file is many pages
	if time.Since(p.drawn) > 100*time.Millisecond || p.done == p.total {
		p.draw()
	}
}

func (p *progress) draw() {
	const width = 30
	fill := width * p.done / max(p.total, 1)
	rate := float64(p.done) / max(time.Since(p.start).Seconds(), 1e-3)
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d  %.1f/s  %d failed ", strings.Repeat("#", fill), strings.Repeat(".", width-fill),
		p.done, p.total, rate, p.failed)
	p.drawn = time.Now()
}

// clear erases the bar so that a message can be printed on a clean line.
func (p *progress) clear() { fmt.Fprint(p.w, "\r\033[K") }

func (p *progress) finish() { p.draw(); fmt.Fprintln(p.w) }
