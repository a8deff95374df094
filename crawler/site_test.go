package crawler_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/internal/loopback"
)

// site is a generated news site served on 127.0.0.1, logging every request.
type site struct {
	served
	sections int
	perSec   int
	// robots is served at /robots.txt.
	robots string
	// plain leaves out the special pages and the amp twins (benchmarks).
	plain bool

	mu      sync.Mutex
	log     []hit
	counts  map[string]int
	version map[string]int // article path → content version
}

// hit is one request as the server saw it.
type hit struct {
	at          time.Time
	path        string // with query
	ifNoneMatch string
	userAgent   string
	status      int
}

// hugeBody is 5 MiB of HTML, built once.
var hugeBody = "<html><body><article><p>" + strings.Repeat("huge ", 1<<20) + "</p></article></body></html>"

// noise is what scraped news carries around an article (see the seeds).
var noise = []string{
	"tk88 bet", "See more", "🉐 Related headline about the summit", "photo.webp", "{tk88 bet}|{tk88 bet}",
}

func newSite(t testing.TB, sections, perSec int, robots string) *site {
	s := &site{sections: sections, perSec: perSec, robots: robots, counts: map[string]int{}, version: map[string]int{}}
	s.srv = loopback.Serve(t, s)
	return s
}

// served is a test site's server, and the URLs and host it answers on.
type served struct {
	srv *httptest.Server
}

func (s served) url(p string) string { return s.srv.URL + p }
func (s served) host() string        { return strings.TrimPrefix(s.srv.URL, "http://") }

// hits returns a copy of the request log.
func (s *site) hits() []hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]hit(nil), s.log...)
}

func (s *site) count(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[p]
}

func (s *site) bump(p string) {
	s.mu.Lock()
	s.version[p]++
	s.mu.Unlock()
}

// articles lists every article path the crawl must write.
func (s *site) articles() []string {
	var out []string
	for i := range s.sections {
		for j := range s.perSec {
			out = append(out, fmt.Sprintf("/news/%d-%d", i, j))
		}
	}
	for i := range 5 {
		out = append(out, fmt.Sprintf("/sitemap-only/%d", i), fmt.Sprintf("/feed-only/%d", i))
	}
	return append(out, "/flaky", "/busy", "/latin1", "/wrong-charset", "/chunked-small")
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w, status: 200}
	h := hit{at: time.Now(), path: r.URL.RequestURI(), ifNoneMatch: r.Header.Get("If-None-Match"), userAgent: r.UserAgent()}
	s.mu.Lock()
	s.counts[r.URL.Path]++
	n := s.counts[r.URL.Path]
	s.mu.Unlock()
	s.serve(sw, r, n)
	h.status = sw.status
	s.mu.Lock()
	s.log = append(s.log, h)
	s.mu.Unlock()
}

