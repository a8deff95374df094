package crawler

import (
	"context"
	"errors"
	"fmt"

	"github.com/winnowhq/winnow/crawler/commit"
	"github.com/winnowhq/winnow/crawler/dispatch"
	"github.com/winnowhq/winnow/crawler/frontier"
)

// dispatched is the Crawler as its dispatcher sees it.
type dispatched struct{ c *Crawler }

var _ dispatch.Crawl = dispatched{}

// Admit drops the entries the job's scope no longer allows (a host
// removed, an exclude added, max_depth lowered since they were queued, a
// resumed frontier): they leave the frontier unfetched. An article checked
// within its revisit interval is settled here, once, without a request.
func (d dispatched) Admit(ctx context.Context, es []frontier.Entry) ([]dispatch.Claimed, []commit.Result) {
	c := d.c
	var settled []commit.Result
	kept := es[:0]
	for _, e := range es {
		if !c.cfg.Scope.Admits(e.URL, e.Depth) {
			c.emit(Event{Kind: EventSkipped, URL: e.URL, Err: ErrOutOfScope})
			settled = append(settled, commit.Result{Entry: e, Done: true})
			continue
		}
		kept = append(kept, e)
	}
	frs := c.visit.FreshAll(ctx, kept)
	out := make([]dispatch.Claimed, 0, len(kept))
	for i, e := range kept {
		if frs[i].Err != nil {
			c.emit(Event{Kind: EventFailed, URL: e.URL, Err: frs[i].Err})
			settled = append(settled, frs[i].Result)
			continue
		}
		if frs[i].Fresh {
			c.emit(Event{Kind: EventUnchanged, URL: e.URL})
			settled = append(settled, frs[i].Result)
			continue
		}
		out = append(out, dispatch.Claimed{Entry: e, Prior: frs[i].Prior})
	}
	return out, settled
}

// Refuse skips an entry robots.txt disallows, and fails one of a host
// whose robots.txt could not be read or that is down.
func (d dispatched) Refuse(e frontier.Entry, why error) commit.Result {
	ev := Event{Kind: EventSkipped, URL: e.URL, Err: fmt.Errorf("%s: %w", e.URL, why)}
	if errors.Is(why, ErrRobotsUnavailable) || errors.Is(why, ErrHostDown) {
		ev.Kind = EventFailed
	}
	d.c.emit(ev)
	return commit.Result{Entry: e, Done: true}
}

func (d dispatched) Queued(n int)   { d.c.stats.queued.Store(int64(n)) }
func (d dispatched) InFlight(n int) { d.c.stats.inflight.Store(int64(n)) }
