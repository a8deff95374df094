package netguard

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"testing"
)

// fakeResolver maps names to addresses without any DNS query.
type fakeResolver map[string][]netip.Addr

func (f fakeResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	if ips, ok := f[host]; ok {
		return ips, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

var addrs = fakeResolver{
	"metadata.test": {netip.MustParseAddr("169.254.169.254")},
	"intranet.test": {netip.MustParseAddr("10.0.0.1")},
	"mapped.test":   {netip.MustParseAddr("::ffff:10.0.0.1")},
	"loop.test":     {netip.MustParseAddr("127.0.0.1")},
	"v6loop.test":   {netip.MustParseAddr("::1")},
	"public.test":   {netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("93.184.216.34")}, // TEST-NET-1 is not special here: only reached through the fake dial
	"mixed.test":    {netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("93.184.216.34")},
}

// guardedDialer returns a Dialer whose final dial never touches the
// network: it fails the test when reached for a special address that the
// guard should have refused, and records the others.
func guardedDialer(t *testing.T, g *Guard, allowed map[netip.Addr]bool) (*Dialer, *[]string) {
	var dialed []string
	d := &Dialer{Guard: g, Resolver: addrs, Dial: func(_ context.Context, network, address string) (net.Conn, error) {
		ap := netip.MustParseAddrPort(address)
		if Special(ap.Addr()) && !allowed[ap.Addr().Unmap()] && !g.AllowPrivate {
			t.Fatalf("dial reached %s, which the guard must refuse", address)
		}
		dialed = append(dialed, address)
		c1, c2 := net.Pipe()
		c2.Close()
		return c1, nil
	}}
	return d, &dialed
}

func TestDialer(t *testing.T) {
	for _, c := range []struct {
		addr    string
		blocked bool
		dialed  string
	}{
		{"metadata.test:80", true, ""},
		{"intranet.test:443", true, ""},
		{"mapped.test:80", true, ""},
		{"loop.test:80", true, ""},
		{"v6loop.test:80", true, ""},
		{"169.254.169.254:80", true, ""},
		{"[::1]:80", true, ""},
		{"0.0.0.0:80", true, ""},
		{"224.0.0.1:80", true, ""},
		{"100.64.0.1:80", true, ""},
		{"public.test:80", false, "192.0.2.1:80"},
		{"mixed.test:80", false, "93.184.216.34:80"}, // the private answer is skipped, never dialled
	} {
		d, dialed := guardedDialer(t, &Guard{}, nil)
		conn, err := d.DialContext(t.Context(), "tcp", c.addr)
		if c.blocked {
			if !errors.Is(err, ErrBlocked) {
				t.Errorf("%s: err %v, want ErrBlocked", c.addr, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.addr, err)
			continue
		}
		conn.Close()
		if len(*dialed) != 1 || (*dialed)[0] != c.dialed {
			t.Errorf("%s: dialled %v, want %s", c.addr, *dialed, c.dialed)
		}
	}
}

func TestAllowHosts(t *testing.T) {
	g := &Guard{Resolver: addrs}
	if err := g.AllowHosts(t.Context(), []string{"http://127.0.0.1:8080/", "http://intranet.test/news", "http://nowhere.test/"}); err != nil {
		t.Fatal(err)
	}
	allowed := map[netip.Addr]bool{netip.MustParseAddr("127.0.0.1"): true, netip.MustParseAddr("10.0.0.1"): true}
	d, _ := guardedDialer(t, g, allowed)
	for addr, ok := range map[string]bool{
		"127.0.0.1:8080":     true, // a seed's address, any port
		"loop.test:80":       true,
		"intranet.test:443":  true,
		"127.0.0.2:80":       false, // loopback, but not where a seed is
		"metadata.test:80":   false,
		"169.254.169.254:80": false,
	} {
		conn, err := d.DialContext(t.Context(), "tcp", addr)
		if ok != (err == nil) {
			t.Errorf("%s: err %v, want allowed %v", addr, err, ok)
		}
		if conn != nil {
			conn.Close()
		}
	}
	// AllowPrivate allows everything (the dial hook knows it).
	d, _ = guardedDialer(t, &Guard{AllowPrivate: true}, nil)
	if conn, err := d.DialContext(t.Context(), "tcp", "metadata.test:80"); err != nil {
		t.Errorf("allow private: %v", err)
	} else {
		conn.Close()
	}
}

// TestControl checks the socket hook itself, which runs on the address
// actually connected to, whatever the name resolved to before.
func TestControl(t *testing.T) {
	g := &Guard{}
	g.Allow(netip.MustParseAddr("127.0.0.1"))
	for addr, ok := range map[string]bool{
		"127.0.0.1:80":          true,
		"[::ffff:127.0.0.1]:80": true,
		"127.0.0.2:80":          false,
		"10.0.0.1:80":           false,
		"169.254.169.254:80":    false,
		"[fe80::1]:80":          false,
		"[fc00::1]:80":          false,
		"93.184.216.34:80":      true,
		"not-an-ip:80":          false,
	} {
		if err := g.Control("tcp", addr, nil); ok != (err == nil) {
			t.Errorf("Control(%s) = %v, want allowed %v", addr, err, ok)
		}
	}
}

// TestRealDialLoopback dials for real, on 127.0.0.0/8 only: the Control hook
// refuses a loopback address that is not allowed before any packet leaves.
func TestRealDialLoopback(t *testing.T) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	g := &Guard{}
	d := &Dialer{Guard: g}
	if _, err := d.DialContext(t.Context(), "tcp", ln.Addr().String()); !errors.Is(err, ErrBlocked) {
		t.Fatalf("dial to a loopback address not allowed: %v, want ErrBlocked", err)
	}
	g.Allow(netip.MustParseAddr("127.0.0.1"))
	c, err := d.DialContext(t.Context(), "tcp", ln.Addr().String())
	if err != nil {
		t.Fatalf("dial to an allowed loopback address: %v", err)
	}
	c.Close()
}