func (s *site) serve(w http.ResponseWriter, r *http.Request, n int) {
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, s.robots)
	case p == "/":
		var b strings.Builder
		b.WriteString(`<html><head><title>Home</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><nav>`)
		for i := range s.sections {
			fmt.Fprintf(&b, `<a href="/section/%d">Section %d</a> `, i, i)
		}
		if s.plain {
			s.html(w, r, b.String()+"</nav></body></html>")
			return
		}
		b.WriteString(`<a href="/private/admin">admin</a> <a href="/loop/a">loop</a> <a href="/slow">slow</a>
<a href="/huge">huge</a> <a href="/huge-chunked">huge2</a> <a href="/files/report">report</a> <a href="/img/logo">logo</a>
<a href="/flaky">flaky</a> <a href="/busy">busy</a> <a href="/latin1">latin1</a> <a href="/wrong-charset">wrong</a>
<a href="/chunked-small">chunked</a> <a href="/gone">gone</a> <a href="/moved">moved</a> <a href="mailto:x@example.com">mail</a>
<a href="http://example.invalid/offsite">offsite</a></nav></body></html>`)
		s.html(w, r, b.String())
	case strings.HasPrefix(p, "/section/"):
		i, _ := strconv.Atoi(strings.TrimPrefix(p, "/section/"))
		var b strings.Builder
		fmt.Fprintf(&b, `<html><head><title>Section %d</title></head><body>`, i)
		for j := range s.perSec {
			// Tracking parameters and fragments must not make a page twice.
			fmt.Fprintf(&b, `<article><h2><a href="/news/%d-%d?utm_source=home&utm_medium=web#top">Story %d-%d</a></h2></article>`, i, j, i, j)
			fmt.Fprintf(&b, `<a href="/news/%d-%d">again</a>`, i, j)
		}
		fmt.Fprintf(&b, `<a href="/private/section-%d">private</a></body></html>`, i)
		s.html(w, r, b.String())
	case strings.HasPrefix(p, "/news/"), strings.HasPrefix(p, "/sitemap-only/"), strings.HasPrefix(p, "/feed-only/"):
		s.article(w, r, p, r.URL.Query().Get("amp") == "1")
	case p == "/sitemap.xml":
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, s.sitemap("http://"+r.Host))
	case p == "/sitemap.xml.gz": // a gzip file, as news sitemaps often are
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(gzipped(s.sitemap("http://" + r.Host)))
	case p == "/plain-sitemap.xml.gz": // named .gz, served decompressed
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, s.sitemap("http://"+r.Host))
	case p == "/encoded-sitemap.xml": // a gzip Content-Encoding (net/http asks for it and decodes it)
		w.Header().Set("Content-Type", "application/xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipped(s.sitemap("http://" + r.Host)))
	case p == "/double-sitemap.xml.gz": // a gzip file sent with a gzip Content-Encoding on top
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipped(string(gzipped(s.sitemap("http://" + r.Host)))))
	case p == "/corrupt-sitemap.xml.gz":
		w.Header().Set("Content-Type", "application/x-gzip")
		fmt.Fprint(w, "\x1f\x8b not really gzip")
	case p == "/bomb-sitemap.xml.gz": // 64 MiB once decompressed
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(gzipBomb())
	case p == "/feed.xml":
		w.Header().Set("Content-Type", "application/rss+xml")
		b := `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>`
		for i := range 5 {
			b += fmt.Sprintf(`<item><title>F%d</title><link>%s/feed-only/%d</link></item>`, i, "http://"+r.Host, i)
		}
		fmt.Fprint(w, b+`</channel></rss>`)
	case p == "/flaky":
		if n <= 2 {
			http.Error(w, "try later", http.StatusInternalServerError)
			return
		}
		s.article(w, r, p, false)
	case p == "/busy":
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		s.article(w, r, p, false)
	case p == "/slow":
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
			return
		}
		s.article(w, r, p, false)
	case p == "/moved":
		http.Redirect(w, r, "http://example.invalid/moved", http.StatusMovedPermanently)
	case p == "/loop/a":
		http.Redirect(w, r, "/loop/b", http.StatusFound)
	case p == "/loop/b":
		http.Redirect(w, r, "/loop/a?utm_source=loop", http.StatusMovedPermanently)
	case p == "/huge":
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", strconv.Itoa(len(hugeBody)))
		io.WriteString(w, hugeBody) // headers go out at once: the crawler must refuse on Content-Length
	case p == "/huge-chunked":
		w.Header().Set("Content-Type", "text/html")
		for range 1 << 10 { // 4 MiB without Content-Length
			if _, err := fmt.Fprint(w, strings.Repeat("big ", 1<<10)); err != nil {
				return
			}
		}
	case p == "/chunked-small":
		s.article(w, r, p, false)
	case p == "/latin1":
		w.Header().Set("Content-Type", "text/html") // no charset: <meta> says it
		fmt.Fprint(w, "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title><meta property=\"og:type\" content=\"article\"></head><body><article><p>Un caf\xe9 cr\xe8me au march\xe9.</p></article></body></html>")
	case p == "/wrong-charset":
		w.Header().Set("Content-Type", "text/html; charset=utf-8") // a lie: the bytes are windows-1252
		fmt.Fprint(w, "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Na\xefve</title><meta property=\"og:type\" content=\"article\"></head><body><article><p>A na\xefve r\xe9sum\xe9 \x96 with a dash.</p></article></body></html>")
	case p == "/files/report":
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4 not really")
	case p == "/img/logo":
		w.Header().Set("Content-Type", "image/png")
		w.Write(bytes.Repeat([]byte{0x89, 'P', 'N', 'G'}, 100))
	default:
		http.NotFound(w, r)
	}
}

