package dispatch

import (
	"context"
	"time"

	"github.com/winnowhq/winnow/crawler/frontier"
)

// robotsState says where a host's robots.txt stands.
type robotsState uint8

const (
	// robotsUnknown: not fetched yet; the host's first job fetches it.
	robotsUnknown robotsState = iota
	// robotsFetching: a worker is fetching it; the host's entries wait.
	robotsFetching
	// robotsKnown: host.rules holds it (nil when robots.txt is ignored).
	robotsKnown
)

// host is what the dispatcher knows of one host.
type host struct {
	queue  []Claimed
	active int
	rules  Robots
	robots robotsState
	// robotsAsked counts the robots jobs that found robots.txt unreadable
	// and asked for it again (Done.RobotsAgain).
	robotsAsked int
	// robotsTurn: this process reads the host's robots.txt for the
	// processes sharing the store; robotsWait: until when another
	// process's answer is awaited (see Dispatcher.shared).
	robotsTurn bool
	robotsWait time.Time
	delay      time.Duration
	// failures counts the host's page fetches that failed in a row; down,
	// that they reached Options.MaxHostFailures.
	failures int
	down     bool
	// next is when the host may start again; reserved, that the store
	// gave it that start already (ReserveHost).
	next     time.Time
	reserved bool
}

// slot reports whether host h may start a request now; if not, when.
func (d *Dispatcher) slot(ctx context.Context, hn string, h *host, now time.Time) (bool, time.Time, error) {
	if g, ok := d.store.(frontier.HostGate); ok && h.delay > 0 {
		// h.next is when the gate said to ask again; hold ends the request.
		h.reserved = false
		if now.Before(h.next) {
			return false, h.next, nil
		}
		started, at, err := g.StartHost(ctx, hn, h.delay, d.opt.HostParallelism)
		if err == nil && !started {
			h.next = at
		}
		return started, at, err
	}
	if h.reserved {
		if now.Before(h.next) {
			return false, h.next, nil
		}
		h.reserved = false
		// A start much later than the reserved one (a busy dispatcher, a
		// slow store) could run into the next slot, which on a store shared
		// by several processes belongs to another one: reserve again.
		if h.delay == 0 || time.Since(h.next) <= h.delay/10 {
			return true, now, nil
		}
	}
	at, err := d.store.ReserveHost(ctx, hn, h.delay)
	if err != nil {
		return false, now, err
	}
	if at.After(now.Add(time.Millisecond)) {
		h.next, h.reserved = at, true
		return false, at, nil
	}
	return true, now, nil
}
