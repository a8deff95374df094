package pagetype

import (
	"net/url"
	"testing"
)

func TestThreadPath(t *testing.T) {
	for _, tc := range []struct {
		u    string
		want bool
	}{
		{"https://forums.example.org/viewtopic.php?t=361697", true},
		{"https://forum.example.org/showthread.php?t=186269", true},
		{"https://www.example.com/threads/2024-led-liftgate-lights.1797645/", true},
		{"https://community.example.io/t/stuck-on-starting/724779", true},
		{"https://forum.example.com/topic/319445-roadmap-discussion/", true},
		{"https://www.example.org/community/index.php?topic=589061.0", true},
		{"https://community.example.com/thread-222085.html", true},
		{"https://old.example.com/r/science/comments/1rku5x9/hair_follicles/", true},
		{"https://discuss.example.org/d/2068-types-of-threads", true},
		{"https://discuss.example.org/d/2068", true},
		{"https://lemmy.example/post/21018364", true},
		{"https://open.example.com/discussion/39620/vanilla-news", true},
		{"https://www.example.com/forums/topic/first-project/", true},
		// Directory letters, event searches, blog posts: not threads.
		{"https://www.example.com/terms/d/digital-marketing.asp", false},
		{"https://www.example.com/d/online/tech-conferences/", false},
		{"https://www.example.com/d/2024/05/story", false},
		{"https://www.example.org/post/23-new-businesses-now-open", false},
		{"https://www.example.com/post/102iphi/skiplagging", false},
		{"https://www.example.com/blog/post/2026-01-26-query-optimization/view", false},
		{"https://www.example.com/post/12345/a-tumbled-post", false},
		{"https://someone.example.com/post/745123456789", false},
		{"https://www.example.com/discussion/paper-title", false},
		{"https://www.example.com/topic/history-of-coffee", false},
		// One travel site's shape, not a forum software's: not read as a thread.
		{"https://www.example.com/ShowTopic-g294232-i525-k15476375-Tips.html", false},
		// Topic and community pages of news sites and shops are listings.
		{"https://news.example.edu/topic/software", false},
		{"https://www.example.com/topic/cloud/", false},
		{"https://www.example.com/community/tutorials/workflow-guide", false},
		{"https://www.example.com/threads/", false},
		{"https://www.example.com/news/2024/comments", false},
		{"https://www.example.com/t/shirts", false},
	} {
		u, err := url.Parse(tc.u)
		if err != nil {
			t.Fatal(err)
		}
		if got := threadPath(u); got != tc.want {
			t.Errorf("threadPath(%s) = %v, want %v", tc.u, got, tc.want)
		}
	}
	if threadPath(nil) {
		t.Error("threadPath(nil) = true")
	}
}

func TestThread(t *testing.T) {
	u, _ := url.Parse("https://forums.example.org/viewtopic.php?t=1")
	for typ, want := range map[string]string{Article: Forum, Listing: Forum, Service: Forum, Product: Product, Collection: Collection, Documentation: Documentation, Forum: Forum} {
		if got := thread(typ, u); got != want {
			t.Errorf("thread(%s) = %s, want %s", typ, got, want)
		}
	}
	plain, _ := url.Parse("https://www.example.com/news/story.html")
	if got := thread(Article, plain); got != Article {
		t.Errorf("thread(article, story) = %s", got)
	}
}
