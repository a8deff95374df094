package content

import (
	"strings"
	"testing"

	"github.com/winnowhq/winnow/internal/domtext"
	"github.com/winnowhq/winnow/pagetype"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A thread's opening post and a reply to it, each long enough to count.
var (
	openingPost = strings.Repeat("The opening post asks the question of the thread. ", 3)
	replyPost   = strings.Repeat("A reply that answers the question at some length. ", 3)
)

// qaMain returns the <main> of a Q&A page: the question, then the answers.
func qaMain(t *testing.T) *html.Node {
	t.Helper()
	doc := parse(t, `<main><div id="question"><p>question</p></div><div id="answers"><p>answers</p></div></main>`)
	return domtext.First(doc, atom.Main)
}

// On a forum the wrapper is not trimmed to the element holding nine tenths
// of its prose when that element leaves out readability's pick: a Q&A
// page's question beside its answers.
func TestChooseTrimThread(t *testing.T) {
	main := qaMain(t)
	answers := main.FirstChild.NextSibling
	rd := cand("readability", 100, 0, "question")
	m := cand("main", 1000, 100, "question", "answers")
	m.Node = main
	p := cand("prose", 950, 90, "answers")
	p.Node = answers
	cs := []Candidate{rd, m, p}
	if got := cs[Choose(cs, pagetype.Forum)].Name; got != "main" {
		t.Errorf("forum: Choose = %s, want main (prose leaves out the question)", got)
	}
	if got := cs[Choose(cs, pagetype.Listing)].Name; got != "prose" {
		t.Errorf("listing: Choose = %s, want prose", got)
	}
	// Where the smaller element holds the pick too, it stands for the wrapper.
	p.Blocks = m.Blocks
	cs = []Candidate{rd, m, p}
	if got := cs[Choose(cs, pagetype.Forum)].Name; got != "prose" {
		t.Errorf("forum, pick held: Choose = %s, want prose", got)
	}
}

// On a forum readability's pick of one post gives way to the element
// holding every post when that holds the pick and is link-light.
func TestChoosePosts(t *testing.T) {
	rd := cand("readability", 800, 0, "first post")
	art := cand("article", 1200, 100, "first post", "second post", "third post")
	cs := []Candidate{rd, art}
	if got := cs[Choose(cs, pagetype.Forum)].Name; got != "article" {
		t.Errorf("forum: Choose = %s, want article", got)
	}
	if got := cs[Choose(cs, pagetype.Article)].Name; got != "readability" {
		t.Errorf("article page: Choose = %s, want readability", got)
	}
	// The pick holding most of the posts' prose is readability's own
	// cleaning of the thread: it stays.
	rd.Stats.Text = 1000
	cs = []Candidate{rd, art}
	if got := cs[Choose(cs, pagetype.Forum)].Name; got != "readability" {
		t.Errorf("forum, pick holds 80%%: Choose = %s, want readability", got)
	}
	// Link-heavy: a list of other threads, not the posts.
	rd.Stats.Text = 800
	art.Stats.Link = 600
	cs = []Candidate{rd, art}
	if got := cs[Choose(cs, pagetype.Forum)].Name; got != "readability" {
		t.Errorf("forum, link-heavy: Choose = %s, want readability", got)
	}
}

// On a forum the element holding the posts stands for a wrapper that won
// around it (the board's notices and menus beside the thread).
func TestPostsInWrapper(t *testing.T) {
	pr := cand("prose", 1500, 200, "welcome to the board", "first post", "second post", "posting rules")
	art := cand("article", 800, 20, "first post", "second post")
	cs := []Candidate{pr, art}
	if got := cs[posts(cs, 0)].Name; got != "article" {
		t.Errorf("posts = %s, want article", got)
	}
	art.Stats.Text = 600 // less than half of the wrapper's prose
	cs = []Candidate{pr, art}
	if got := cs[posts(cs, 0)].Name; got != "prose" {
		t.Errorf("small share: posts = %s, want prose", got)
	}
}

func TestPostID(t *testing.T) {
	for id, want := range map[string]bool{"p123": true, "post2017066": true, "post_12": true, "js-post-991": true, "post-45": true, "postid77": true, "message-301": true,
		"p1": false, "post": false, "page2": false, "posts": false, "p12a": false, "": false} {
		if got := postID(id); got != want {
			t.Errorf("postID(%q) = %v, want %v", id, got, want)
		}
	}
}

// Readability's pick of a thread that holds most of its posts but not the
// opening one gives way to the posts' element.
func TestChoosePostsOpening(t *testing.T) {
	rd := cand("readability", 900, 0, replyPost, replyPost+"again")
	art := cand("article", 1000, 50, openingPost, replyPost, replyPost+"again")
	cs := []Candidate{rd, art}
	if got := cs[Choose(cs, pagetype.Forum)].Name; got != "article" {
		t.Errorf("pick without the opening post: Choose = %s, want article", got)
	}
	rd = cand("readability", 900, 0, openingPost, replyPost)
	cs = []Candidate{rd, art}
	if got := cs[Choose(cs, pagetype.Forum)].Name; got != "readability" {
		t.Errorf("pick with the opening post: Choose = %s, want readability", got)
	}
}

// On a forum the wrapper is not trimmed to an element that leaves out its
// opening post, even when readability picked an answer inside it.
func TestTrimThreadOpening(t *testing.T) {
	main := qaMain(t)
	question := strings.Repeat("The question of the thread, asked at some length. ", 3)
	answer := strings.Repeat("An answer to the question, given at some length. ", 3)
	rd := cand("readability", 150, 0, answer)
	m := cand("main", 1000, 100, question, answer, answer+"again")
	m.Node = main
	p := cand("prose", 950, 90, answer, answer+"again")
	p.Node = main.FirstChild.NextSibling
	cs := []Candidate{rd, m, p}
	if got := cs[trimThread(cs, 1)].Name; got != "main" {
		t.Errorf("trimThread = %s, want main (prose leaves out the question)", got)
	}
}

// The <main> element holding the pick stands for a thread whose opening
// post the pick leaves out.
func TestChoosePostsMain(t *testing.T) {
	rd := cand("readability", 900, 0, replyPost, replyPost+"again")
	m := cand("main", 1000, 50, openingPost, replyPost, replyPost+"again")
	cs := []Candidate{rd, m}
	if got := cs[posts(cs, 0)].Name; got != "main" {
		t.Errorf("posts = %s, want main", got)
	}
	rd = cand("readability", 900, 0, openingPost, replyPost)
	cs = []Candidate{rd, m}
	if got := cs[posts(cs, 0)].Name; got != "readability" {
		t.Errorf("pick with the opening post: posts = %s, want readability", got)
	}
}
