// Package robots reads robots.txt files and matches paths against them as
// RFC 9309 says: the group of the crawler's product token (or "*"), the
// longest matching rule wins, Allow wins a tie, "*" and "$" in patterns, and
// percent-encoding normalised on both sides before comparing.
//
// Written by hand because the Go libraries at hand match differently:
// github.com/temoto/robotstxt (used before) compares the raw bytes, so
// "Disallow: /private/" did not block "/%70rivate/x" and a non-ASCII rule
// never matched its percent-encoded URL; Google's parser (ported to Go as
// grobotstxt) escapes non-ASCII but does not decode unreserved characters.
package robots

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// MaxBytes is how much of a robots.txt is read: RFC 9309 §2.5 asks crawlers
// to parse at least 500 KiB; the rest is ignored.
const MaxBytes = 500 << 10

// MaxRedirects is the number of redirects followed to fetch a robots.txt
// (RFC 9309 §2.3.1.2: at least five).
const MaxRedirects = 5

// Rule is one Allow or Disallow line, its pattern normalised.
type Rule struct {
	Allow   bool
	Pattern string
}

// Rules is what a robots.txt says to one crawler.
type Rules struct {
	// rules of the groups that apply; nil allows everything.
	rules []Rule
	// idx is rules compiled for matching.
	idx *index
	// all disallows every path (an unreachable or failing robots.txt).
	all bool
	// CrawlDelay is the group's Crawl-delay (not part of RFC 9309, widely
	// used); zero when none.
	CrawlDelay time.Duration
	// Sitemaps are the URLs of Sitemap lines (global, whatever the group).
	Sitemaps []string
}

// AllowAll allows every path: a robots.txt answered with a 4xx (RFC 9309
// §2.3.1.3).
func AllowAll() *Rules { return &Rules{} }

// DisallowAll disallows every path: a robots.txt that could not be read
// (RFC 9309 §2.3.1.4: a 5xx or an unreachable server; and 429, see
// Unavailable).
func DisallowAll() *Rules { return &Rules{all: true} }

// Unavailable reports whether a robots.txt response status means the file
// could not be read, so that the host is disallowed for now and robots.txt
// asked again later: no response (0), a 5xx (RFC 9309 §2.3.1.4), or 429
// Too Many Requests. RFC 9309 §2.3.1.3 lets a crawler access any resource
// after a 4xx "Unavailable" status, but a 429 says the server is
// overloaded, not that the file is absent: taking it for "no rules" would
// crawl the whole site at the moment the site asks for less. Google's
// crawler treats 429 like a 5xx for robots.txt; so does winnow.
func Unavailable(status int) bool {
	return status == 0 || status >= 500 || status == http.StatusTooManyRequests
}

// FromResponse reads a robots.txt response: 2xx is parsed, other 4xx allow
// everything, and Unavailable statuses (5xx, 429, 0 for no response)
// disallow everything. Other statuses (a redirect not followed) allow
// everything.
func FromResponse(status int, body []byte, agent string) *Rules {
	switch {
	case Unavailable(status):
		return DisallowAll()
	case status >= 200 && status < 300:
		return Parse(body, agent)
	}
	return AllowAll()
}

// Parse reads a robots.txt body for the crawler whose product token is agent.
func Parse(body []byte, agent string) *Rules {
	if len(body) > MaxBytes {
		body = body[:MaxBytes]
	}
	// A byte order mark would make the first key "\ufeffuser-agent",
	// dropping the first group's agent line.
	body = bytes.TrimPrefix(body, []byte("\ufeff"))
	var (
		groups   []*group
		cur      *group
		inAgents bool // the last line was a user-agent line
		r        = &Rules{}
	)
	for len(body) > 0 {
		var line []byte
		if i := bytes.IndexAny(body, "\r\n"); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			line, body = body, nil
		}
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		k, v, ok := bytes.Cut(line, []byte{':'})
		if !ok {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(string(k)))
		val := strings.TrimSpace(string(v))
		switch key {
		case "user-agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			inAgents = true
			// The product token is the part before any "/" or space.
			tok, _, _ := strings.Cut(val, "/")
			tok, _, _ = strings.Cut(tok, " ")
			cur.agents = append(cur.agents, strings.ToLower(tok))
		case "allow", "disallow":
			inAgents = false
			if cur == nil || val == "" { // an empty pattern matches nothing
				continue
			}
			cur.rules = append(cur.rules, Rule{Allow: key == "allow", Pattern: Normalize(val)})
		case "crawl-delay":
			inAgents = false
			if cur == nil {
				continue
			}
			if f, err := strconv.ParseFloat(val, 64); err == nil && f >= 0 {
				d := time.Duration(f * float64(time.Second))
				if f*float64(time.Second) > float64(1<<62) {
					d = 1 << 62
				}
				cur.delay, cur.hasDly = d, true
			}
		case "sitemap":
			if val != "" {
				r.Sitemaps = append(r.Sitemaps, val)
			}
		default:
			// Other records (Host, Clean-param...) neither end a group nor
			// start one.
		}
	}
	r.pick(groups, strings.ToLower(agent))
	if len(r.rules) > 0 {
		r.idx = newIndex(r.rules)
	}
	return r
}

