// Package jsonld reads what a page's JSON-LD blocks say about the page:
// the fields of its first creative work (an Article, BlogPosting, forum
// posting, question, recipe...), its WebPage, and the site's name.
package jsonld

import (
	"encoding/json"
	"html"
	"strings"
)

// Work is what the JSON-LD blocks of one page say. The zero value is ready:
// Add each block, then read the fields.
type Work struct {
	Found bool // a creative work was read
	// Written says the work is a piece of writing (an article, a posting,
	// a report or review), whose date a reader expects, not a video,
	// course or event embedded in a product or service page.
	Written             bool
	Headline            string
	Published, Modified string
	SiteName            string
	Description         string
	// Keywords are the work's keywords given as a list; KeywordText those
	// given as one string, for the caller to split.
	Keywords    []string
	KeywordText string
	Sections    []string
	Image       string
	// Page is the WebPage, whose name and dates are weaker than a
	// creative work's, used when the page has none.
	Page WebPage
	// authors are the work's authors, some as references to resolve
	// (see Authors).
	authors []string
	// people maps the @id of each Person to its name: an article's author
	// is often a reference ({"@id": ".../#author"}) to a Person elsewhere.
	people map[string]string
}

// WebPage is what a WebPage object says.
type WebPage struct {
	Name                string
	Published, Modified string
}

// idRef marks an author given as a reference to resolve.
const idRef = "\x00id:"

// workTypes are the schema.org types (or type suffixes) of the things a page
// is about whose author and dates are the page's.
var workTypes = []string{"article", "posting", "blogposting", "report", "review", "recipe", "question", "howto", "creativework", "liveblogposting", "scholarlyarticle", "techarticle", "newsarticle", "opinionnewsarticle", "videoobject", "podcastepisode", "course", "event"}

// writtenTypes are the parts of the schema.org type names of writing.
var writtenTypes = []string{"article", "posting", "report", "review", "question"}

// Add reads one JSON-LD block; a broken block says nothing.
func (ld *Work) Add(raw string) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(raw)), &v); err != nil {
		return // a broken block says nothing
	}
	ld.walk(v, 0)
}

func (ld *Work) walk(v any, depth int) {
	if depth > 6 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			ld.walk(e, depth+1)
		}
	case map[string]any:
		ld.object(x, depth)
		if g, ok := x["@graph"]; ok {
			ld.walk(g, depth+1)
		}
		// An FAQPage's main entities are its questions and answers,
		// a block of the page, not the work the page is: their
		// names are no headline and say nothing of writing.
		if m, ok := x["mainEntity"]; ok && !hasType(typesOf(x["@type"]), "faqpage") {
			ld.walk(m, depth+1)
		}
	}
}

func (ld *Work) object(o map[string]any, depth int) {
	types := typesOf(o["@type"])
	if hasType(types, "person") {
		if id, name := str(o["@id"]), str(o["name"]); id != "" && name != "" {
			if ld.people == nil {
				ld.people = map[string]string{}
			}
			ld.people[id] = name
		}
	}
	switch {
	case hasType(types, "website"):
		if ld.SiteName == "" {
			ld.SiteName = str(o["name"])
		}
		return
	case hasType(types, "webpage", "collectionpage", "itempage", "aboutpage", "profilepage", "searchresultspage", "faqpage", "qapage", "contactpage"):
		ld.webPage(o)
		return
	}
	isWork := str(o["headline"]) != ""
	for _, t := range types {
		for _, w := range workTypes {
			if t == w || strings.HasSuffix(t, w) {
				isWork = true
			}
		}
	}
	if !isWork || ld.Found {
		return
	}
	ld.Found = true
	for _, t := range types {
		for _, w := range writtenTypes {
			if strings.Contains(t, w) {
				ld.Written = true
			}
		}
	}
	ld.Headline = str(o["headline"])
	if ld.Headline == "" {
		ld.Headline = str(o["name"])
	}
	ld.authors = names(o["author"])
	if len(ld.authors) == 0 {
		ld.authors = names(o["creator"])
	}
	ld.Published = strAt(o, "datePublished", "dateCreated", "uploadDate")
	ld.Modified = str(o["dateModified"])
	if ld.SiteName == "" {
		ld.SiteName = thingAt(o["publisher"], "name")
	}
	ld.Description = str(o["description"])
	switch k := o["keywords"].(type) {
	case string:
		ld.KeywordText = k
	case []any:
		ld.Keywords = strs(k)
	}
	switch s := o["articleSection"].(type) {
	case string:
		ld.Sections = []string{s}
	case []any:
		ld.Sections = strs(s)
	}
	ld.Image = thingAt(o["image"], "url", "contentUrl")
	if ld.Image == "" {
		ld.Image = thingAt(o["thumbnailUrl"], "url", "contentUrl")
	}
}

// webPage reads a WebPage: its name and dates are weaker than a creative
// work's, used when the page has none.
func (ld *Work) webPage(o map[string]any) {
	if ld.Page.Name == "" {
		ld.Page.Name = str(o["name"])
	}
	if ld.Page.Published == "" {
		ld.Page.Published = str(o["datePublished"])
	}
	if ld.Page.Modified == "" {
		ld.Page.Modified = str(o["dateModified"])
	}
	if ld.SiteName == "" {
		ld.SiteName = thingAt(o["isPartOf"], "name")
	}
}

func typesOf(v any) []string {
	var out []string
	switch t := v.(type) {
	case string:
		out = append(out, strings.ToLower(t))
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, strings.ToLower(s))
			}
		}
	}
	return out
}

func hasType(types []string, want ...string) bool {
	for _, t := range types {
		for _, w := range want {
			if t == w {
				return true
			}
		}
	}
	return false
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		// Some sites escape their JSON-LD text as HTML ("Tools &#8211; Tips").
		if strings.IndexByte(x, '&') >= 0 {
			x = html.UnescapeString(x)
		}
		return strings.TrimSpace(x)
	case []any:
		if len(x) > 0 {
			return str(x[0])
		}
	case map[string]any:
		if s, ok := x["@value"].(string); ok {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func strs(v []any) []string {
	var out []string
	for _, e := range v {
		if s := str(e); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// thingAt is a thing given as a string, as an object (its first non-empty
// string at keys) or as a list of them (the first): the name of a publisher
// (keys "name"), the URL of an image ("url", "contentUrl").
func thingAt(v any, keys ...string) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return strAt(x, keys...)
	case []any:
		if len(x) > 0 {
			return thingAt(x[0], keys...)
		}
	}
	return ""
}

// names are the names of the people in an author value: a string, a Person,
// or a list of them. Organizations are not authors.
func names(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		out = append(out, x)
	case map[string]any:
		if hasType(typesOf(x["@type"]), "organization", "newsmediaorganization", "corporation") {
			return nil
		}
		if n := str(x["name"]); n != "" {
			out = append(out, n)
		} else if id := str(x["@id"]); id != "" {
			out = append(out, idRef+id)
		}
	case []any:
		for _, e := range x {
			out = append(out, names(e)...)
		}
	}
	return out
}

// Authors are the authors with references replaced by the names
// of the Persons they name (dropped when none is found).
func (ld *Work) Authors() []string {
	var out []string
	for _, a := range ld.authors {
		if id, ok := strings.CutPrefix(a, idRef); ok {
			if a = ld.people[id]; a == "" {
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// strAt is the first non-empty string value of o at keys.
func strAt(o map[string]any, keys ...string) string {
	for _, k := range keys {
		if v := str(o[k]); v != "" {
			return v
		}
	}
	return ""
}
