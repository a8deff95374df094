// Package redisstore keeps the state of a crawl job in Redis, so that several
// winnow workers on several machines share one crawl: one frontier, one seen
// set, one politeness budget per host, and the per-URL state of earlier runs.
// It implements frontier.Store on github.com/redis/go-redis/v9.
//
//	st, err := redisstore.Open(ctx, "redis://10.0.0.5:6379/0", redisstore.Options{
//		Job:    "example",
//		Worker: "crawler-1",
//	})
//	...
//	cr, err := crawler.New(cfg, st, extract, logger)
//
// # Keys
//
// Every key of a job starts with "winnow:{JOB}:" (the braces make a Redis
// Cluster hash tag, so the scripts below touch one slot):
//
//	frontier   stream of ready entries, read by the consumer group "crawl"
//	delayed    sorted set of entries waiting for their NotBefore (score: ms)
//	seen       set of URLs admitted to the frontier in this run
//	state      hash: canonical URL → JSON frontier.State (kept across runs)
//	hosts      hash: host → next free request start (µs, Redis clock)
//	busy:HOST  sorted set: requests to HOST in flight → lease expiry (µs)
//	meta       hash: "checkpoint:WORKER" → index offset, "cursor" → XAUTOCLAIM cursor
//	workers    sorted set: worker → time of its last Claim (for fair shares)
//	seen-hosts hash: host → URLs of the host in seen (kept under a per-host limit)
//	robots:HOST, robots-turn:HOST  robots.txt answers shared by the workers
//	           (package crawler/redisstore/robotshare)
//
// # How the contract of frontier.Store maps onto Redis
//
// Claim is one Lua script: it moves due entries from delayed into the stream,
// takes back entries another worker has held longer than the lease with
// XAUTOCLAIM, and reads new entries with XREADGROUP. A worker killed with
// kill -9 thus loses nothing: its pending entries stay in the group's pending
// list and go to the next worker that claims after the lease. Commit is one Lua
// script too (XACK and XDEL of finished entries, re-queueing of retries, HSET
// of URL states, SADD-guarded XADD of new URLs, the checkpoint), so it is
// atomic; with appendonly the script's effects reach the AOF as one
// MULTI/EXEC. Enqueue is the same add-if-absent script. ReserveHost and
// HoldHost are scripts on the Redis clock, so clock skew between worker
// machines does not break the per-host delay.
//
// The crawler does not space requests to a host by ReserveHost when the
// delay is on: the time from a reserved start to the request's arrival at
// the server varies by milliseconds from worker to worker, so the server
// would see some gaps shorter than the delay. It calls StartHost instead,
// which starts a request only when fewer than its HostParallelism (1 by
// default) are in flight to the host across all workers and the host's next
// start has passed, and EndHost once the response is in, which pushes the
// next start to the delay after it. Both are scripts, so each check and
// record is one step. With one request at a time, a request's arrival
// follows the previous response, so the server sees the delay between two
// arrivals whatever the jitter; with more, starts are spaced by the delay
// on the Redis clock only.
//
// A worker that stalls past its lease (a long pause, a suspended VM) while
// another takes its entries over must not write them too. Before it
// fetches an entry, a worker checks that the entry's last claim or renewal
// is younger than three quarters of a lease (Store.Fresh, no round trip),
// and lets the lease lapse if not. Before it writes a batch, its committer
// renews the batch's leases and leaves out the outcomes of entries another
// worker now holds (Store.Hold, frontier.Fencer). What is left is a stall
// between a batch's index write and its commit, one fsync and one round
// trip long: the index is a local file, so no check in Redis can close it,
// and a page written then may be written again by the worker that took it.
// Both lines carry the page's hash, and the merge rule of the index
// (output.ReadIndex, output.Dedupe) reads them as one record.
//
// Every call retries with exponential backoff while Redis is unreachable or
// loading (Options.RetryFor), and every script is safe to run twice: a
// retried Commit whose first attempt did reach Redis changes nothing more.
//
// Checkpoint is kept per worker (Options.Worker), since each worker writes its
// own output index: restart a killed worker with the same worker ID to replay
// its index.
package redisstore
