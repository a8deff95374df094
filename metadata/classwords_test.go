package metadata

import (
	"testing"

	"golang.org/x/net/html"
)

func FuzzClassWords(f *testing.F) {
	for _, s := range []string{"Comment-list", "site-NAV", "sidebar", "İnav", "review", "x y z", "menü"} {
		f.Add(s, "id-"+s)
	}
	f.Fuzz(func(t *testing.T, class, id string) {
		n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: class}, {Key: "id", Val: id}}}
		for _, cw := range []*classWords{&outside, &bylineClasses, &dateClasses} {
			if got, want := cw.says(n), classSays(n, cw.words...); got != want {
				t.Errorf("%v: class %q id %q: says %v, classSays %v", cw.words, class, id, got, want)
			}
		}
	})
}
