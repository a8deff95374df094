package schedule

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics are the Prometheus metrics of a Server, labelled by job.
type metrics struct {
	fetchErrors *prometheus.CounterVec
	robots      *prometheus.CounterVec
	queue       *prometheus.GaugeVec
	fetched     *prometheus.CounterVec
	cleaned     *prometheus.CounterVec
	pages       *prometheus.CounterVec
	bytes       *prometheus.CounterVec
	fetch       *prometheus.HistogramVec
	runs        *prometheus.CounterVec
	runDuration *prometheus.HistogramVec
	lastSuccess *prometheus.GaugeVec
	running     *prometheus.GaugeVec
}

func newMetrics(reg *prometheus.Registry) *metrics {
	m := &metrics{
		fetchErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_fetch_errors_total",
			Help: "Failed and retried fetches by reason: timeout, network, http_4xx, http_5xx, too_large, not_html, robots_unavailable, blocked_address, page_timeout, other."}, []string{"job", "reason"}),
		robots: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_robots_blocked_total",
			Help: "URLs not fetched because robots.txt disallows them."}, []string{"job"}),
		queue: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "winnow_queue_length",
			Help: "Frontier entries not yet done in the running crawl (approximate)."}, []string{"job"}),
		fetched: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_pages_fetched_total",
			Help: "Responses received (any status), robots.txt excluded."}, []string{"job"}),
		cleaned: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_pages_cleaned_total",
			Help: "Article pages cleaned, whether their text was new, changed or unchanged."}, []string{"job"}),
		pages: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_pages_total",
			Help: "Fetch outcomes: written (cleaned, new or changed), unchanged, followed, skipped, retry, failed, spam (a page judged spam from top to bottom: not written)."}, []string{"job", "outcome"}),
		bytes: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_fetched_bytes_total",
			Help: "Response body bytes received."}, []string{"job"}),
		fetch: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "winnow_fetch_duration_seconds",
			Help: "Request durations.", Buckets: prometheus.ExponentialBuckets(0.01, 2.5, 10)}, []string{"job"}),
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "winnow_runs_total",
			Help: "Runs by result: ok, interrupted, failed, skipped (previous run still going)."}, []string{"job", "result"}),
		runDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "winnow_run_duration_seconds",
			Help: "Run durations.", Buckets: prometheus.ExponentialBuckets(1, 3, 10)}, []string{"job"}),
		lastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "winnow_last_success_timestamp_seconds",
			Help: "Unix time of the end of the last successful run."}, []string{"job"}),
		running: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "winnow_run_in_progress",
			Help: "1 while a run of the job is going."}, []string{"job"}),
	}
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	reg.MustRegister(m.fetchErrors, m.robots, m.queue, m.fetched, m.cleaned, m.pages, m.bytes, m.fetch, m.runs, m.runDuration, m.lastSuccess, m.running)
	return m
}
