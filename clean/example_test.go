package clean_test

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/winnowhq/winnow/clean"
	"github.com/winnowhq/winnow/rules"
)

// Cleaning a page held in a string, with the built-in rules.
func Example() {
	c, err := clean.New(clean.Options{}) // the built-in rules, default limits
	if err != nil {
		panic(err)
	}
	page := `<html><head><title>Harbour reopens</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour reopens</h1>
<p>The harbour reopened on Monday after a winter of repairs to the sea wall, the council said, and the first fishing boats came in at dawn.</p>
<p>Repairs cost about two million pounds and took longer than planned because of storms in January and February.</p>
</article></body></html>`
	res, err := c.Clean(context.Background(), clean.Input{Source: "string", Body: strings.NewReader(page)})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Title)
	fmt.Println("--")
	fmt.Println(res.Body)
	// Output:
	// Harbour reopens
	// --
	// The harbour reopened on Monday after a winter of repairs to the sea wall, the council said, and the first fishing boats came in at dawn.
	//
	// Repairs cost about two million pounds and took longer than planned because of storms in January and February.
}

// Cleaning a file, with the URL it was fetched from (host-scoped rules use
// it), and listing what was removed.
func Example_file() {
	c, err := clean.New(clean.Options{}) // the built-in rules, default limits
	if err != nil {
		panic(err)
	}
	f, err := os.Open("../fixtures/html-vn-portal-spam/input.html")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	res, err := c.Clean(context.Background(), clean.Input{
		Source: f.Name(),
		URL:    "https://tintuc.example.vn/xa-hoi/mua-lu-mien-trung.html",
		Body:   f,
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Title)                              // the title
	fmt.Println(strings.Fields(res.Blocks[0].Text)[:6]) // res.Body is the text without the title
	// Output:
	// Hà Nội mở thêm năm tuyến xe buýt điện từ tháng 12
	// [Từ ngày 1/12, hành khách tại]
}

// Which rules removed what: Removed counts, per rule id, the blocks each
// removed or changed (Options.Trace lists them one by one).
func ExampleResult_removed() {
	c, err := clean.New(clean.Options{})
	if err != nil {
		panic(err)
	}
	text := "A long paragraph of the article, which stays as it is because nothing in it looks like noise at all.\n" +
		"A long paragraph of the article, which stays as it is because nothing in it looks like noise at all.\n"
	res, err := c.Clean(context.Background(), clean.Input{Source: "-", Kind: clean.InputText, Body: strings.NewReader(text)})
	if err != nil {
		panic(err)
	}
	for _, id := range slices.Sorted(maps.Keys(res.Removed)) {
		fmt.Println(id, res.Removed[id])
	}
	// Output:
	// dupe.paragraph 1
}

// Cleaning with extra rule directories added to the built-in rules, as
// `winnow clean --rules DIR` does.
func Example_ruleDirs() {
	set, err := rules.Builtin()
	if err != nil {
		panic(err)
	}
	for _, dir := range []string{"testdata/example-rules"} {
		extra, err := rules.Load(os.DirFS(dir), dir)
		if err != nil {
			panic(err) // every problem, as dir/file.yaml:line:col: ...
		}
		if set, err = set.Merge(extra); err != nil {
			panic(err) // a rule id defined twice
		}
	}
	c, err := clean.New(clean.Options{Rules: set, Trace: true})
	if err != nil {
		panic(err)
	}
	page := `<html><body><article>
<p>The new bridge opened to traffic on Friday, two years after work began, and carried some eight thousand cars on its first day.</p>
<div class="promo-box">Subscribe now for unlimited access to every story.</div>
<p>Engineers will keep watching the joints through the winter, when cold weather makes the steel contract.</p>
</article></body></html>`
	res, err := c.Clean(context.Background(), clean.Input{
		Source: "bridge.html",
		URL:    "https://www.example-news.com/local/bridge.html",
		Body:   strings.NewReader(page),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Body)
	for _, h := range res.Trace {
		fmt.Println(h.Stage, h.Action, h.Rule)
	}
	// Output:
	// The new bridge opened to traffic on Friday, two years after work began, and carried some eight thousand cars on its first day.
	//
	// Engineers will keep watching the joints through the winter, when cold weather makes the steel contract.
	// dom remove site.example-news.promo
}
