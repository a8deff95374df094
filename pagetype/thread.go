package pagetype

import (
	"net/url"
	"strconv"
	"strings"
)

// threadPath reports whether u has the shape of a discussion thread's
// address in the common forum software: phpBB's viewtopic.php, vBulletin's
// showthread.php, XenForo's /threads/slug.123/, Discourse's /t/slug/123,
// Invision's /topic/123-slug/, SMF's ?topic=123.0, MyBB's thread-123.html,
// a link aggregator's /comments/id/slug/, Flarum's /d/123-slug, Lemmy's
// /post/123 (the whole path, and at most 9 digits: a blog's /post/slug or
// /post/123/slug is not one, nor Tumblr's /post/ and a 12-digit id), Vanilla's /discussion/123/slug, bbPress's /forums/topic/slug/. A
// site's own thread pages rarely declare themselves in schema.org; their
// addresses are the software's.
// WCXB dev: 78 of 112 forum pages have such an address, no page of another
// type does.
func threadPath(u *url.URL) bool {
	if u == nil {
		return false
	}
	p := strings.ToLower(u.Path)
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for i, s := range segs {
		next := ""
		if i+1 < len(segs) {
			next = segs[i+1]
		}
		switch {
		case s == "viewtopic.php", s == "showthread.php", s == "showtopic.php":
			return true
		case (s == "threads" || s == "thread") && hasDigit(next):
			return true
		case s == "t" && i+2 < len(segs) && isNumber(segs[i+2]):
			return true
		case s == "topic" && leadingNumber(next):
			return true
		case s == "comments" && i+2 < len(segs) && next != "":
			return true
		case s == "d" && numberSlug(next) && (strings.Contains(next, "-") || i+2 == len(segs)):
			return true
		case s == "post" && i == 0 && len(segs) == 2 && isNumber(next) && len(next) <= 9:
			return true
		case s == "discussion" && isNumber(next):
			return true
		case s == "topic" && i > 0 && segs[i-1] == "forums" && next != "":
			return true
		case strings.HasPrefix(s, "thread-") && leadingNumber(strings.TrimPrefix(s, "thread-")):
			return true
		}
	}
	if t := u.Query().Get("topic"); t != "" && leadingNumber(t) {
		return true
	}
	return false
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil && s != ""
}

// numberSlug reports whether s is a number, alone or before a hyphen and a
// slug ("2068", "2068-types-of-threads"). Under Flarum's /d/ a bare number
// must end the path: a news site's /d/2024/05/story is dated, not a thread.
func numberSlug(s string) bool {
	n, _, _ := strings.Cut(s, "-")
	return isNumber(n)
}

// leadingNumber reports whether s starts with a number ("123-slug",
// "589061.0").
func leadingNumber(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// thread returns Forum for a page decided as typ whose address is a
// thread's (threadPath), when typ is one that no markup of the page
// claimed: an article, a listing (a thread's posts read as a group of
// items) or a service page. Products, collections and documentation
// decided by their markup stay.
func thread(typ string, u *url.URL) string {
	switch typ {
	case Article, Listing, Service:
		if threadPath(u) {
			return Forum
		}
	}
	return typ
}
