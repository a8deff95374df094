package clean

import (
	"context"
	"strings"
	"testing"

	"github.com/winnowhq/winnow/rules"
)

// smallArticle is one article of the crawl benchmark's site
// (cmd/winnow/crawl_bench_test.go): six distinct paragraphs of four
// sentences, a spam div and a "See more" aside, about 2 KB of text.
func smallArticle() []byte {
	sentences := []string{
		"The delegates agreed on a plan for the region's farmers after three days of talks.",
		"The minister said the money would arrive before the rains, though officials gave no date.",
		"Prices of maize and beans have doubled since March in the markets of the north.",
		"Aid groups warned that the roads to the eastern villages remain closed by floods.",
		"A spokesman for the farmers' union called the plan a first step and asked for more.",
		"Opposition members questioned how the fund would be audited and by whom.",
		"The central bank expects inflation to ease in the second half of the year.",
		"Schools in two districts reopened on Monday after being used as shelters.",
		"Engineers began repairing the bridge that links the capital to the southern ports.",
		"The weather service forecast heavy showers for the coming week along the coast.",
		"Traders said fuel shortages had slowed deliveries to the smaller towns.",
		"The government will publish the list of eligible households next month.",
		"Several families said they had not received the seed promised last season.",
		"The health ministry reported fewer cases of cholera than in the same week last year.",
		"Fishermen on the lake stayed ashore for a third day because of strong winds.",
		"A court in the capital adjourned the case against the former mayor until June.",
		"Teachers ended their strike after the union accepted a smaller pay rise.",
		"The railway company said night trains to the border would resume on Friday.",
		"Farmers who planted early expect a good harvest if the rains hold.",
		"Donors pledged a further forty million for clean water in the dry districts.",
		"The police said the road blocks on the highway had been lifted by noon.",
		"Local radio stations will broadcast the lessons for pupils who cannot travel.",
		"Exporters welcomed the new rules on tea auctions but asked for clearer fees.",
		"The mayor promised to clear the drains before the long rains begin.",
	}
	var s strings.Builder
	s.WriteString(`<html><head><title>Story /news/3-7</title><meta property="og:type" content="article"></head><body><div>tk88 bet</div><article><h1>Story /news/3-7</h1>`)
	for k := range 6 {
		s.WriteString("<p>")
		for i := range 4 {
			s.WriteString(sentences[(10+k*4+i)%len(sentences)])
			s.WriteByte(' ')
		}
		s.WriteString("</p>")
	}
	s.WriteString(`</article><aside><h3>See more</h3><a href="/news/0-1">Related</a></aside></body></html>`)
	return []byte(s.String())
}

// BenchmarkCleanSmallPage is the cost of cleaning one small article page,
// the unit of work of a crawl.
func BenchmarkCleanSmallPage(b *testing.B) {
	rs, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	c := New(rs, Options{})
	page := smallArticle()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Clean(context.Background(), Input{Source: "bench", URL: "http://127.0.0.1/news/3-7", ContentType: "text/html; charset=utf-8", Data: page}); err != nil {
			b.Fatal(err)
		}
	}
}
