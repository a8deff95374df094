package dom

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestBuild(t *testing.T) {
	p := El("p", []html.Attribute{{Key: "class", Val: "x"}}, Text("a"), nil)
	div := El("div", nil, p)
	InsertAfter(p, El("b", nil, Text("c")))
	InsertAfter(p, Text(" "))
	var b strings.Builder
	if err := html.Render(&b, div); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), `<div><p class="x">a</p> <b>c</b></div>`; got != want {
		t.Errorf("built %s, want %s", got, want)
	}
}
