package content

import (
	"slices"
	"strings"

	"github.com/winnowhq/winnow/block"
	"github.com/winnowhq/winnow/internal/domtext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// signature reports whether a class or id, lower-cased, names a post's
// signature or a Q&A answer's poster card ("signature", "message-signature",
// "post-signature", "signaturecontainer"): what a poster shows under every
// post of a thread, not the post.
func signature(v string) bool {
	return strings.Contains(v, "signature")
}

// signatureBox reports whether n, whose class or id names a signature, is
// the size of one: not a page's <main> or a post's <article>, and at most
// maxSignature bytes of text. A theme's wrapper named "signature-…" holds
// the whole thread.
func signatureBox(n *html.Node) bool {
	return n.DataAtom != atom.Main && n.DataAtom != atom.Article && !domtext.Measure(n, maxSignature).Truncated
}

// maxSignature is the most text, in bytes, a signature holds (about 300
// words). Signatures of several hundred words exist: at 600 bytes WCXB dev
// forum F1 fell by 0.002; at 2,000 nothing changed.
const maxSignature = 2000

// trimThread is trim on a forum page: the smaller candidate must still
// hold readability's pick when the wrapper holds it. On a Q&A page the
// answers' container holds nine tenths of the prose; the question, which
// readability picks, sits beside it. Nor when the smaller candidate leaves
// out the wrapper's opening post (see opensThread), whatever readability
// picked (an answer): WCXB dev forum +0.0006, four Q&A pages +0.008 to
// +0.03, none worse.
func trimThread(cands []Candidate, w int) int {
	t := trim(cands, w, "")
	if t == w {
		return w
	}
	r := slices.IndexFunc(cands, func(c Candidate) bool { return c.Name == "readability" })
	if r >= 0 && holds(cands[w], cands[r]) && !holds(cands[t], cands[r]) || !opensThread(cands[t], cands[w]) {
		return w
	}
	return t
}

// posts returns, on a forum page where cands[w] is readability's pick, the
// article candidate instead (the smallest element holding every <article>
// of some length: the thread's posts) when it holds the pick, is
// link-light (at most postsLinks of its text in links) and the pick holds
// less than postsShare of its prose: readability kept one post, or the
// first few, of a thread. WCXB dev forum 0.799 -> 0.803 (3 pages, +0.07 to
// +0.23, none worse); at postsShare 0.8 one page lost 0.21, and with no
// share at all 10 pages lost (readability's own cleaning of a whole thread
// is better than the posts' container). The <main> element in its place
// cost a page 0.03. A pick that leaves out the opening post (the first
// block of prose of the posts' element) gives way whatever its share:
// readability kept the replies of a thread whose question it dropped.
// The <main> element, link-light and holding the pick, stands for the
// thread when the pick leaves out its opening post (a theme that shows the
// first post apart from the replies' container): WCXB dev one page 0.17
// -> 0.27, none other changed.
// WCXB dev forum 0.827 -> 0.828 (two pages +0.05, one page whose truth
// keeps a few posts only -0.02).
//
// When another candidate (a structural wrapper, the prose container) won,
// the posts' element inside it, link-light and holding at least
// wrapperShare of its prose, stands for it: what the wrapper adds is the
// board's (its welcome notice, login box, posting rules, forum jump).
// WCXB dev forum 0.825 -> 0.827 (0525 0.68 -> 0.94, two pages +0.002,
// none worse).
func posts(cands []Candidate, w int) int {
	rd := cands[w]
	if rd.Name != "readability" {
		for i, c := range cands {
			if c.Name == "article" && i != w && len(c.Blocks) > 0 && c.Stats.LinkDensity() <= postsLinks &&
				float64(c.Stats.Text) >= wrapperShare*float64(rd.Stats.Text) && holds(rd, c) {
				return i
			}
		}
		return w
	}
	for i, c := range cands {
		if (c.Name == "article" || c.Name == "main" && !opensThread(rd, c)) && len(c.Blocks) > 0 && c.Stats.LinkDensity() <= postsLinks &&
			(float64(rd.Stats.Text) < postsShare*float64(c.Stats.Text) || !opensThread(rd, c)) && holds(c, rd) {
			return i
		}
	}
	return w
}

// postsShare, postsLinks and wrapperShare: see posts.
const (
	postsShare   = 0.7
	postsLinks   = 0.25
	wrapperShare = 0.5
)

// postID reports whether an element's id is a post's in the common forum
// software, a prefix and the post's number: phpBB's "p123", vBulletin's
// "post123" and "post_123", XenForo's "js-post-123", others' "post-123",
// "postid123", "message-123". On a forum the elements so named are its
// posts, as <article>s are elsewhere (a thread of tables, vBulletin 3's,
// has no <article>).
func postID(id string) bool {
	for _, p := range []string{"js-post-", "postid", "post_", "post-", "message-", "post", "p"} {
		if rest, ok := strings.CutPrefix(id, p); ok {
			return len(rest) >= 2 && strings.Trim(rest, "0123456789") == ""
		}
	}
	return false
}

// opensThread reports whether the pick rd holds the opening post of the posts'
// element c: its first block of prose (proseBytes or more).
func opensThread(rd, c Candidate) bool {
	for _, b := range c.Blocks {
		if len(b.Text) < proseBytes {
			continue
		}
		return slices.ContainsFunc(rd.Blocks, func(r block.Block) bool { return r.Text == b.Text })
	}
	return true
}
