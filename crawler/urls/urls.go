// Package urls gives every page one URL (Canonical) and decides which URLs
// a crawl job may fetch (Scope).
package urls

import (
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"
)

// trackingParams are query parameters that identify a campaign or a click,
// never a page. Parameters starting with "utm_" are dropped as well.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "yclid": true, "mc_cid": true, "mc_eid": true, "igshid": true,
	"_ga": true, "_gl": true, "_hsenc": true, "_hsmi": true, "mkt_tok": true,
	"oly_anon_id": true, "oly_enc_id": true, "vero_id": true, "ref_src": true,
	// Session identifiers of server frameworks: one page gets a new URL per
	// visitor, and a crawl that keeps them fetches every page again and again.
	"phpsessid": true, "jsessionid": true, "cfid": true, "cftoken": true,
}

// MaxLength is the longest canonical URL a crawl takes, in bytes: RFC 9110
// 4.1 asks for at least 8,000 octets, and a longer link on a page (a
// hostile or broken one) would be a key bbolt refuses (32 KiB), failing the
// commit of the whole batch, and so the run, on every run.
const MaxLength = 8000

// sessionParam is a Java servlet session in a path segment ("/a;jsessionid=1F2E").
var sessionParam = regexp.MustCompile(`(?i);jsessionid=[^/?;]*`)

// Canonical returns the canonical form of an absolute http(s) URL, so that the
// frontier holds each page once: scheme and host lower-cased, default port,
// fragment, tracking parameters (utm_*, fbclid, gclid, ...) and session
// identifiers (PHPSESSID, ;jsessionid=...) dropped, dot
// segments resolved, an empty path made "/", and the remaining query
// parameters kept in their order, with spaces and non-ASCII bytes
// percent-encoded. The order is kept because the canonical URL is the one
// fetched and matched against robots.txt, which matches the query as
// written: sorted, "/search?q=x&b=1" became "/search?b=1&q=x" and escaped
// "Disallow: /search?q=".
func Canonical(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonical url %q: %w", raw, err)
	}
	return canonicalURL(u)
}

// Host returns the host[:port] of a canonical URL.
func Host(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Host
}

func canonicalURL(u *url.URL) (string, error) {
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("canonical url %q: scheme %q is not http or https", u.Redacted(), u.Scheme)
	}
	if u.Hostname() == "" { // "http://:8080/" has a port but no host
		return "", fmt.Errorf("canonical url %q: no host", u.Redacted())
	}
	c := *u
	c.User = nil
	c.Fragment, c.RawFragment = "", ""
	c.Host = strings.ToLower(c.Host)
	if p := c.Port(); (c.Scheme == "http" && p == "80") || (c.Scheme == "https" && p == "443") {
		c.Host = strings.TrimSuffix(c.Host, ":"+p)
	}
	if strings.Contains(c.Path, ";") {
		if p := sessionParam.ReplaceAllString(c.Path, ""); p != c.Path {
			c.Path, c.RawPath = p, ""
		}
	}
	if c.Path == "" {
		c.Path, c.RawPath = "/", ""
	} else if strings.Contains(c.Path, "/.") {
		trailing := strings.HasSuffix(c.Path, "/")
		c.Path = path.Clean(c.Path)
		if trailing && c.Path != "/" {
			c.Path += "/"
		}
		c.RawPath = ""
	}
	if c.RawQuery != "" {
		c.RawQuery = canonicalQuery(c.RawQuery)
	}
	c.ForceQuery = false
	cu := c.String()
	if len(cu) > MaxLength {
		return "", fmt.Errorf("canonical url %.64q...: %d bytes, longer than %d", cu, len(cu), MaxLength)
	}
	return cu, nil
}

