// Package netguard keeps HTTP clients away from addresses a fetched URL
// must not reach: loopback, private (RFC 1918, RFC 4193), link-local
// (169.254.169.254, the cloud metadata service), CGNAT, unspecified and
// multicast addresses. The check runs on the resolved IP at connect time,
// never on the name in the URL, so neither a redirect nor a link nor DNS
// rebinding (a name that resolves to a public address once and to
// 127.0.0.1 the next time) can lead a fetch there.
//
//	g := &netguard.Guard{}
//	g.Allow(netip.MustParseAddr("127.0.0.1")) // e.g. where a crawl's seeds are
//	d := &netguard.Dialer{Guard: g, Dialer: &net.Dialer{Timeout: 10 * time.Second}}
//	tr := &http.Transport{DialContext: d.DialContext}
//
// The standard library has the pieces (net.Dialer.Control, netip's
// classifiers) but no policy that puts them together; this package is that
// policy, kept small.
package netguard

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sync"
	"syscall"
)

// ErrBlocked is the error of a connection the guard refused.
var ErrBlocked = errors.New("address not allowed")

// Resolver looks up the addresses of a host name; *net.Resolver is one.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// Guard decides which IP addresses may be connected to. The zero value
// refuses every special address; a nil *Guard allows everything.
type Guard struct {
	// AllowPrivate allows every address (tests, intranet crawls).
	AllowPrivate bool
	// Resolver resolves names for AllowHosts; nil means net.DefaultResolver.
	Resolver Resolver

	mu      sync.RWMutex
	allowed map[netip.Addr]bool
}

// special ranges beyond netip's own classifiers.
var special = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),     // "this network"
	netip.MustParsePrefix("100.64.0.0/10"), // CGNAT shared address space
	netip.MustParsePrefix("192.0.0.0/24"),  // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"), // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),   // reserved, broadcast
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

// Special reports whether ip is an address a fetched URL must not reach
// unless allowed.
func Special(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return true
	}
	for _, p := range special {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// Allow allows the given addresses although they are special.
func (g *Guard) Allow(ips ...netip.Addr) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.allowed == nil {
		g.allowed = map[netip.Addr]bool{}
	}
	for _, ip := range ips {
		g.allowed[ip.Unmap()] = true
	}
}

// AllowHosts allows the addresses of the hosts of urls (an IP literal as
// it is, a name as it resolves now): a crawl may reach a private or
// loopback address where its own seeds are. A name that does not resolve
// is left out; fetching it fails later in the usual way.
func (g *Guard) AllowHosts(ctx context.Context, urls []string) error {
	if g == nil || g.AllowPrivate {
		return nil
	}
	r := g.Resolver
	if r == nil {
		r = net.DefaultResolver
	}
	for _, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil {
			continue
		}
		h := u.Hostname()
		if ip, err := netip.ParseAddr(h); err == nil {
			g.Allow(ip)
			continue
		}
		ips, err := r.LookupNetIP(ctx, "ip", h)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			continue
		}
		g.Allow(ips...)
	}
	return nil
}

// Check returns an error wrapping ErrBlocked when ip may not be reached.
func (g *Guard) Check(ip netip.Addr) error {
	if g == nil || g.AllowPrivate || !Special(ip) {
		return nil
	}
	g.mu.RLock()
	ok := g.allowed[ip.Unmap()]
	g.mu.RUnlock()
	if ok {
		return nil
	}
	return fmt.Errorf("%w: %s is a loopback, private, link-local, multicast or reserved address", ErrBlocked, ip)
}

// Control is a net.Dialer Control hook: it runs after the socket is made
// and before it connects, on the address actually dialled.
func (g *Guard) Control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %q is not an IP address", ErrBlocked, address)
	}
	return g.Check(ap.Addr())
}

// Dialer connects through a Guard: it resolves the name itself, checks
// every address, and dials a checked address literally, with the Guard's
// Control hook on the socket as well.
type Dialer struct {
	Guard *Guard
	// Dialer makes the connection; nil means a zero net.Dialer. Its Control
	// hook is replaced by the Guard's.
	Dialer *net.Dialer
	// Resolver resolves names; nil means the Guard's, or net.DefaultResolver.
	Resolver Resolver
	// Dial, when set, replaces the final dial of a checked "ip:port" (tests).
	Dial func(ctx context.Context, network, address string) (net.Conn, error)
}

// DialContext dials address ("host:port") on network if the guard allows
// one of its addresses.
func (d *Dialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		r := d.Resolver
		if r == nil && d.Guard != nil {
			r = d.Guard.Resolver
		}
		if r == nil {
			r = net.DefaultResolver
		}
		lookup := "ip"
		switch network {
		case "tcp4", "udp4":
			lookup = "ip4"
		case "tcp6", "udp6":
			lookup = "ip6"
		}
		if ips, err = r.LookupNetIP(ctx, lookup, host); err != nil {
			return nil, err
		}
	}
	dial := d.Dial
	if dial == nil {
		nd := net.Dialer{}
		if d.Dialer != nil {
			nd = *d.Dialer
		}
		nd.Control, nd.ControlContext = d.Guard.Control, nil
		dial = nd.DialContext
	}
	var first error
	for _, ip := range ips {
		if err := d.Guard.Check(ip); err != nil {
			first = cmp(first, fmt.Errorf("dial %s: %w", address, err))
			continue
		}
		c, err := dial(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return c, nil
		}
		first = cmp(first, err)
		if ctx.Err() != nil {
			break
		}
	}
	if first == nil {
		first = fmt.Errorf("dial %s: no address", address)
	}
	return nil, first
}

func cmp(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// EnvProxies returns the HTTP proxies the environment (HTTP_PROXY,
// HTTPS_PROXY, NO_PROXY) names for urls: a client connects to them, often on
// a private address, and they, not the guard, decide where they connect, so
// a crawl allows them (AllowHosts) beside its seeds.
func EnvProxies(urls []string) []string {
	var out []string
	for _, s := range urls {
		req, err := http.NewRequest(http.MethodGet, s, nil)
		if err != nil {
			continue
		}
		if p, err := http.ProxyFromEnvironment(req); err == nil && p != nil {
			out = append(out, p.String())
		}
	}
	return out
}
