package main

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/winnowhq/winnow/crawler/schedule"
	"github.com/winnowhq/winnow/internal/loopback"
)

// TestServe_IdleConnections: 2,000 idle connections held open against
// `winnow serve`, in a process allowed 512 file descriptors, do not stop the
// crawl it runs (issue 17: idle keep-alive connections were never closed,
// used up the descriptors, and the crawl in the process died). All on
// 127.0.0.1.
func TestServe_IdleConnections(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a process and opens 2,000 connections")
	}
	const articles, idle = 20, 2000
	gate := make(chan struct{})
	addr, _ := newsSiteN(t, gate, articles, 0)
	dir := t.TempDir()
	writeMinimalJob(t, dir, addr, "schedule: \"@every 1h\"\npoliteness: {delay: 10ms}\n")
	serveAddr := loopback.FreeAddr(t)
	cmd := mainCmd([]string{"serve", "--jobs", dir, "--addr", serveAddr, "--run-now"}, "WINNOW_NOFILE=512")
	var stderr lockedBuffer // written by exec's copying goroutine
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		c, err := net.Dial("tcp4", serveAddr)
		if err == nil {
			conns = append(conns, c)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve not listening: %v\n%s", err, stderr.String())
		}
	}
	for len(conns) < idle {
		c, err := net.DialTimeout("tcp4", serveAddr, 3*time.Second)
		if err != nil && len(conns) > schedule.MaxConns {
			// The kernel's accept backlog is full (net.core.somaxconn below
			// 2,000 here): serve holds its connections, the rest wait.
			t.Logf("%d connections open; the next: %v", len(conns), err)
			break
		}
		if err != nil {
			t.Fatalf("connection %d: %v", len(conns), err)
		}
		conns = append(conns, c)
	}
	close(gate) // the crawl, started at once (--run-now), may go on now
	index := filepath.Join(dir, "out", "index.jsonl")
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		b, _ := os.ReadFile(index)
		if n := bytes.Count(b, []byte("\n")); n == articles {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("%d of %d articles written with %d idle connections open\n%s", n, articles, len(conns), tailString(stderr.String(), 3000))
		}
	}
	if s := stderr.String(); strings.Contains(s, "too many open files") || strings.Contains(s, "run failed") {
		t.Errorf("serve ran out of descriptors:\n%s", tailString(s, 3000))
	}
	// serve itself lives on: once the idle connections go, /healthz answers
	// with the run's success.
	for _, c := range conns {
		c.Close()
	}
	conns = nil
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		c, err := net.DialTimeout("tcp4", serveAddr, time.Second)
		if err == nil {
			c.SetDeadline(time.Now().Add(2 * time.Second))
			fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
			var b bytes.Buffer
			b.ReadFrom(c)
			c.Close()
			if strings.Contains(b.String(), `"last_success"`) {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz never reported the run's success\n%s", tailString(stderr.String(), 3000))
		}
	}
}

func tailString(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
