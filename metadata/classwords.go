package metadata

import (
	"golang.org/x/net/html"

	"github.com/winnowhq/winnow/internal/litscan"
)

// classWords is classSays for a fixed list of words, asked of every element:
// a class or id is scanned once for all the words (litscan.Words) instead of
// lower-cased and searched once per word.
type classWords struct {
	words []string
	set   *litscan.Words
}

func newClassWords(words []string) classWords {
	return classWords{words: words, set: litscan.NewWords(words)}
}

// outside finds outsideClasses; bylineClasses and dateClasses the names of
// the elements whose text is read as a byline or a date line.
var (
	outside       = newClassWords(outsideClasses)
	bylineClasses = newClassWords([]string{"byline", "author"})
	dateClasses   = newClassWords([]string{"date", "publish", "posted", "byline", "time"})
)

// says reports classSays(n, cw.words...).
func (cw *classWords) says(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && (a.Key == "class" || a.Key == "id") && cw.set.In(a.Val) {
			return true
		}
	}
	return false
}
