// Package loopback serves test sites on 127.0.0.1 for the crawler's and the
// command's tests. IPv4 on purpose: jobs and configs name their hosts by
// address, and the crawler's private-address guard is told to allow it.
package loopback

import (
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
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
