package jsonld

import (
	"reflect"
	"testing"
)

func TestAdd(t *testing.T) {
	tests := []struct {
		name   string
		blocks []string
		want   Work
	}{
		{"article in a graph", []string{`{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Meridian"},{"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":"Ana Souza"},{"@type":"Person","name":"Li Wei"}],"datePublished":"2025-09-04T08:15:00+02:00","dateModified":"2025-09-05T10:00:00+02:00","keywords":"a, b","articleSection":"News","image":{"url":" https://ex.com/i.jpg "}}]}`},
			Work{Found: true, Written: true, Headline: "H", Published: "2025-09-04T08:15:00+02:00", Modified: "2025-09-05T10:00:00+02:00",
				SiteName: "Meridian", KeywordText: "a, b", Sections: []string{"News"}, Image: "https://ex.com/i.jpg",
				authors: []string{"Ana Souza", "Li Wei"}}},
		{"text escaped as HTML", []string{`{"@type":"BlogPosting","headline":"Tools &#8211; Tips &amp; Tricks"}`},
			Work{Found: true, Written: true, Headline: "Tools – Tips & Tricks"}},
		{"organization is no author", []string{`{"@type":"Article","author":{"@type":"Organization","name":"Acme"},"datePublished":"2024-01-02"}`},
			Work{Found: true, Written: true, Published: "2024-01-02"}},
		{"author by reference", []string{`{"@graph":[{"@type":"Article","headline":"H","author":{"@id":"https://ex.com/#/person/1"}},{"@type":"Person","@id":"https://ex.com/#/person/1","name":"Jayesh Shinde"}]}`},
			Work{Found: true, Written: true, Headline: "H", authors: []string{idRef + "https://ex.com/#/person/1"},
				people: map[string]string{"https://ex.com/#/person/1": "Jayesh Shinde"}}},
		{"video is a work, not writing", []string{`{"@type":"VideoObject","name":"Promo","uploadDate":"2025-08-14T20:51:25Z","keywords":["x",1,"y"]}`},
			Work{Found: true, Headline: "Promo", Published: "2025-08-14T20:51:25Z", Keywords: []string{"x", "y"}}},
		{"webpage only", []string{`{"@type":"WebPage","name":"Joco Cup","datePublished":"2018-12-22","isPartOf":{"name":"Joco"}}`},
			Work{SiteName: "Joco", Page: WebPage{Name: "Joco Cup", Published: "2018-12-22"}}},
		{"an FAQ's questions are no work", []string{`{"@type":"FAQPage","mainEntity":[{"@type":"Question","name":"How much does it cost?","acceptedAnswer":{"@type":"Answer","text":"Less."}}]}`, `{"@type":"Article","headline":"Movers","author":{"name":"Kim"}}`},
			Work{Found: true, Written: true, Headline: "Movers", authors: []string{"Kim"}}},
		{"a Q&A page's question is its work", []string{`{"@type":"QAPage","mainEntity":{"@type":"Question","name":"Why?","author":{"name":"Bo"},"dateCreated":"2024-01-02"}}`},
			Work{Found: true, Written: true, Headline: "Why?", Published: "2024-01-02", authors: []string{"Bo"}}},
		{"first work wins across blocks", []string{`not json`, `{"@type":"BlogPosting","headline":"One"}`, `{"@type":"Article","headline":"Two"}`},
			Work{Found: true, Written: true, Headline: "One"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got Work
			for _, b := range tt.blocks {
				got.Add(b)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Add(%q) = %+v, want %+v", tt.blocks, got, tt.want)
			}
		})
	}
}

func TestAuthors(t *testing.T) {
	tests := []struct {
		name, block string
		want        []string
	}{
		{"names", `{"@type":"Article","author":[{"@type":"Person","name":"Ana Souza"},"Li Wei"]}`, []string{"Ana Souza", "Li Wei"}},
		{"creator when no author", `{"@type":"Article","creator":{"name":"Kim"}}`, []string{"Kim"}},
		{"organization is no author", `{"@type":"Article","author":{"@type":"Organization","name":"Acme"}}`, nil},
		{"reference resolved", `{"@graph":[{"@type":"Article","author":{"@id":"#p"}},{"@type":"Person","@id":"#p","name":"Jayesh Shinde"}]}`, []string{"Jayesh Shinde"}},
		{"unresolved reference dropped", `{"@type":"Article","author":[{"@id":"#p"},{"name":"Bo"}]}`, []string{"Bo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w Work
			w.Add(tt.block)
			if got := w.Authors(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Authors() after Add(%q) = %q, want %q", tt.block, got, tt.want)
			}
		})
	}
}
