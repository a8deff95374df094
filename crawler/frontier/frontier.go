// Package frontier is the contract between a crawler and the state it
// keeps: Store, with the frontier of URLs still to fetch (Entry), what is
// known of every URL from earlier runs (State), and the batches of outcomes
// committed at once (Batch). Package crawler/boltstore implements it on an
// embedded file, package crawler/redisstore on a Redis server shared by
// several processes.
package frontier

import (
	"context"
	"time"
)

// Store is the persistent state of one crawl job: the frontier of URLs still
// to fetch, the set of URLs already seen in the current run, per-host
// politeness reservations, and what was learned about every URL on earlier
// runs (validators and the hash of its clean text).
//
// The crawler talks to its state only through Store, so that one job can run
// on an embedded file (boltstore.Open, the default) or on a shared server
// (redisstore) where several crawler processes cooperate on one frontier.
// The contract is written for the distributed case:
//
//   - Frontier entries are claimed with a lease and then acknowledged (Ack),
//     released for a later attempt (Retry), or dropped (Ack with no output).
//     An entry whose lease expires without Ack or Retry (its process died)
//     becomes claimable again. Entries are delivered at least once; the
//     crawler makes delivery idempotent through URL state and stable file
//     names, so a redelivered entry never duplicates an article.
//   - Enqueue adds URLs to the seen set and to the frontier atomically and
//     only if absent: a URL enters the frontier at most once per run, however
//     many pages link to it and however many processes discover it.
//   - ReserveHost hands out start times for requests to one host, so that the
//     delay between two request starts holds within the process. HoldHost
//     pushes a host's next start back (429 Retry-After, 503, the end of a
//     response). A store shared by several processes also implements the
//     optional HostGate, which starts a request only when none is
//     in flight to the host in any process: the delay then holds between
//     request arrivals whatever each process's send jitter.
//   - URL state (State) survives runs; the frontier and the seen set belong
//     to one run. A run that finds a non-empty frontier resumes it; a run that
//     finds it empty starts afresh with NewRun.
//   - Commit applies the outcome of a batch of fetched entries in one atomic
//     step: URL states, acknowledgements, newly discovered URLs and the index
//     checkpoint. A crash between two commits loses at most the pages of one
//     uncommitted batch, and those are fetched again on resume.
//
// Implementations must be safe for concurrent use. Every method takes the
// context of the run; a cancelled context aborts the call.
type Store interface {
	// NewRun starts a new run: it empties the seen set and the frontier,
	// keeping URL states. The crawler calls it only when Pending reports an
	// empty frontier (the previous run finished) or when asked to restart.
	NewRun(ctx context.Context) error

	// Pending returns the number of entries in the frontier, claimed or not.
	Pending(ctx context.Context) (int, error)

	// Enqueue adds every entry whose URL is not yet in the seen set to the seen
	// set and to the frontier, within lim, and returns how many it added.
	// Entry.ID is assigned by the store and ignored on input.
	Enqueue(ctx context.Context, entries []Entry, lim Limits) (added int, err error)

	// Claim leases up to max frontier entries whose NotBefore has passed and
	// that no one else holds, in roughly first-in first-out order. The lease
	// lasts lease; an entry neither acknowledged nor retried by then may be
	// claimed again. Claim returns an empty slice, not an error, when nothing
	// is ready.
	Claim(ctx context.Context, max int, lease time.Duration) ([]Entry, error)

	// Release returns claimed entries to the frontier unchanged, for example
	// when the run stops before fetching them.
	Release(ctx context.Context, entries []Entry) error

	// Commit atomically applies a batch of outcomes; see Batch.
	Commit(ctx context.Context, b *Batch) error

	// ReserveHost reserves the next request start for host: it returns the
	// time at which the caller may start its request, and moves the host's
	// next free start to that time plus delay.
	ReserveHost(ctx context.Context, host string, delay time.Duration) (time.Time, error)

	// HoldHost makes sure no request to host starts before until.
	HoldHost(ctx context.Context, host string, until time.Time) error

	// State returns what is known about a canonical URL from earlier fetches;
	// ok is false when the URL was never fetched.
	State(ctx context.Context, url string) (st State, ok bool, err error)

	// Checkpoint returns the index offset recorded by the last Commit: the
	// length of the output index known to be reflected in URL states. The
	// crawler replays index lines after it on resume.
	Checkpoint(ctx context.Context) (int64, error)

	// Close releases the store. It does not lose committed data.
	Close() error
}

