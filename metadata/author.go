package metadata

import (
	"strconv"
	"strings"

	"github.com/winnowhq/winnow/metadata/byline"
	"github.com/winnowhq/winnow/metadata/title"
)

// authors decides the page's authors: JSON-LD first, then the author meta
// elements, then rel=author links and itemprop=author elements, then a
// visible byline. Only the first source that yields a name is used.
func authors(s *sources, site, host string) []string {
	metaNames := append(append([]string{}, s.head.metaAll["author"]...), s.head.metaAll["article:author"]...)
	// Yoast's reading-time labels: twitter:label1 "Written by", twitter:data1 the name.
	for i := 1; i <= 4; i++ {
		n := strconv.Itoa(i)
		switch strings.ToLower(strings.TrimSpace(s.head.meta["twitter:label"+n])) {
		case "written by", "author", "by", "geschrieben von", "écrit par", "escrito por", "scritto da", "ditulis oleh":
			metaNames = append(metaNames, s.head.meta["twitter:data"+n])
		}
	}
	for _, k := range []string{"parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "citation_author", "byl"} {
		if v := s.head.meta[k]; v != "" {
			metaNames = append(metaNames, v)
		}
	}
	for i, src := range [][]string{s.ld.Authors(), metaNames, s.people.relAuthors, s.people.authorLinks} {
		out := byline.Names(src, i == 3)
		if i >= 2 && len(out) > 3 {
			// An author per teaser: a listing, or an article whose
			// related stories link their authors. Only a byline in
			// the header says whose the page is.
			return bylined(s)
		}
		if len(out) > 0 && title.NamesSite(out[0], site, host) {
			// The site's own name is the publisher's credit: a person
			// the visible byline names outranks it.
			if b := bylined(s); len(b) > 0 && !title.NamesSite(b[0], site, host) {
				return b
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return bylined(s)
}

// bylined is the author a visible byline names: the first that names
// someone in the header around the headline (or under a two-word label),
// unless it is one of many names that each appear a few times (a
// listing's teasers, each with its author): the page's author is named at
// least a third of the times anyone is, or more often than anyone else
// among a few names (an article's header names its author twice, its
// related stories' bylines name theirs once or twice each).
func bylined(s *sources) []string {
	var found, near []string
	for _, b := range append(s.people.bylines, s.people.keyBylines...) {
		names := byline.Names([]string{b.text}, true)
		found = append(found, names...)
		if b.anywhere || nearHeadline(s, b.at) {
			near = append(near, names...)
		}
	}
	if len(near) == 0 {
		return nil
	}
	k := fold(near[0])
	count := map[string]int{}
	for _, n := range found {
		count[fold(n)]++
	}
	same, most := count[k], 0
	for n, c := range count {
		if n != k {
			most = max(most, c)
		}
	}
	if len(count) > 2 && same*3 < len(found) && (same <= most || len(count) > relatedBylines+1) {
		return nil
	}
	return near[:1]
}

// relatedBylines is how many other authors an article's related stories
// may name beside its own (a row of three teasers).
const relatedBylines = 3

// A visible byline stands in the article's header: a few texts before its
// headline (a kicker, the author above the title) or after it (a deck, the
// author, a date). A name further away is a teaser's, a reviewer's, a
// comment's or a sidebar's, and a page without a headline has no header to
// read one from. Measured on WCXB dev, the bylines 9 texts or more from the
// headline were the page's author on 4 pages and someone else's on 30.
const (
	bylineBefore = 4
	bylineAfter  = headWindow
)

// nearHeadline reports whether the text at place at is in the header
// around the page's headline.
func nearHeadline(s *sources, at int) bool {
	return s.h1At >= 0 && at >= s.h1At-bylineBefore && at <= s.h1At+bylineAfter
}
