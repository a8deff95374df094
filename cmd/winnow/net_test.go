package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

// listenLocal is a listener on a free port of 127.0.0.1 (IPv4: the jobs
// name their hosts by address).
func listenLocal(tb testing.TB) net.Listener {
	tb.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	return ln
}

// serveOn serves h on ln until the test ends.
func serveOn(tb testing.TB, ln net.Listener, h http.Handler) *httptest.Server {
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: h}}
	srv.Start()
	tb.Cleanup(srv.Close)
	return srv
}

// deadAddr is the host:port of a closed port of 127.0.0.1: a connection to
// it is refused.
func deadAddr(tb testing.TB) string {
	ln := listenLocal(tb)
	addr := ln.Addr().String()
	ln.Close()
	return addr
}
