package metadata

import (
	"encoding/json"
	"strings"
)

// jsonLD is what the page's JSON-LD blocks say about the page: the fields of
// its first creative work (an Article, BlogPosting, forum posting, question,
// recipe...), and the site's name.
type jsonLD struct {
	found bool // a creative work was read
	// written says the work is a piece of writing (an article, a posting,
	// a report or review), whose date a reader expects, not a video,
	// course or event embedded in a product or service page.
	written             bool
	headline            string
	authors             []string
	published, modified string
	siteName            string
	description         string
	keywords, sections  []string
	image               string
	pageName            string // the name of a WebPage, a weaker headline
	// pagePublished and pageModified are a WebPage's dates, used when no
	// creative work gives any.
	pagePublished, pageModified string
	// people maps the @id of each Person to its name: an article's author
	// is often a reference ({"@id": ".../#author"}) to a Person elsewhere.
	people map[string]string
}

// idRef marks an author given as a reference to resolve.
const idRef = "\x00id:"

// workTypes are the schema.org types (or type suffixes) of the things a page
// is about whose author and dates are the page's.
var workTypes = []string{"article", "posting", "blogposting", "report", "review", "recipe", "question", "howto", "creativework", "liveblogposting", "scholarlyarticle", "techarticle", "newsarticle", "opinionnewsarticle", "videoobject", "podcastepisode", "course", "event"}

// writtenTypes are the parts of the schema.org type names of writing.
var writtenTypes = []string{"article", "posting", "report", "review", "question"}

func (ld *jsonLD) parse(raw string) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(raw)), &v); err != nil {
		return // a broken block says nothing
	}
	ld.walk(v, 0)
}

func (ld *jsonLD) walk(v any, depth int) {
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
		if m, ok := x["mainEntity"]; ok {
			ld.walk(m, depth+1)
		}
	}
}

func (ld *jsonLD) object(o map[string]any, depth int) {
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
		if ld.siteName == "" {
			ld.siteName = str(o["name"])
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
	if !isWork || ld.found {
		return
	}
	ld.found = true
	for _, t := range types {
		for _, w := range writtenTypes {
			if strings.Contains(t, w) {
				ld.written = true
			}
		}
	}
	ld.headline = str(o["headline"])
	if ld.headline == "" {
		ld.headline = str(o["name"])
	}
	ld.authors = names(o["author"])
	if len(ld.authors) == 0 {
		ld.authors = names(o["creator"])
	}
	ld.published = first(str(o["datePublished"]), str(o["dateCreated"]), str(o["uploadDate"]))
	ld.modified = str(o["dateModified"])
	if ld.siteName == "" {
		ld.siteName = nameOf(o["publisher"])
	}
	ld.description = str(o["description"])
	switch k := o["keywords"].(type) {
	case string:
		ld.keywords = splitKeywords(k)
	case []any:
		ld.keywords = strs(k)
	}
	switch s := o["articleSection"].(type) {
	case string:
		ld.sections = []string{s}
	case []any:
		ld.sections = strs(s)
	}
	ld.image = imageOf(o["image"])
	if ld.image == "" {
		ld.image = imageOf(o["thumbnailUrl"])
	}
}

// webPage reads a WebPage: its name and dates are weaker than a creative
// work's, used when the page has none.
func (ld *jsonLD) webPage(o map[string]any) {
	if ld.pageName == "" {
		ld.pageName = str(o["name"])
	}
	if ld.pagePublished == "" {
		ld.pagePublished = str(o["datePublished"])
	}
	if ld.pageModified == "" {
		ld.pageModified = str(o["dateModified"])
	}
	if ld.siteName == "" {
		ld.siteName = nameOf(o["isPartOf"])
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

// nameOf is the name of a thing given as a string or an object with a name.
func nameOf(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return str(x["name"])
	case []any:
		if len(x) > 0 {
			return nameOf(x[0])
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

func imageOf(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return first(str(x["url"]), str(x["contentUrl"]))
	case []any:
		if len(x) > 0 {
			return imageOf(x[0])
		}
	}
	return ""
}

// resolvedAuthors are the authors with references replaced by the names
// of the Persons they name (dropped when none is found).
func (ld *jsonLD) resolvedAuthors() []string {
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