// group is one group of a robots.txt: its user-agent lines and rules.
type group struct {
	agents []string
	rules  []Rule
	delay  time.Duration
	hasDly bool
}

// pick takes the rules (and Crawl-delay) of the groups naming agent, all of
// them merged (RFC 9309 §2.2.1); else those of "*".
func (r *Rules) pick(groups []*group, agent string) {
	take := func(name string) bool {
		found := false
		for _, g := range groups {
			for _, a := range g.agents {
				if a == name {
					found = true
					r.rules = append(r.rules, g.rules...)
					if g.hasDly {
						r.CrawlDelay = g.delay
					}
					break
				}
			}
		}
		return found
	}
	if agent == "" || !take(agent) {
		take("*")
	}
}

// Allowed reports whether the crawler may fetch path, the path and query of
// a URL exactly as it will be requested ("/a/b?q=1"). /robots.txt itself is
// always allowed.
func (r *Rules) Allowed(path string) bool {
	if r == nil {
		return true
	}
	if r.all {
		return false
	}
	if len(r.rules) == 0 {
		return true
	}
	if path == "" {
		path = "/"
	}
	p := Normalize(path)
	if p == "/robots.txt" {
		return true
	}
	return r.idx.allowed(p)
}

// Match reports whether a normalised pattern matches a normalised path from
// its start: "*" matches any run of characters, a final "$" the end.
//
// The pieces between stars are found greedily, each at its first place
// after the one before: with "*" the only wildcard, a piece found further
// on leaves less room and never more choices, so the first place is right.
// That is one pass over the path per piece found, whatever the pattern:
// a robots.txt of 500 KiB of stars, matched against a long path, costs a
// scan, not the pattern's length times the path's (nearly a second per URL,
// in the dispatcher that every host waits on).
func Match(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	first, rest, starred := strings.Cut(pattern, "*")
	if !strings.HasPrefix(path, first) {
		return false
	}
	if !starred {
		return !anchored || len(path) == len(first)
	}
	path = path[len(first):]
	for {
		piece, more, ok := strings.Cut(rest, "*")
		if !ok { // the last piece
			if anchored {
				return strings.HasSuffix(path, piece)
			}
			return strings.Contains(path, piece)
		}
		if piece != "" {
			i := strings.Index(path, piece)
			if i < 0 {
				return false
			}
			path = path[i+len(piece):]
		}
		rest = more
	}
}

// Normalize puts a path or a pattern in the form RFC 9309 §2.2.2 compares:
// percent-encoded unreserved characters decoded, other percent-encodings in
// upper case, and bytes outside printable ASCII percent-encoded as UTF-8.
// "*" and "$" are left alone (a literal one is written %2A or %24).
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			v := unhex(s[i+1])<<4 | unhex(s[i+2])
			if unreserved(v) {
				b.WriteByte(v)
			} else {
				b.WriteByte('%')
				b.WriteByte(upperHex[v>>4])
				b.WriteByte(upperHex[v&15])
			}
			i += 2
		case c <= ' ' || c >= 0x7f:
			b.WriteByte('%')
			b.WriteByte(upperHex[c>>4])
			b.WriteByte(upperHex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

const upperHex = "0123456789ABCDEF"

func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