// sitemap lists the sitemap-only articles, one in-scope article with a
// tracking parameter and one disallowed URL, under base (the URL the
// request came to: the handler never reads s.srv, which newSite sets
// while the server may already answer).
func (s *site) sitemap(base string) string {
	b := `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`
	for i := range 5 {
		b += fmt.Sprintf(`<url><loc>%s/sitemap-only/%d</loc></url>`, base, i)
	}
	return b + fmt.Sprintf(`<url><loc>%s/news/0-0?utm_campaign=sm</loc></url><url><loc>%s/private/from-sitemap</loc></url></urlset>`, base, base)
}

func gzipped(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	io.WriteString(zw, s)
	zw.Close()
	return b.Bytes()
}

// gzipBomb is a sitemap that decompresses to 64 MiB (about 64 KiB of
// gzip), built once.
var gzipBomb = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	io.WriteString(zw, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>`)
	zeros := make([]byte, 1<<20)
	for range 64 {
		zw.Write(zeros)
	}
	zw.Close()
	return b.Bytes()
})

func (s *site) html(w http.ResponseWriter, r *http.Request, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, body)
}

// articleText is the text the test extractor finds in an article: what the
// output files must hold.
func (s *site) articleText(p string) string {
	s.mu.Lock()
	v := s.version[p]
	s.mu.Unlock()
	return fmt.Sprintf("Body of %s version %d. The summit opened on Monday.", p, v)
}

// article serves an article with validators, honouring If-None-Match.
func (s *site) article(w http.ResponseWriter, r *http.Request, p string, amp bool) {
	text := s.articleText(p)
	sum := sha256.Sum256([]byte(text))
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", "Mon, 02 Nov 2026 10:00:00 GMT")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<html><head><title>Title %s</title><meta property="og:type" content="article">`, p)
	fmt.Fprintf(&b, `<link rel="canonical" href="%s"></head><body>`, p)
	fmt.Fprintf(&b, `<div class="spam">%s</div><article><h1>Title %s</h1><p>%s</p>`, noise[0], p, text)
	fmt.Fprintf(&b, `<figure><img alt="%s"><figcaption>%s</figcaption></figure></article>`, noise[3], noise[3])
	twin := fmt.Sprintf(`<a href="%s?amp=1">amp</a>`, p)
	if s.plain {
		twin = ""
	}
	fmt.Fprintf(&b, `<aside>%s <a href="/news/0-1">%s</a> %s</aside><footer>%s</footer></body></html>`, noise[1], noise[2], twin, noise[4])
	if p == "/chunked-small" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		http.NewResponseController(w).Flush()
	}
	s.html(w, r, b.String())
}

// extractArticle is the tests' extractor: the <title> and the text of <p>
// elements inside <article>. Tests must not depend on package clean.
func extractArticle(ctx context.Context, p *crawler.Page) (string, string, error) {
	doc, err := html.Parse(bytes.NewReader(p.Body))
	if err != nil {
		return "", "", err
	}
	var title string
	var paras []string
	var walk func(n *html.Node, inArticle bool)
	walk = func(n *html.Node, inArticle bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				title = textOf(n)
			case "article":
				inArticle = true
			case "p":
				if inArticle {
					paras = append(paras, textOf(n))
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inArticle)
		}
	}
	walk(doc, false)
	return title, strings.Join(paras, "\n\n"), nil
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.TrimSpace(b.String())
}
