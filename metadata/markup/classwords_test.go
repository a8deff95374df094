package markup

import (
	"testing"

	"golang.org/x/net/html"
)

func FuzzClassWords(f *testing.F) {
	for _, s := range []string{"Comment-list", "site-NAV", "sidebar", "İnav", "review", "x y z", "menü", "post-date", "BYLINE", "entry-time author"} {
		f.Add(s, "id-"+s)
	}
	f.Fuzz(func(t *testing.T, class, id string) {
		n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: class}, {Key: "id", Val: id}}}
		got := classes.of(n)
		for i, words := range [][]string{outsideClasses, bylineWords, dateWords} {
			if has, want := got&(1<<i) != 0, ClassSays(n, words...); has != want {
				t.Errorf("%v: class %q id %q: marked %v, ClassSays %v", words, class, id, has, want)
			}
		}
	})
}
