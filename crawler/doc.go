// Package crawler runs polite, incremental and resumable crawl jobs.
//
// A Crawler fetches pages with github.com/gocolly/colly/v2, keeps its frontier
// and per-URL state in a Store (an embedded bbolt file by default, see
// OpenBolt), and hands every article page to an Extract function supplied by
// the caller; it never imports a cleaning library itself.
//
//	st, err := crawler.OpenBolt("state/crawl.db")
//	...
//	cr, err := crawler.New(cfg, st, extract, logger)
//	...
//	stats, err := cr.Run(ctx)
//
// What colly does not do, the crawler does around it: robots.txt with
// Crawl-delay, per-host delay and parallelism, retries with backoff that honour
// Retry-After, conditional requests with ETag and Last-Modified, URL
// canonicalisation (fragments and tracking parameters dropped, rel=canonical
// followed), a body size limit that reports instead of truncating, charset
// from <meta> as well as from Content-Type, and crash-safe output (temp file
// and rename, an index appended and fsync'd in batches and replayed on resume).
//
// colly reads COLLY_* environment variables in NewCollector after the options
// given in code, so a stray COLLY_IGNORE_ROBOTSTXT=1 would silently turn
// robots.txt off. The crawler re-applies every setting it relies on after
// NewCollector returns, so COLLY_* variables have no effect; see newCollector.
package crawler
