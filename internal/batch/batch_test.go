package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/internal/warcin/warctest"
)

const pageHTML = `<html><head><title>Ferry fares cut</title></head><body><article><p>Ferry fares across the harbour will fall by a fifth from next Monday, the transport authority said, in a move to ease winter crowding.</p></article></body></html>`

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBatch_WARCStops: a batch reading a long WARC file stops without
// hanging when cancelled, or when the output breaks, after its first page;
// every input left gets an outcome when cancelled.
func TestBatch_WARCStops(t *testing.T) {
	var recs []warctest.Record
	for i := range 300 {
		recs = append(recs, warctest.Response(fmt.Sprintf("https://example.com/%d", i), "Content-Type: text/html\r\n", pageHTML))
	}
	data, _ := warctest.File(true, recs...)
	dir := t.TempDir()
	name := filepath.Join(dir, "long.warc.gz")
	writeFile(t, name, data)
	after := filepath.Join(dir, "after.html")
	writeFile(t, after, []byte(pageHTML))
	c, err := clean.New(clean.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, broken := range []bool{false, true} {
		ctx, cancel := context.WithCancel(context.Background())
		b := &Batch{Cleaner: c, Workers: 2, MaxBytes: clean.DefaultMaxBytes}
		var got []Outcome
		done := make(chan error, 1)
		go func() {
			done <- b.Run(ctx, []Input{{Source: name}, {Source: after}}, func(o Outcome) error {
				got = append(got, o)
				if broken {
					return errors.New("broken pipe")
				}
				cancel()
				return nil
			})
		}()
		select {
		case err := <-done:
			if broken && (err == nil || !strings.Contains(err.Error(), "broken pipe")) {
				t.Errorf("broken output: err = %v", err)
			}
			if !broken {
				if !errors.Is(err, context.Canceled) {
					t.Errorf("cancelled: err = %v", err)
				}
				if last := got[len(got)-1]; last.Source != after || !errors.Is(last.Err, context.Canceled) {
					t.Errorf("cancelled: last outcome %q %v, want the input left, cancelled", last.Source, last.Err)
				}
				if len(got) > 1+window {
					t.Errorf("cancelled: %d outcomes", len(got))
				}
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("broken=%v: the batch hangs", broken)
		}
		cancel()
	}
}
