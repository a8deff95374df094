package rules

import (
	"net/url"
	"path"
	"strings"

	"github.com/winnowhq/winnow/block"
	"golang.org/x/net/html"
)

// RunExample applies r alone to ex.In and returns the result, one block per
// line, for comparison with ex.Out. Text examples read one block per line;
// DOM examples are HTML fragments whose remaining text is rendered one block
// per line.
func (r *Rule) RunExample(ex Example) string {
	set, err := NewSet(r)
	if err != nil {
		return "error: " + err.Error() // one rule: cannot happen
	}
	if r.Stage == StageText {
		blocks := block.FromText(ex.In)
		page := examplePage(ex.In)
		if page.Host == "" {
			page.Host = r.exampleHost()
		}
		return joinBlocks(set.ApplyText(blocks, page, nil))
	}
	doc, err := html.Parse(strings.NewReader("<!DOCTYPE html><html><body>" + ex.In + "</body></html>"))
	if err != nil {
		return "error: " + err.Error()
	}
	set.ApplyDOM(doc, r.Stage, Page{Host: r.exampleHost()}, nil)
	return joinBlocks(block.FromHTML(doc))
}

// exampleHost returns a host the rule's scope covers, so that the example of
// a site rule runs as on that site: "" for a rule of every host, else the
// first host glob with its wildcards filled in ("*.example.com" gives
// www.example.com). A DOM example has no other way to name its page.
func (r *Rule) exampleHost() string {
	for _, g := range r.Hosts {
		h := strings.NewReplacer("*", "www", "?", "a").Replace(g)
		if ok, _ := path.Match(g, h); ok {
			return h
		}
	}
	return ""
}

// examplePage lets examples set page facts: leading lines "title: X" (for
// same-as-title) and "url: U" (for hosts and own-host). Those lines are
// blocks of the example too.
func examplePage(in string) Page {
	var p Page
	for line := range strings.Lines(in) {
		line = strings.TrimSpace(line)
		if t, ok := strings.CutPrefix(line, "title: "); ok {
			p.Title = t
		} else if u, ok := strings.CutPrefix(line, "url: "); ok {
			if pu, err := url.Parse(u); err == nil {
				p.Host = strings.ToLower(pu.Host)
			}
		} else {
			break
		}
	}
	return p
}

func joinBlocks(bs []block.Block) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = b.Text
	}
	return strings.Join(parts, "\n")
}