// EntryKind says how a fetched URL is read.
type EntryKind uint8

// Entry kinds.
const (
	// KindPage is an HTML page: followed for links, written when it is an article.
	KindPage EntryKind = iota
	// KindSitemap is an XML sitemap or sitemap index.
	KindSitemap
	// KindFeed is an RSS or Atom feed.
	KindFeed
	// KindRobots is never stored; it names robots.txt fetches in logs and metrics.
	KindRobots
)

// String returns the kind's name as used in job files and logs.
func (k EntryKind) String() string {
	switch k {
	case KindPage:
		return "page"
	case KindSitemap:
		return "sitemap"
	case KindFeed:
		return "feed"
	case KindRobots:
		return "robots"
	}
	return "unknown"
}

// Entry is one URL in the frontier.
type Entry struct {
	// ID identifies the entry inside its store (a sequence number, a stream
	// id); it is opaque to the crawler.
	ID string `json:"-"`
	// URL is the canonical URL to fetch.
	URL string `json:"u"`
	// Kind says how to read the response.
	Kind EntryKind `json:"k,omitempty"`
	// Depth is the number of links followed from a seed.
	Depth int `json:"d,omitempty"`
	// Article marks URLs listed by a sitemap or a feed: they are written
	// as articles even without article markup.
	Article bool `json:"a,omitempty"`
	// Attempts counts failed fetches so far in this run.
	Attempts int `json:"n,omitempty"`
	// NotBefore delays the next attempt (retry backoff, Retry-After).
	NotBefore time.Time `json:"t,omitzero"`
}

// State is what the store keeps about one canonical URL across runs.
type State struct {
	// FetchedAt is the time of the last full fetch (200); a 304 changes
	// nothing.
	FetchedAt time.Time `json:"fetched_at,omitzero"`
	// CheckedAt is the time of the last 304 that was recorded (with
	// Config.Recheck on, which needs it).
	CheckedAt time.Time `json:"checked_at,omitzero"`
	// Recheck is the article's current revisit interval (crawler.Config.Recheck):
	// doubled each time it is found unchanged, reset when it changes.
	Recheck time.Duration `json:"recheck,omitempty"`
	// Status is the HTTP status of the last fetch.
	Status int `json:"status,omitempty"`
	// ETag and LastModified are the validators sent back on the next run.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// Hash is the SHA-256 of the clean text last written, hex; empty when
	// the page was not written (a listing page).
	Hash string `json:"hash,omitempty"`
	// File is the output file name of the article, relative to the output dir.
	File string `json:"file,omitempty"`
	// Links are the in-scope URLs the page linked to, kept so that a 304
	// still feeds the frontier.
	Links []Link `json:"links,omitempty"`
	// Err is the last error, when the last fetch failed.
	Err string `json:"err,omitempty"`
}

// Link is an outgoing link remembered in State.
type Link struct {
	URL     string    `json:"u"`
	Kind    EntryKind `json:"k,omitempty"`
	Article bool      `json:"a,omitempty"`
	// SameDepth marks a link that does not count as a hop: a redirect or
	// rel=canonical target (the same page), or a URL listed by a sitemap or
	// a feed.
	SameDepth bool `json:"s,omitempty"`
}

// Limits cap the URLs admitted to the frontier in one run (the seen set);
// zero means no cap.
type Limits struct {
	// Pages caps the URLs in all (a job's max_pages): once the seen set
	// holds Pages URLs, nothing more is added.
	Pages int
	// PerHost caps the URLs of one host (urls.Host; a job's
	// max_pages_per_host): past it that host's URLs are left out and other
	// hosts' still added, so that a trap on one host (a calendar, a faceted
	// search making up URLs) cannot take a whole run's pages.
	PerHost int
	// Depth caps Entry.Depth (a job's max_depth): a deeper entry is left
	// out, only counted (LeftOut.Depth); 0 means no cap. The crawler hands
	// the store the links it found too deep so that they are counted once
	// each per run, over every worker.
	Depth int
}

// LeftOut counts the distinct URLs found in the current run that Limits
// kept out of the frontier: unvisited because the seen set held
// Limits.Pages URLs (Pages), or their host Limits.PerHost (PerHost), or
// found only deeper than Limits.Depth (Depth: a URL found later at an
// allowed depth and admitted is no longer counted). A store records at
// most MaxLeftOut such URLs; past that it stops counting (the figures are
// then "at least").
type LeftOut struct {
	Pages, PerHost, Depth int
}

