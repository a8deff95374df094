package robotshare_test

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/winnowhq/winnow/crawler/redisstore/redistest"
	"github.com/winnowhq/winnow/crawler/redisstore/robotshare"
)

func direct(ctx context.Context, _, _ string, fn func(context.Context) error) error { return fn(ctx) }

// The turn, the answer, its retry time and its expiry, as two workers see
// them.
func TestShare_TurnRetryExpiry(t *testing.T) {
	srv := redistest.Start(t)
	opt, err := redis.ParseURL(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	a := robotshare.New(rdb, "winnow:{t}:", "a", direct)
	b := robotshare.New(rdb, "winnow:{t}:", "b", direct)
	ctx := t.Context()
	type got struct {
		answer  string
		retryIn bool
		mine    bool
	}
	ask := func(s *robotshare.Share, want got) {
		t.Helper()
		ans, retryIn, mine, err := s.Robots(ctx, "h:1", time.Minute)
		if g := (got{string(ans), retryIn > 0, mine}); err != nil || g != want {
			t.Fatalf("Robots = %+v, %v; want %+v", g, err, want)
		}
	}
	put := func(s *robotshare.Share, answer string, retryIn, ttl time.Duration) {
		t.Helper()
		if err := s.PutRobots(ctx, "h:1", []byte(answer), retryIn, ttl); err != nil {
			t.Fatal(err)
		}
	}
	ask(a, got{mine: true}) // nothing shared: a's turn
	ask(a, got{mine: true}) // asked again: still a's
	ask(b, got{})           // b waits
	put(a, "503", 150*time.Millisecond, time.Minute)
	ask(b, got{answer: "503", retryIn: true}) // unreadable: b waits for the retry
	time.Sleep(200 * time.Millisecond)
	ask(b, got{answer: "503", mine: true}) // due: b's turn, with the last answer
	ask(a, got{})
	put(b, "200", 0, 150*time.Millisecond)
	ask(a, got{answer: "200"})
	time.Sleep(200 * time.Millisecond)
	ask(a, got{mine: true}) // expired: asked again
}
