package metadata

import (
	"reflect"
	"testing"

	"github.com/winnowhq/winnow/pagetype"
)

func TestExtractByPageType(t *testing.T) {
	tests := []struct {
		name, pageType, page string
		authors              []string
		published            string
	}{
		{"thread: first poster and first post date, user names kept as written", pagetype.Forum,
			`<header><a href="/members/visitor.1/">visitor</a></header><h1>Which saw?</h1>
			<div class="post"><a href="/members/wood_fan42.7/">wood_fan42</a> <time datetime="2024-02-25T10:06:36Z">Feb 25</time><p>Which saw?</p></div>
			<div class="post"><a href="/members/other.9/">other</a> <time datetime="2024-02-26T11:00:00Z">Feb 26</time><p>This one.</p></div>`,
			[]string{"wood_fan42"}, "2024-02-25T10:06:36Z"},
		{"thread: the asker's microdata beats the editor's link", pagetype.Forum,
			`<div itemscope itemtype="https://schema.org/Question"><h1>Q</h1>
			<div>edited by <a href="/users/5/editor">editor</a></div>
			<div itemprop="author" itemscope itemtype="https://schema.org/Person"><a href="/users/4/asker">asker</a><meta itemprop="name" content="asker99"></div>
			<div itemscope itemtype="https://schema.org/Answer"><div itemprop="author" itemscope><meta itemprop="name" content="answerer"></div></div></div>`,
			[]string{"asker99"}, ""},
		{"thread: a reply's microdata author is not the starter's", pagetype.Forum,
			`<h1>T</h1><div><span>Thread starter</span> <a href="/members/starter.3/" class="username">starter</a></div>
			<article itemscope itemtype="https://schema.org/Comment"><section itemprop="author" itemscope><meta itemprop="name" content="replier"></section></article>`,
			[]string{"starter"}, ""},
		{"forum posting microdata makes a thread whatever the type", pagetype.Service,
			`<div itemscope itemtype="http://schema.org/DiscussionForumPosting"><meta itemprop="datePublished" content="2024-06-02T15:24:07Z">
			<span itemprop="author" itemscope><a href="/u/first_poster"><span itemprop="name">first_poster</span></a></span></div>`,
			[]string{"first_poster"}, "2024-06-02T15:24:07Z"},
		{"product: head tags alone give no author or date", pagetype.Product,
			`<meta name="author" content="Acme Outfitters"><meta property="article:published_time" content="2019-06-06T01:51:03Z"><h1>Steel mug</h1><p>12 oz.</p>`,
			nil, ""},
		{"documentation: a shown date and an article's author stay", pagetype.Documentation,
			`<meta property="og:type" content="article"><meta name="author" content="Ana Souza"><h1>Install</h1><time datetime="2025-03-04">March 4, 2025</time>`,
			[]string{"Ana Souza"}, "2025-03-04"},
		{"listing: audio clips' durations are no date shown", pagetype.Listing,
			`<meta property="og:type" content="article"><meta name="date" content="2026-03-06"><h1>Science</h1><article><h2>Story</h2><time datetime="P8M,17S">8:17</time></article><article><h2>Other</h2><time datetime="PT3M55S">3:55</time></article>`,
			nil, ""},
		{"article: head tags are trusted", pagetype.Article,
			`<meta name="author" content="Ana Souza"><meta property="article:published_time" content="2019-06-06T01:51:03Z"><h1>Story</h1>`,
			[]string{"Ana Souza"}, "2019-06-06T01:51:03Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := extract(t, tc.page, "https://example.com/x", tc.pageType)
			if !reflect.DeepEqual(p.Authors, tc.authors) {
				t.Errorf("Authors = %q, want %q", p.Authors, tc.authors)
			}
			if p.Published != tc.published {
				t.Errorf("Published = %q, want %q", p.Published, tc.published)
			}
		})
	}
}
