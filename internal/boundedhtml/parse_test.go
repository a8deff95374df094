package boundedhtml

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestFlatten keeps the text and the shallow tags of a page nested deeper
// than the limit.
func TestFlatten(t *testing.T) {
	in := "<div><p>a</p>" + strings.Repeat("<div>", 5) + "deep<br>text<script>if (a<b) x()</script>" + strings.Repeat("</div>", 5) + "<p>b</p></div>"
	want := "<div><p>a</p><div><div>deep<br>text</div></div><p>b</p></div>"
	if got := string(flatten([]byte(in), 3)); got != want {
		t.Errorf("flatten =\n%s\nwant\n%s", got, want)
	}
}

// FuzzFlatten: whatever the page, flattening never makes it longer, and the
// flattened page always parses.
func FuzzFlatten(f *testing.F) {
	f.Add([]byte(strings.Repeat("<div>", 40)+"x<script>a<b</script><textarea><p>t</textarea>"), 8)
	f.Add([]byte("<table><tr><td>"+strings.Repeat("<span><b>", 30)+"y"), 4)
	f.Fuzz(func(t *testing.T, data []byte, depth int) {
		depth = 1 + abs(depth)%64
		out := flatten(data, depth)
		if len(out) > len(data) {
			t.Fatalf("flatten(%q, %d) = %q, longer than the input", data, depth, out)
		}
		if _, err := Parse(context.Background(), out, 1<<30, depth); err != nil {
			t.Fatalf("flatten(%q, %d) = %q, which does not parse: %v", data, depth, out, err)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestStartTagBound: the byte scan never counts fewer start tags than the
// tokenizer finds, so a page it lets skip the exact count is within the cap.
func TestStartTagBound(t *testing.T) {
	for _, page := range []string{
		"",
		"<",
		"<p>a</p><P>b<br/>",
		"a < b and c<d",
		"<script>if (a<b) x = '<p>'</script><p>x</p>",
		"<!-- <p> --><![CDATA[<b>]]><? <i> ?><p>",
		"<svg><circle/></svg><a\nhref=x>",
		"</p><1p><_x><p",
	} {
		z := html.NewTokenizer(strings.NewReader(page))
		n := 0
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
				n++
			}
		}
		if got := startTagBound([]byte(page)); got < n {
			t.Errorf("startTagBound(%q) = %d, the tokenizer finds %d start tags", page, got, n)
		}
	}
}
