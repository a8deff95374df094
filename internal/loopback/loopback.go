// Package loopback serves test sites on 127.0.0.1 for the crawler's and the
// command's tests. IPv4 on purpose: jobs and configs name their hosts by
// address, and the crawler's private-address guard is told to allow it.
package loopback

import (
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// Listen returns a listener on a free port of 127.0.0.1.
func Listen(tb testing.TB) net.Listener {
	tb.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	return ln
}

// ServeOn serves h on ln until the test ends.
func ServeOn(tb testing.TB, ln net.Listener, h http.Handler) *httptest.Server {
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: h}}
	srv.Start()
	tb.Cleanup(srv.Close)
	return srv
}

// Serve serves h on a free port of 127.0.0.1 until the test ends.
func Serve(tb testing.TB, h http.Handler) *httptest.Server {
	tb.Helper()
	return ServeOn(tb, Listen(tb), h)
}

// FreeAddr is the host:port of a free port of 127.0.0.1, closed: a
// connection to it is refused until something listens there.
func FreeAddr(tb testing.TB) string {
	tb.Helper()
	ln := Listen(tb)
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// Stream is a handler that sends size bytes of repeated chunk under
// contentType, and counts what the connection took: a test tells a client
// that hangs up after the headers from one that reads the body.
type Stream struct {
	ContentType string
	Chunk       []byte
	Size        int64
	// Written is the number of bytes written; Done receives once per
	// request, when the handler has returned.
	Written atomic.Int64
	Done    chan struct{}
}

// NewStream returns a Stream of size bytes of chunk.
func NewStream(contentType string, chunk []byte, size int64) *Stream {
	return &Stream{ContentType: contentType, Chunk: chunk, Size: size, Done: make(chan struct{}, 8)}
}

// ServeHTTP writes the stream until Size or until the client hangs up.
func (s *Stream) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() { s.Done <- struct{}{} }()
	w.Header().Set("Content-Type", s.ContentType)
	for s.Written.Load() < s.Size {
		n, err := w.Write(s.Chunk)
		s.Written.Add(int64(n))
		if err != nil {
			return
		}
	}
}

// Wait waits for a request to end, up to d, and reports whether it did.
func (s *Stream) Wait(d time.Duration) bool {
	select {
	case <-s.Done:
		return true
	case <-time.After(d):
		return false
	}
}
