package loopback

import (
	"io"
	"net"
	"net/http"
	"testing"
)

func TestServeAndFreeAddr(t *testing.T) {
	srv := Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }))
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "ok" {
		t.Errorf("GET %s = %q, want ok", srv.URL, body)
	}
	if host, _, _ := net.SplitHostPort(srv.Listener.Addr().String()); host != "127.0.0.1" {
		t.Errorf("served on %s, want 127.0.0.1", host)
	}
	if c, err := net.Dial("tcp4", FreeAddr(t)); err == nil {
		c.Close()
		t.Error("FreeAddr accepted a connection")
	}
}
