package crawler

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/winnowhq/winnow/crawler/frontier"
)

// Cap is a limit of the job that cut a run short, and what it cut.
type Cap struct {
	// Key is the limit's job-file key: "max_depth", "max_pages", "max_pages_per_host",
	// "max_links", "max_host_failures", "max_body_size", "timeout" or
	// "page_timeout".
	Key string
	// Limit is the limit's value, as a job file writes it.
	Limit string
	// Left counts what the limit left unvisited, in Unit: for max_pages
	// and max_pages_per_host the distinct URLs found in the run and never
	// admitted (at least, past frontier.MaxLeftOut); for max_depth the
	// distinct links found on the run's fetched pages only deeper than it
	// (not counting those found again shallower and visited; at least,
	// past frontier.MaxLeftOut); for max_links the
	// links left out of pages (a link on two pages counts twice); for the
	// others the pages that failed on it (left for the next run).
	Left int64
	Unit CapUnit
}

// CapUnit says what a Cap counts.
type CapUnit string

// Cap units.
const (
	CapURLs  CapUnit = "URLs left unvisited"
	CapDeep  CapUnit = "links left unvisited"
	CapLinks CapUnit = "links left unread"
	CapPages CapUnit = "pages failed"
)

func (c Cap) String() string {
	what := string(c.Unit)
	if (c.Unit == CapURLs || c.Unit == CapDeep) && c.Left >= frontier.MaxLeftOut {
		what = "or more " + what // the store stopped counting
	}
	return fmt.Sprintf("%s (%s): %d %s", c.Key, c.Limit, c.Left, what)
}

// capCounters count what each cap cut, live (see Stats.Caps).
type capCounters struct {
	leftPages, leftPerHost, leftDepth   atomic.Int64 // from the store, at the end of the run
	linksCut                            atomic.Int64
	hostDown, tooLarge, timeout, pageTO atomic.Int64
}

// count counts a failed page against the cap that failed it, by reason.
func (cc *capCounters) count(reason string) {
	switch reason {
	case "host_down":
		cc.hostDown.Add(1)
	case "too_large":
		cc.tooLarge.Add(1)
	case "timeout":
		cc.timeout.Add(1)
	case "page_timeout":
		cc.pageTO.Add(1)
	}
}

// caps lists the caps that cut the run, in the order of the job file's
// reference.
func (c *Crawler) caps() []Cap {
	cc, cfg := &c.stats.caps, &c.cfg
	all := []Cap{
		{"max_depth", fmt.Sprint(cfg.Scope.MaxDepth), cc.leftDepth.Load(), CapDeep},
		{"max_pages", fmt.Sprint(cfg.MaxPages), cc.leftPages.Load(), CapURLs},
		{"max_pages_per_host", fmt.Sprint(cfg.MaxPagesPerHost), cc.leftPerHost.Load(), CapURLs},
		{"max_links", fmt.Sprint(cfg.MaxLinks), cc.linksCut.Load(), CapLinks},
		{"max_host_failures", fmt.Sprint(cfg.MaxHostFailures), cc.hostDown.Load(), CapPages},
		{"max_body_size", size(cfg.MaxBodySize), cc.tooLarge.Load(), CapPages},
		{"timeout", cfg.Timeout.String(), cc.timeout.Load(), CapPages},
		{"page_timeout", cfg.PageTimeout.String(), cc.pageTO.Load(), CapPages},
	}
	var out []Cap
	for _, cp := range all {
		if cp.Left > 0 {
			out = append(out, cp)
		}
	}
	return out
}

// countLeftOut reads from the store what max_depth, max_pages and
// max_pages_per_host left out of the run, over every worker of a shared store.
func (c *Crawler) countLeftOut(ctx context.Context) {
	lc, ok := c.store.(frontier.LeftOutCounter)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	l, err := lc.LeftOut(ctx)
	if err != nil {
		c.log.Warn("could not count the URLs the caps left out", "err", err)
		return
	}
	c.stats.caps.leftPages.Store(int64(l.Pages))
	c.stats.caps.leftPerHost.Store(int64(l.PerHost))
	c.stats.caps.leftDepth.Store(int64(l.Depth))
}

// size writes n bytes as a job file would.
func size(n int64) string {
	switch {
	case n > 0 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMiB", n>>20)
	case n > 0 && n%(1<<10) == 0:
		return fmt.Sprintf("%dKiB", n>>10)
	}
	return fmt.Sprint(n)
}