func canonicalQuery(raw string) string {
	parts := strings.Split(raw, "&")
	kept := parts[:0]
	for _, p := range parts {
		if p == "" {
			continue
		}
		name, _, _ := strings.Cut(p, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		name = strings.ToLower(name)
		if strings.HasPrefix(name, "utm_") || trackingParams[name] {
			continue
		}
		kept = append(kept, queryEscape(p))
	}
	return strings.Join(kept, "&")
}

// queryEscape percent-encodes the spaces and non-ASCII bytes that url.Parse
// leaves raw in a query, as a browser sends them. A raw space could end the
// canonical URL, which Canonical, trimming its input, would then change.
func queryEscape(p string) string {
	i := strings.IndexFunc(p, func(r rune) bool { return r == ' ' || r >= utf8.RuneSelf })
	if i < 0 {
		return p
	}
	var b strings.Builder
	b.WriteString(p[:i])
	for ; i < len(p); i++ {
		if c := p[i]; c == ' ' || c >= utf8.RuneSelf {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Scope decides which URLs a job may fetch.
type Scope struct {
	// Hosts are the allowed hosts, with port when not the default
	// ("example.com", "127.0.0.1:8080"); "*.example.com" allows every
	// subdomain and example.com itself. Empty allows the seeds' hosts.
	Hosts []string
	// Include, when not empty, admits only URLs matching one of them.
	Include []*regexp.Regexp
	// Exclude rejects URLs matching any of them.
	Exclude []*regexp.Regexp
	// MaxDepth caps the hops from a seed (links, redirects, rel=canonical
	// targets, feeds named by a page, sitemaps named by a sitemap index);
	// 0 means no limit (crawler.Config makes it crawler.DefaultMaxDepth).
	MaxDepth int
}

// allows reports whether the canonical URL u is in scope at depth.
func (s *Scope) allows(u *url.URL, raw string, depth int) bool {
	if s.MaxDepth > 0 && depth > s.MaxDepth {
		return false
	}
	if !s.allowsHost(u.Host) {
		return false
	}
	for _, re := range s.Exclude {
		if re.MatchString(raw) {
			return false
		}
	}
	if len(s.Include) == 0 {
		return true
	}
	for _, re := range s.Include {
		if re.MatchString(raw) {
			return true
		}
	}
	return false
}

func (s *Scope) allowsHost(host string) bool {
	for _, h := range s.Hosts {
		if h == host {
			return true
		}
		if base, ok := strings.CutPrefix(h, "*."); ok && (host == base || strings.HasSuffix(host, "."+base)) {
			return true
		}
	}
	return false
}

// Resolve resolves ref against from, canonicalises it and returns it when
// the scope admits it at depth; otherwise "".
func (s *Scope) Resolve(from, ref string, depth int) string {
	base, err := url.Parse(from)
	if err != nil {
		return ""
	}
	u, err := base.Parse(strings.TrimSpace(ref))
	if err != nil {
		return ""
	}
	cu, err := canonicalURL(u)
	if err != nil || !s.Admits(cu, depth) {
		return ""
	}
	return cu
}

// Admits reports whether the scope admits the canonical URL u at depth.
// A crawler asks it when a URL is found, when remembered links feed the
// frontier again, and when an entry is claimed, so that a narrowed scope
// holds for a resumed frontier too.
func (s *Scope) Admits(u string, depth int) bool {
	if len(u) > MaxLength {
		return false // remembered by an older version, or another store
	}
	p, err := url.Parse(u)
	if err != nil || !s.allows(p, u, depth) {
		return false
	}
	lower := strings.ToLower(p.Path)
	if ext := filepath.Ext(lower); skipExt[ext] || ext == ".gz" && !strings.HasSuffix(lower, ".xml.gz") {
		return false // a gzip file is read only as a sitemap or feed (.xml.gz)
	}
	return true
}

// skipExt are extensions never worth a request for article text.
var skipExt = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true, ".ico": true,
	".css": true, ".js": true, ".pdf": true, ".zip": true, ".mp3": true, ".mp4": true,
	".woff": true, ".woff2": true, ".avi": true, ".mov": true, ".exe": true, ".dmg": true,
	".tgz": true, ".bz2": true, ".xz": true, ".rar": true, ".7z": true,
}
