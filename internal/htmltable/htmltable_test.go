package htmltable

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func table(t *testing.T, src string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.DataAtom == atom.Table {
			return n
		}
	}
	t.Fatal("no table")
	return nil
}

func TestShape(t *testing.T) {
	for _, c := range []struct {
		src         string
		width, rows int
	}{
		{`<table><tr><th>Site</th><th>Date</th></tr><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table>`, 2, 2},
		{`<table><tr><td>Site</td><th>Date</th></tr><tr><td>a</td><td>1</td></tr></table>`, 0, 2},
		{`<table><tr><td><table><tr><th>x</th></tr><tr><td>y</td></tr></table></td></tr></table>`, 0, 1},
		{`<table><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead><tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>`, 3, 1},
	} {
		tb := table(t, c.src)
		if got := HeaderWidth(tb); got != c.width {
			t.Errorf("HeaderWidth(%s) = %d, want %d", c.src, got, c.width)
		}
		if got := len(DataRows(tb)); got != c.rows {
			t.Errorf("DataRows(%s) = %d rows, want %d", c.src, got, c.rows)
		}
	}
}
