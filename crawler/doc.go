// Package crawler runs polite, incremental and resumable crawl jobs.
//
// A Crawler fetches pages with github.com/gocolly/colly/v2, keeps its frontier
// and per-URL state in a frontier.Store (an embedded bbolt file by default,
// see package crawler/boltstore; package crawler/redisstore shares one job
// between processes), and
// hands every article page to an Extract function supplied by the caller; it
// never imports a cleaning library itself.
//
//	st, err := boltstore.Open("state/crawl.db")
//	...
//	cr, err := crawler.New(cfg, st, extract, logger)
//	...
//	stats, err := cr.Run(ctx)
//
// One run: a dispatcher (package crawler/dispatch) claims entries from the
// store, lets the crawler drop those the job's scope no longer allows and
// settle fresh articles, keeps the rest in per-host queues
// and hands one to a worker when its host may be asked (robots.txt known,
// fewer than Config.HostParallelism requests in flight, Config.Delay or
// Crawl-delay elapsed since the host's last response); a fixed pool of
// Config.Workers workers fetches, follows links and writes articles (package
// crawler/visit decides what becomes of each page); a
// committer (package crawler/commit) makes the outcomes durable in batches. A run holds
// its output dir (output.LockFile) so that no other run writes there, connects
// only through a netguard.Guard (no loopback, private or link-local address
// but the seeds'), bounds the bodies it holds (Config.MaxInFlightBytes) and
// the work per page (Config.PageTimeout), and fails with ErrRunFailed when
// every seed or too many fetches failed.
//
// Unattended, a run holds up: a panic in one page's work (a parser,
// Extract, the freshness check reading its state) or in Config.OnEvent
// fails that page alone with an error naming its URL and the stage
// (ErrPanic, Stats.Panics); a panic in the dispatcher, a worker's store
// call or the committer stops the run with an error, never the process.
// A limit that cuts a run (max depth, max pages, per host, links per page,
// body size, timeouts, a host down) says so in Stats.Caps with what it left unvisited. On a
// shared store (frontier.RobotsShare) one process reads a host's
// robots.txt and the others take its answer.
//
// What colly does not do, the crawler does around it: robots.txt matched as
// RFC 9309 says (package crawler/robots) with Crawl-delay, per-host delay and parallelism, retries with backoff that honour
// Retry-After, conditional requests with ETag and Last-Modified, URL
// canonicalisation (fragments and tracking parameters dropped, rel=canonical
// followed), a body size limit that reports instead of truncating, charset
// from <meta> as well as from Content-Type, and crash-safe output (temp file
// and rename, an index appended and fsync'd in batches and replayed on resume).
//
// colly reads COLLY_* environment variables in NewCollector after the options
// given in code, so a stray COLLY_IGNORE_ROBOTSTXT=1 would silently turn
// robots.txt off. The crawler sets every setting it relies on again after
// NewCollector returns, so COLLY_* variables have no effect; see fetch.New.
//
// Package crawler/jobfile reads a job file into a Config and what the
// program running the job needs besides (cleaning rules, state, schedule),
// as crawler/jobfile/JOBS.md documents it; package crawler/schedule runs
// jobs on their schedules (winnow serve).
package crawler
