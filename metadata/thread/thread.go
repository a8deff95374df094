// Package thread reads who started a discussion and when: the first
// poster's name and the first post date of a forum thread, a question or a
// page of comments, and whether a link goes to a member's profile.
//
// A thread's author and date are those of its first post: the first
// poster's name and the first post date in page order. Forum software
// marks them in ways an article's byline never is (a link to a member's
// profile, a user name with digits and no capitals) and shows a date for
// every reply, so the article rules find nothing or a reply's.
package thread

import (
	"cmp"
	"net/url"
	"strings"
	"unicode"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/internal/textnorm"
	"github.com/winnowhq/winnow/metadata/byline"
	"github.com/winnowhq/winnow/metadata/dateparse"
	"github.com/winnowhq/winnow/metadata/markup"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// profileSegments are the path segments, and profileKeys the query keys,
// of links to a member's profile. Data: add a forum package's here.
var (
	profileSegments = []string{"u", "user", "users", "member", "members", "profile", "profiles"}
	profileKeys     = []string{"u", "user", "userid", "uid", "member", "memberid"}
)

// accountPages are the path segments of a site's account pages, which sit
// under the same /user/ paths as its members' profiles. Data: add a forum
// package's here.
var accountPages = map[string]bool{
	"login": true, "log_in": true, "log-in": true, "signin": true, "sign_in": true, "sign-in": true, "signup": true, "sign_up": true, "sign-up": true,
	"register": true, "registration": true, "join": true, "new": true, "logout": true, "sign_out": true, "signout": true, "password": true, "reset": true,
	"forgot": true, "forgot_password": true, "lost-password": true, "account": true, "settings": true, "edit": true, "auth": true, "oauth": true, "verify": true,
}

// posterClasses are the parts of class names that mark a poster's name.
var posterClasses = []string{"username", "user-name", "author", "poster", "creator"}

// FirstPost returns the author and the date of a thread's first post, each
// "" when not found. The poster's name is the first one the page marks
// with itemprop=author, else the first profile link, else the first poster
// class: a question's editor is linked before its asker, but only the
// asker is the item's author.
func FirstPost(doc *html.Node) (author, date string) {
	var names [3]string
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || markup.Unseen(c) || threadOutside(c) {
				continue
			}
			if name, strength := posterName(c); name != "" && names[strength] == "" {
				names[strength] = name
			}
			if date == "" {
				date = postDate(c)
			}
			if names[0] != "" && date != "" {
				return true
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	return cmp.Or(names[:]...), date
}

// threadOutside reports whether n is a part of the page around the thread.
func threadOutside(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Footer, atom.Aside, atom.Header, atom.Head:
		return true
	}
	switch strings.ToLower(domtext.Attr(n, "role")) {
	case "navigation", "banner", "complementary", "contentinfo":
		return true
	}
	return false
}

// posterName returns the user name n marks, or "", and how it is marked:
// 0 by microdata, 1 by a link to a profile, 2 by a class.
func posterName(n *html.Node) (string, int) {
	switch {
	case markup.ClassSays(n, "share", "menu", "nav"):
		return "", 0
	case strings.Contains(strings.ToLower(domtext.Attr(n, "itemprop")), "author"):
		if replyItem(n) {
			return "", 0
		}
		return UserName(markup.ItemName(n)), 0
	case n.DataAtom == atom.A && ProfileLink(domtext.Attr(n, "href")):
		return UserName(FirstText(n)), 1
	case n.DataAtom != atom.Body && markup.ClassSays(n, posterClasses...) && len(markup.Text(n)) <= 40:
		return UserName(FirstText(n)), 2
	}
	return "", 0
}

// FirstText is the first text n shows: a poster's name, without the badge
// or title that follows it in the same link.
func FirstText(n *html.Node) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return textnorm.Clean(c.Data)
		case c.Type == html.ElementNode && !markup.Unseen(c):
			if t := FirstText(c); t != "" {
				return t
			}
		}
	}
	return ""
}

// ProfileLink reports whether href goes to a member's profile.
func ProfileLink(href string) bool {
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	for _, s := range segs {
		if accountPages[strings.ToLower(s)] {
			return false // /user/sign_up: the site's door, not a member
		}
	}
	for i, s := range segs[:max(len(segs)-1, 0)] {
		for _, p := range profileSegments {
			if strings.EqualFold(s, p) && segs[i+1] != "" {
				return true
			}
		}
	}
	q := u.Query()
	for _, k := range profileKeys {
		if q.Get(k) != "" {
			return true
		}
	}
	return false
}

// UserName returns s when it looks like a user name: short, with a letter,
// not a URL and not a date.
func UserName(s string) string {
	s = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), "@"))
	if len(s) < 2 || len(s) > 40 || len(strings.Fields(s)) > 4 || strings.Contains(s, "://") || byline.Placeholder(s) {
		return ""
	}
	if !strings.ContainsFunc(s, unicode.IsLetter) || dateparse.Text(s) != "" {
		return ""
	}
	return s
}

// postDate returns the date n marks as a post's, or "".
func postDate(n *html.Node) string {
	prop := strings.ToLower(domtext.Attr(n, "itemprop"))
	switch {
	case n.DataAtom == atom.Time:
		return dateparse.Any(cmp.Or(domtext.Attr(n, "datetime"), markup.Text(n)))
	case markup.HasWord(prop, "datepublished"), markup.HasWord(prop, "datecreated"):
		return dateparse.Any(cmp.Or(domtext.Attr(n, "content"), domtext.Attr(n, "datetime"), markup.Text(n)))
	}
	return ""
}

// replyItem reports whether n is a property of a microdata item that is a
// reply: a comment or an answer, not the post that starts the thread.
func replyItem(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode || !domtext.HasAttr(p, "itemscope") {
			continue
		}
		t := strings.ToLower(domtext.Attr(p, "itemtype"))
		return strings.Contains(t, "comment") || strings.Contains(t, "answer")
	}
	return false
}
