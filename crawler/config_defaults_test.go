package crawler

import (
	"testing"
)

// TestWithDefaults pins what zero, negative and set values become.
func TestWithDefaults(t *testing.T) {
	base := Config{Name: "j", Seeds: []string{"https://example.org/news"}, Output: Output{OutputDir: "/out"}}
	d, err := base.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	zero := []struct {
		field     string
		got, want any
	}{
		{"UserAgent", d.UserAgent, DefaultUserAgent},
		{"Delay", d.Delay, DefaultDelay},
		{"Recheck", d.Recheck, DefaultRecheck},
		{"RecheckMax", d.RecheckMax, max(DefaultRecheckMax, DefaultRecheck)},
		{"HostParallelism", d.HostParallelism, 1},
		{"Workers", d.Workers, DefaultWorkers},
		{"MaxCrawlDelay", d.MaxCrawlDelay, DefaultMaxCrawlDelay},
		{"Timeout", d.Timeout, DefaultTimeout},
		{"MaxBodySize", d.MaxBodySize, int64(DefaultMaxBodySize)},
		{"MaxInFlightBytes", d.MaxInFlightBytes, int64(max(DefaultMaxInFlightBytes, DefaultMaxBodySize))},
		{"PageTimeout", d.PageTimeout, DefaultPageTimeout},
		{"MaxLinks", d.MaxLinks, DefaultMaxLinks},
		{"MaxFailedShare", d.MaxFailedShare, DefaultMaxFailedShare},
		{"MaxHostFailures", d.MaxHostFailures, DefaultMaxHostFailures},
		{"MaxPages", d.MaxPages, DefaultMaxPages},
		{"MaxDepth", d.Scope.MaxDepth, DefaultMaxDepth},
		{"Retries", d.Retries, DefaultRetries},
		{"RetryBase", d.RetryBase, DefaultRetryBase},
		{"MaxRetryAfter", d.MaxRetryAfter, DefaultMaxRetryAfter},
		{"Hosts", len(d.Scope.Hosts), 1},
	}
	for _, tc := range zero {
		if tc.got != tc.want {
			t.Errorf("zero %s = %v, want %v", tc.field, tc.got, tc.want)
		}
	}

	off := base
	off.Delay, off.Recheck, off.Retries, off.MaxFailedShare, off.MaxHostFailures = -1, -1, -1, 2, -1
	off.Workers, off.MaxBodySize, off.MaxInFlightBytes = 3, 100, 10
	d, err = off.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	if d.Delay != 0 || d.Recheck != 0 || d.Retries != 0 || d.MaxHostFailures != 0 {
		t.Errorf("negative Delay, Recheck, Retries, MaxHostFailures = %v, %v, %d, %d; want all off (0)", d.Delay, d.Recheck, d.Retries, d.MaxHostFailures)
	}
	if d.MaxFailedShare != DefaultMaxFailedShare || d.Workers != 3 || d.MaxBodySize != 100 || d.MaxInFlightBytes != 100 {
		t.Errorf("MaxFailedShare %v, Workers %d, MaxBodySize %d, MaxInFlightBytes %d; want %v, 3, 100, 100",
			d.MaxFailedShare, d.Workers, d.MaxBodySize, d.MaxInFlightBytes, DefaultMaxFailedShare)
	}

	for _, bad := range []Config{{Name: "j", Output: Output{OutputDir: "/o"}}, {Name: "j", Seeds: []string{"https://a.b/"}}, {Name: "j", Seeds: []string{"::"}, Output: Output{OutputDir: "/o"}}} {
		if _, err := bad.withDefaults(); err == nil {
			t.Errorf("withDefaults(%+v) = nil error, want one", bad)
		}
	}
}
