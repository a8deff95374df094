package redisstore

import (
	"sync"
	"time"
)

// clockOffset estimates the offset between the Redis clock and this
// machine's clock, the way NTP does: from the request whose round trip was
// the shortest, the server's time lies within half a round trip of the
// midpoint. Host reservations are spaced on the Redis clock; turning each
// into local time with the wait measured at the reply would add the jitter
// of the reply's way back (a goroutine scheduled late) to every gap, while
// one offset keeps the gaps exact, up to the offset's error.
type clockOffset struct {
	mu     sync.Mutex
	offset int64         // Redis µs minus local µs
	rtt    time.Duration // round trip of the sample offset comes from
	at     time.Time     // when that sample was taken
}

// sampleTTL is how long a sample is kept before a slower one may replace it,
// so that the estimate follows clock adjustments.
const sampleTTL = 30 * time.Second

// update takes a sample: a request sent at sent, answered at recv, that read
// the Redis clock as redisNow (µs). It returns the current offset.
func (c *clockOffset) update(sent, recv time.Time, redisNow int64) int64 {
	rtt := recv.Sub(sent)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.at.IsZero() || rtt <= c.rtt || recv.Sub(c.at) > sampleTTL {
		mid := sent.Add(rtt / 2)
		c.offset = redisNow - mid.UnixMicro()
		c.rtt, c.at = rtt, recv
	}
	return c.offset
}
