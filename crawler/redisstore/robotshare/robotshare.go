// Package robotshare shares robots.txt answers between the workers of a
// crawl on Redis (frontier.RobotsShare): one worker asks a host, the
// others take its answer until it expires, so that N workers make one
// robots.txt request per host per expiry instead of N.
//
// Keys, in the job's hash slot: PREFIX robots:HOST (a hash: the answer,
// and when an unreadable robots.txt is asked again, on the Redis clock;
// expires with the answer) and PREFIX robots-turn:HOST (the worker asking
// now; expires after the hold, so a worker that dies asking does not stop
// the others for longer).
package robotshare

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

var (
	//go:embed lua/get.lua
	getSrc string
	//go:embed lua/put.lua
	putSrc string

	scriptGet = redis.NewScript(getSrc)
	scriptPut = redis.NewScript(putSrc)
)

// Do runs one call to Redis, retrying while Redis is unreachable; op and
// subject name it in errors and counts (redisstore's retry loop).
type Do func(ctx context.Context, op, subject string, fn func(context.Context) error) error

// Share is the robots.txt answers of one job on one Redis.
type Share struct {
	rdb    *redis.Client
	prefix string // the job's key prefix, "winnow:{JOB}:"
	token  string // this worker's name: whose turn it is
	do     Do
}

// New returns the Share of the job whose keys start with prefix, for the
// worker named token, calling Redis through do.
func New(rdb *redis.Client, prefix, token string, do Do) *Share {
	return &Share{rdb: rdb, prefix: prefix, token: token, do: do}
}

func (s *Share) keys(host string) []string {
	return []string{s.prefix + "robots:" + host, s.prefix + "robots-turn:" + host}
}

// Robots implements frontier.RobotsShare.
func (s *Share) Robots(ctx context.Context, host string, hold time.Duration) (answer []byte, retryIn time.Duration, mine bool, err error) {
	err = s.do(ctx, "robots", host, func(ctx context.Context) error {
		v, err := scriptGet.Run(ctx, s.rdb, s.keys(host), max(hold.Milliseconds(), 1), s.token).Slice()
		if err != nil {
			return err
		}
		if len(v) != 3 {
			return fmt.Errorf("robots script: %d values", len(v))
		}
		answer, retryIn, mine = nil, 0, false
		if a, ok := v[0].(string); ok {
			answer = []byte(a)
		}
		state, _ := v[1].(string)
		ms, _ := v[2].(int64)
		switch state {
		case "answer":
			retryIn = time.Duration(ms) * time.Millisecond
		case "mine":
			mine = true
		case "wait":
			answer = nil
		default:
			return errors.New("robots script: unknown state " + state)
		}
		return nil
	})
	return answer, retryIn, mine, err
}

// PutRobots implements frontier.RobotsShare.
func (s *Share) PutRobots(ctx context.Context, host string, answer []byte, retryIn, ttl time.Duration) error {
	return s.do(ctx, "put robots", host, func(ctx context.Context) error {
		return scriptPut.Run(ctx, s.rdb, s.keys(host), answer, max(retryIn.Milliseconds(), 0),
			max(ttl.Milliseconds(), 1), s.token).Err()
	})
}
