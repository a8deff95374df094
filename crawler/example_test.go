package crawler_test

import (
	"context"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/winnowhq/winnow/crawler"
	"github.com/winnowhq/winnow/crawler/boltstore"
	"github.com/winnowhq/winnow/crawler/output"
)

func ExampleCrawler_Run() {
	// A two-page site on 127.0.0.1: a listing page and one article.
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><a href="/story?utm_source=home">Story</a></body></html>`)
	})
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><title>Story</title><meta property="og:type" content="article"></head>
<body><article><p>The summit opened on Monday.</p></article></body></html>`)
	})
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: mux}}
	srv.Start()
	defer srv.Close()

	dir, err := os.MkdirTemp("", "winnow-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	st, err := boltstore.Open(filepath.Join(dir, "crawl.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()

	// The caller brings the extraction; cmd/winnow uses package clean.
	extract := func(ctx context.Context, p *crawler.Page) (string, string, error) {
		return "Story", "The summit opened on Monday.", nil
	}
	cfg := crawler.Config{
		Name:       "example",
		Seeds:      []string{srv.URL + "/"},
		Politeness: crawler.Politeness{Delay: -1}, // a local test site: no politeness delay
		Output:     crawler.Output{OutputDir: filepath.Join(dir, "out")},
	}
	for range 2 {
		cr, err := crawler.New(cfg, st, extract, nil)
		if err != nil {
			log.Fatal(err)
		}
		stats, err := cr.Run(context.Background())
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("written %d, unchanged %d\n", stats.Written, stats.Unchanged)
	}
	index, _ := os.ReadFile(filepath.Join(dir, "out", output.IndexFile))
	fmt.Println(strings.Count(string(index), `"status":"new"`), "index line")
	// Output:
	// written 1, unchanged 0
	// written 0, unchanged 1
	// 1 index line
}