// MaxLeftOut bounds the URLs a store records as left out in one run, so
// that a trap making up URLs costs a bounded state.
const MaxLeftOut = 100_000

// LeftOutCounter is implemented by stores that count what Limits left out
// (both stores of this module).
type LeftOutCounter interface {
	LeftOut(ctx context.Context) (LeftOut, error)
}

// Batch is a group of outcomes committed atomically by Store.Commit.
type Batch struct {
	// Done are claimed entries finished for this run (fetched, skipped or
	// failed for good): they leave the frontier.
	Done []Entry
	// Retry are claimed entries to be tried again: they go back to the
	// frontier with their Attempts and NotBefore as set by the caller.
	Retry []Entry
	// States are URL states to store, by canonical URL.
	States map[string]State
	// Enqueue are newly discovered URLs, added as by Store.Enqueue within
	// Limit.
	Enqueue []Entry
	Limit   Limits
	// Checkpoint, when positive, is the new index offset (see
	// Store.Checkpoint); zero leaves it unchanged.
	Checkpoint int64
}

// HostGate is implemented by a store shared by several processes
// (redisstore.Store). Starts reserved ahead of time (ReserveHost) are spaced
// on the store's clock, but the time from a start to the request's arrival
// at the server varies by milliseconds between processes, so a late sender
// followed by a punctual one makes the server see less than the delay. A
// gate starts a request only when no other request to the host is in flight
// in any process and the delay since the end of the last one has passed,
// so arrivals are the delay apart whatever that jitter.
type HostGate interface {
	// StartHost starts a request to host if fewer than limit are in flight
	// across all processes and the host's next start has passed; if not, it
	// reports when to ask again.
	StartHost(ctx context.Context, host string, delay time.Duration, limit int) (ok bool, retry time.Time, err error)
	// EndHost ends a request started by StartHost: no request to host
	// starts before until.
	EndHost(ctx context.Context, host string, until time.Time) error
}

// SharedStore is implemented by a store several processes share
// (redisstore.Store). Each worker writes its own index segment in the
// output dir, index-WORKER.jsonl, and the store keeps each worker's index
// checkpoint; an article file missing from the output dir may be another
// worker's, so it is not taken as removed by hand.
type SharedStore interface {
	// Shared reports whether other processes may use the store now.
	Shared() bool
	// Worker names this process among the store's users; stable across
	// restarts of the same worker.
	Worker() string
}

// Resetter is implemented by a store where NewRun leaves a run that other
// processes are going on with alone (redisstore.Store): Reset drops it
// whatever its state (winnow crawl --restart).
type Resetter interface {
	Reset(ctx context.Context) error
}

// Fencer is implemented by a store whose entries are leased to one process
// at a time and can pass to another when a lease lapses (redisstore.Store).
// Hold renews the leases on ids and returns those this process no longer
// holds. The committer asks just before it writes a batch and leaves the
// outcomes of lost entries out: a worker that stalled past its lease does
// not write an index line for a page that another worker now owns.
type Fencer interface {
	Hold(ctx context.Context, ids []string) (lost []string, err error)
	// Fresh reports, without a round trip, whether this process surely
	// still holds the lease on id; if not, it lets the entry go (its lease
	// lapses and another worker, or this one, claims it again). A worker
	// asks before it fetches: after a stall, it does not fetch pages that
	// another worker now has.
	Fresh(id string) bool
}

// RobotsShare is implemented by a store shared by several processes
// (redisstore.Store): one of them asks a host for robots.txt, and the
// others take its answer, so that N processes make one request per host
// per expiry. Answers are opaque bytes to the store.
type RobotsShare interface {
	// Robots returns host's answer if one was put and is current (mine
	// false, answer not nil; retryIn > 0 for an unreadable robots.txt to be
	// asked again after it). Otherwise it tries to take the turn to ask,
	// for up to hold: mine true (answer is the last one put, due or
	// expired, or nil), or both zero when another process has the turn.
	Robots(ctx context.Context, host string, hold time.Duration) (answer []byte, retryIn time.Duration, mine bool, err error)
	// PutRobots shares answer for host for ttl (to be asked again after
	// retryIn when retryIn > 0) and ends the turn.
	PutRobots(ctx context.Context, host string, answer []byte, retryIn, ttl time.Duration) error
}

// IsShared reports whether st is shared by several processes now.
func IsShared(st Store) bool {
	s, ok := st.(SharedStore)
	return ok && s.Shared()
}
