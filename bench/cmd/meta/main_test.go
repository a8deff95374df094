package main

import (
	"strings"
	"testing"
)

func TestMatchers(t *testing.T) {
	tests := []struct {
		name  string
		match func(string, []string) bool
		label string
		pred  []string
		want  bool
	}{
		{"title folded", titleMatch, "What is Cloud Computing?", []string{"what is cloud computing"}, true},
		{"title differs", titleMatch, "Cloud Computing", []string{"What is Cloud Computing?"}, false},
		{"author with credentials", authorMatch, "Jillian Kubala, MS, RD", []string{"Jillian Kubala"}, true},
		{"author twice in the label", authorMatch, "Pierce Freeman | Pierce Freeman", []string{"Pierce Freeman"}, true},
		{"two authors", authorMatch, "Ana Souza, Li Wei", []string{"Ana Souza", "Li Wei"}, true},
		{"one word is not enough", authorMatch, "Sharon Mod", []string{"Sharon"}, false},
		{"surname first", authorMatch, "Kaufman, Jeff T.", []string{"Jeff T. Kaufman"}, true},
		{"surname first, as written", authorMatch, "Kaufman, Jeff T.", []string{"Kaufman, Jeff T."}, true},
		{"another author", authorMatch, "Korin Miller", []string{"Jane Doe"}, false},
		{"same day", dateMatch, "2025-09-04", []string{"2025-09-04T08:15:00+02:00"}, true},
		{"another day", dateMatch, "2025-09-04", []string{"2025-09-05"}, false},
		{"month label", dateMatch, "2025-09", []string{"2025-09-04"}, true},
	}
	for _, tc := range tests {
		if got := tc.match(tc.label, tc.pred); got != tc.want {
			t.Errorf("%s: match(%q, %q) = %v, want %v", tc.name, tc.label, tc.pred, got, tc.want)
		}
	}
}

func TestMarkdownItems(t *testing.T) {
	md := strings.Join([]string{
		"# Title", "", "Some *text* with a [link](https://x.y/z).", "",
		"1. First step", "    - nested [item](u)", "", "| A | B |", "| --- | --- |", "| 1 | 2 |", "",
		"```", "# not a heading", "- not an item", "```",
	}, "\n")
	it := markdownItems(md)
	if strings.Join(it.headings, ";") != "title" {
		t.Errorf("headings = %q", it.headings)
	}
	if strings.Join(it.items, ";") != "first step;nested item" {
		t.Errorf("items = %q", it.items)
	}
	if strings.Join(it.rows, ";") != "a b;1 2" {
		t.Errorf("rows = %q", it.rows)
	}
}

func TestTitleSources(t *testing.T) {
	page := `<html><head><title>Story | Site</title><meta property="og:title" content="Story"><meta property="og:site_name" content="Site"></head>` +
		`<body><svg><title>icon</title></svg><h1 class="logo">Site</h1><h1>Story <script>x()</script>told</h1></body></html>`
	got := strings.Join(titleSources([]byte(page)), "\n")
	want := strings.Join([]string{`<title> "Story | Site"`, `og:title "Story"`, `og:site_name "Site"`, `<h1 class="logo"> "Site"`, `<h1 class=""> "Story told"`}, "\n")
	if got != want {
		t.Errorf("titleSources =\n%s\nwant\n%s", got, want)
	}
}

func TestMissKind(t *testing.T) {
	src := []string{`<title> "Story - Deck | Site"`, `og:title "Story - Deck"`, `<h1 class=""> "The story"`}
	tests := []struct {
		label string
		want  int
	}{{"Story - Deck | Site", 0}, {"The Story", 1}, {"Story - Deck", 2}, {"Story", 3}, {"Something else", 4}}
	for _, tc := range tests {
		if got := missKind(tc.label, src); got != tc.want {
			t.Errorf("missKind(%q) = %d (%s), want %d", tc.label, got, missKinds[got], tc.want)
		}
	}
}

func TestByParity(t *testing.T) {
	pages := []wcxbPage{{id: "0001"}, {id: "0002"}, {id: "0013"}}
	for _, tc := range []struct {
		ids  string
		want string
	}{{"odd", "0001 0013"}, {"even", "0002"}, {"", "0001 0002 0013"}} {
		got, err := byParity(pages, tc.ids)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, p := range got {
			ids = append(ids, p.id)
		}
		if strings.Join(ids, " ") != tc.want {
			t.Errorf("byParity(%q) = %v, want %s", tc.ids, ids, tc.want)
		}
	}
	if _, err := byParity(pages, "third"); err == nil {
		t.Error("byParity(\"third\") gave no error")
	}
}
